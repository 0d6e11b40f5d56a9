"""Working on one case: the state change, its timeline entry and the events it causes are saved
together (the events in an outbox on the case), then published. A crash in between leaves the
events in the outbox, and the relay publishes them later with the same ids."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from pydantic import TypeAdapter

from assignment.deadlines import DeadlinePolicy
from assignment.lifecycle import Status, check_transition
from assignment.metrics import AssignmentMetrics
from assignment.repository import CaseRepository, DirectoryRepository
from shared.clock import Clock
from shared.errors import DomainError, NotFound
from shared.events import ArchivedEvent, DeadlinesUpdated, Event, new_event

PRODUCER = "assignment"
Case = dict[str, Any]
E = TypeVar("E", bound=Event)
_ANY_EVENT: TypeAdapter[Event] = TypeAdapter(ArchivedEvent)


class Conflict(DomainError):
    status_code = 409


@dataclass(frozen=True)
class AssignmentDeps:
    cases: CaseRepository
    directory: DirectoryRepository
    publish: Callable[[Event], Awaitable[None]]
    clock: Clock
    policy: DeadlinePolicy
    metrics: AssignmentMetrics
    reopen_window: timedelta = timedelta(days=14)
    appeal_window: timedelta = timedelta(days=183)
    join_window: timedelta = timedelta(hours=72)


async def load(deps: AssignmentDeps, reference: str) -> Case:
    """A case by complaint id or by number."""
    case = await deps.cases.find(reference) or await deps.cases.find_by_number(reference.upper())
    if case is None:
        raise NotFound("no such case")
    return case


def event(
    case: Case, event_class: type[E], *, now: datetime, once_per: str | None = None, **payload: Any
) -> E:
    """An event about this case. Its id comes from the case's version (so a retried action
    repeats it), or from `once_per` for what must happen once whatever the version."""
    return new_event(
        event_class,
        complaint_id=case["complaint_id"],
        producer=PRODUCER,
        trace_id=case["trace_id"],
        occurred_at=now,
        discriminator=once_per or f"v{case['version']}",
        number=case["number"],
        **payload,
    )


def move(
    case: Case, target: Status, *, now: datetime, actor: str, action: str, **detail: Any
) -> None:
    check_transition(case["status"], target)
    case["status"] = target
    record(case, now=now, actor=actor, action=action, **detail)


def record(case: Case, *, now: datetime, actor: str, action: str, **detail: Any) -> None:
    case["timeline"].append({"at": now, "actor": actor, "action": action, **detail})
    case["updated_at"] = now


def emit(case: Case, *events: Event) -> None:
    case["outbox"].extend(e.model_dump(mode="json") for e in events)


def deadlines_event(case: Case, *, now: datetime) -> DeadlinesUpdated:
    pending = {
        name: d["due_at"] for name, d in case["deadlines"].items() if d.get("met_at") is None
    }
    return event(
        case, DeadlinesUpdated, now=now, pending=pending, paused=bool(case.get("paused_at"))
    )


async def commit(case: Case, deps: AssignmentDeps) -> None:
    """Save, then publish the outbox; someone else's change in between is a conflict."""
    if not await deps.cases.save(case):
        raise Conflict("the case changed meanwhile; reload and try again")
    await publish_outbox(case, deps)


async def publish_outbox(case: Case, deps: AssignmentDeps) -> None:
    for payload in case["outbox"]:
        await deps.publish(_ANY_EVENT.validate_python(payload))
    if case["outbox"]:
        await deps.cases.clear_outbox(case["complaint_id"], version=case["version"])
        case["outbox"] = []


def new_case(
    *, complaint_id: str, number: str, trace_id: str, now: datetime, **fields: Any
) -> Case:
    return {
        "complaint_id": complaint_id,
        "case_id": complaint_id,
        "primary": True,
        "number": number,
        "trace_id": trace_id,
        "status": "classified",
        "timeline": [],
        "outbox": [],
        "deadlines": {},
        "seen_events": [],
        "version": 1,
        "created_at": now,
        "updated_at": now,
        **fields,
    }
