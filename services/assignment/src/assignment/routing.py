"""Who gets a case: an available handler of the team who speaks the reporter's language and has
the most room left, never someone the case must not go to (the decider, for an appeal)."""

from datetime import datetime

from assignment.cases import AssignmentDeps, Case, event, record
from assignment.directory import Handler
from shared.errors import DomainError
from shared.events import ComplaintAssigned, ComplaintEscalated


def choose_handler(
    handlers: list[Handler],
    *,
    language: str,
    load: dict[str, int],
    exclude: frozenset[str] = frozenset(),
) -> Handler | None:
    candidates = [h for h in handlers if h.available and h.id not in exclude]
    if not candidates:
        return None
    speakers = [h for h in candidates if language in h.languages] or candidates
    with_room = [h for h in speakers if load.get(h.id, 0) < h.capacity] or speakers
    # Least loaded relative to capacity; the id breaks ties so routing is repeatable.
    return min(with_room, key=lambda h: (load.get(h.id, 0) / max(h.capacity, 1), h.id))


class NoHandlerAvailable(DomainError):
    status_code = 409


async def place(
    case: Case,
    deps: AssignmentDeps,
    *,
    now: datetime,
    actor: str,
    exclude: frozenset[str] = frozenset(),
    handler_id: str | None = None,
) -> ComplaintAssigned:
    """Give the case its category's team and a handler (chosen, or the one named)."""
    team = await deps.directory.team_for(case["category"])
    if team is None:
        raise NoHandlerAvailable(f"no team handles {case['category']}")
    handlers = await deps.directory.handlers(team.id)
    if handler_id is not None:
        handler = next((h for h in handlers if h.id == handler_id and h.available), None)
        if handler is None:
            raise NoHandlerAvailable("that handler is not an available member of the team")
    else:
        load = await deps.cases.open_load([h.id for h in handlers])
        handler = choose_handler(handlers, language=case["language"], load=load, exclude=exclude)
        if handler is None:
            raise NoHandlerAvailable(f"no available handler in {team.id}")
    case.update(
        team=team.id,
        handler_id=handler.id,
        handler_name=handler.name,
        handler_email=str(handler.email),
        assigned_at=now,
    )
    record(case, now=now, actor=actor, action="assigned", team=team.id, handler_id=handler.id)
    deps.metrics.assigned.labels(team=team.id, priority=case["priority"]).inc()
    return event(
        case,
        ComplaintAssigned,
        now=now,
        team=team.id,
        handler_id=handler.id,
        handler_name=handler.name,
        handler_email=handler.email,
        category=case["category"],
        priority=case["priority"],
        language=case["language"],
    )


async def escalation(
    case: Case,
    deps: AssignmentDeps,
    *,
    now: datetime,
    reason: str,
    deadline: str | None,
    once_per: str | None = None,
) -> ComplaintEscalated:
    team = await deps.directory.team(case["team"])
    lead = await deps.directory.handler(team.lead_id) if team else None
    if team is None or lead is None:
        raise NoHandlerAvailable(f"team {case.get('team')} has no lead to escalate to")
    record(case, now=now, actor="clock", action="escalated", reason=reason, deadline=deadline)
    deps.metrics.escalated.labels(team=team.id, reason=reason).inc()
    due = case["deadlines"][deadline]["due_at"] if deadline else None
    return event(
        case,
        ComplaintEscalated,
        now=now,
        once_per=once_per,
        reason=reason,
        deadline=deadline,
        due_at=due,
        team=team.id,
        team_lead_id=lead.id,
        team_lead_name=lead.name,
        team_lead_email=lead.email,
        priority=case["priority"],
    )
