"""Assignment's rules: a classified complaint gets its category's team and a named handler."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

import structlog

from assignment.directory import Directory
from assignment.metrics import AssignmentMetrics
from shared.clock import Clock
from shared.events import ComplaintAssigned, ComplaintClassified, Event, new_event

log = structlog.get_logger(__name__)

PRODUCER = "assignment"


class Cases(Protocol):
    async def find(self, complaint_id: str) -> dict[str, Any] | None: ...
    async def next_turn(self, team_id: str) -> int: ...
    async def keep_first(self, *, complaint_id: str, case: dict[str, Any]) -> dict[str, Any]: ...


@dataclass(frozen=True)
class AssignmentDeps:
    cases: Cases
    directory: Directory
    publish_assigned: Callable[[Event], Awaitable[None]]
    clock: Clock
    metrics: AssignmentMetrics


async def assign_complaint(*, classified: ComplaintClassified, deps: AssignmentDeps) -> None:
    """Round-robin within the team; a redelivered complaint keeps the handler it already has."""
    case = await deps.cases.find(classified.complaint_id)
    if case is None:
        team = deps.directory.team_for(classified.category)
        handler = team.handlers[await deps.cases.next_turn(team.id) % len(team.handlers)]
        case = await deps.cases.keep_first(
            complaint_id=classified.complaint_id,
            case={
                "number": classified.number,
                "team": team.id,
                "handler_id": handler.id,
                "handler_name": handler.name,
                "handler_email": handler.email,
                "category": classified.category,
                "subcategory": classified.subcategory,
                "priority": classified.priority,
                "language": classified.language,
                "status": "assigned",
                "assigned_at": deps.clock(),
            },
        )
    event = new_event(
        ComplaintAssigned,
        complaint_id=classified.complaint_id,
        producer=PRODUCER,
        trace_id=classified.trace_id,
        occurred_at=case["assigned_at"],
        number=case["number"],
        team=case["team"],
        handler_id=case["handler_id"],
        handler_name=case["handler_name"],
        handler_email=case["handler_email"],
        category=case["category"],
        priority=case["priority"],
        language=case["language"],
    )
    await deps.publish_assigned(event)
    deps.metrics.assigned.labels(team=event.team, priority=event.priority).inc()
    log.info(
        "complaint assigned",
        complaint_id=event.complaint_id,
        team=event.team,
        handler_id=event.handler_id,
    )
