"""What handlers, team leads and supervisors do with cases through the API.

A handler sees and acts on their own team's cases only; another team's case answers as if it
did not exist, so case numbers cannot be probed. Working on a case someone else holds needs
the team lead.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from assignment import timers
from assignment.cases import (
    AssignmentDeps,
    Case,
    commit,
    deadlines_event,
    emit,
    event,
    load,
    move,
    record,
)
from assignment.deadlines import RECEIPT_DEADLINES
from assignment.lifecycle import OPEN
from assignment.routing import place
from shared.auth import Principal
from shared.errors import DomainError, NotFound
from shared.events import (
    AppealDecided,
    CaseNoteAdded,
    ComplaintClosed,
    ComplaintReclassified,
    ComplaintResolved,
    Deadline,
    DecisionOverturned,
    EvidenceReference,
    InformationRequested,
    InvestigationStarted,
    Outcome,
)
from shared.submission import Category, Priority

_PRIORITY_ORDER = {"P1": 0, "P2": 1, "P3": 2, "P4": 3}
_FAR_FUTURE = datetime.max.replace(tzinfo=None)


class Forbidden(DomainError):
    status_code = 403


async def visible_case(deps: AssignmentDeps, principal: Principal, reference: str) -> Case:
    case = await load(deps, reference)
    if not case.get("team") or not principal.works_in(case["team"]):
        raise NotFound("no such case")
    return case


def _require_holder(case: Case, principal: Principal) -> None:
    if case.get("handler_id") != principal.subject and not principal.leads(case["team"]):
        raise Forbidden("only the handler holding the case or the team lead may do this")


def _next_due(case: Case) -> datetime:
    pending = [d["due_at"] for d in case.get("deadlines", {}).values() if d.get("met_at") is None]
    return min(pending).replace(tzinfo=None) if pending else _FAR_FUTURE


async def queue(deps: AssignmentDeps, principal: Principal, *, scope: str) -> list[Case]:
    """Open cases, by priority and then by the nearest deadline."""
    if scope == "mine":
        cases = await deps.cases.queue(team=None, handler_id=principal.subject)
    elif principal.is_supervisor and scope == "all":
        cases = await deps.cases.queue(team=None, handler_id=None)
    else:
        cases = await deps.cases.queue(team=principal.team, handler_id=None)
    if scope == "triage":
        cases = [c for c in cases if c.get("in_triage")]
    return sorted(cases, key=lambda c: (_PRIORITY_ORDER[c["priority"]], _next_due(c)))


async def claim(deps: AssignmentDeps, principal: Principal, reference: str) -> Case:
    case = await visible_case(deps, principal, reference)
    if case["status"] not in OPEN or case.get("in_triage"):
        raise DomainError("only an open, triaged case can be claimed")
    now = deps.clock()
    emit(
        case,
        await place(case, deps, now=now, actor=principal.subject, handler_id=principal.subject),
    )
    await _commit_meeting(case, deps, ("initial_review",), now=now)
    return case


async def reassign(
    deps: AssignmentDeps, principal: Principal, reference: str, *, handler_id: str
) -> Case:
    case = await visible_case(deps, principal, reference)
    if not principal.leads(case["team"]):
        raise Forbidden("reassigning is for the team lead")
    if case["status"] not in OPEN:
        raise DomainError("only an open case can be reassigned")
    now = deps.clock()
    emit(case, await place(case, deps, now=now, actor=principal.subject, handler_id=handler_id))
    await commit(case, deps)
    return case


async def start_investigation(deps: AssignmentDeps, principal: Principal, reference: str) -> Case:
    case = await visible_case(deps, principal, reference)
    _require_holder(case, principal)
    now = deps.clock()
    move(case, "investigating", now=now, actor=principal.subject, action="investigation started")
    emit(case, event(case, InvestigationStarted, now=now, handler_id=principal.subject))
    await _commit_meeting(case, deps, ("initial_review", "investigation"), now=now)
    await _propagate(
        case,
        deps,
        InvestigationStarted,
        payload={"handler_id": principal.subject},
        updates={"status": "investigating"},
    )
    return case


async def add_note(
    deps: AssignmentDeps,
    principal: Principal,
    reference: str,
    *,
    note: str,
    evidence: list[EvidenceReference],
) -> Case:
    case = await visible_case(deps, principal, reference)
    now = deps.clock()
    record(
        case,
        now=now,
        actor=principal.subject,
        action="note",
        note=note,
        evidence=[e.model_dump() for e in evidence],
    )
    emit(
        case,
        event(
            case,
            CaseNoteAdded,
            now=now,
            handler_id=principal.subject,
            note=note,
            evidence=tuple(evidence),
        ),
    )
    await commit(case, deps)
    return case


async def request_information(
    deps: AssignmentDeps, principal: Principal, reference: str, *, question: str
) -> Case:
    """Ask the reporter; every deadline clock pauses until they answer through intake."""
    case = await visible_case(deps, principal, reference)
    _require_holder(case, principal)
    now = deps.clock()
    move(case, "waiting_for_user", now=now, actor=principal.subject, action="information requested")
    timers.pause(case, now=now)
    emit(
        case,
        event(case, InformationRequested, now=now, handler_id=principal.subject, question=question),
    )
    emit(case, deadlines_event(case, now=now))
    await commit(case, deps)
    await deps.cases.pause_timers(case["complaint_id"])
    return case


async def resolve(
    deps: AssignmentDeps,
    principal: Principal,
    reference: str,
    *,
    outcome: Outcome,
    explanation: str,
    policy_basis: str,
) -> Case:
    case = await visible_case(deps, principal, reference)
    _require_holder(case, principal)
    now = deps.clock()
    if case.get("paused_at"):
        timers.resume(case, now=now)
    move(case, "resolved", now=now, actor=principal.subject, action="resolved", outcome=outcome)
    decision = {"outcome": outcome, "explanation": explanation, "policy_basis": policy_basis}
    case.update(decided_by=principal.subject, resolved_at=now, **decision)
    resolved = {"handler_id": principal.subject, "handler_name": case["handler_name"], **decision}
    emit(case, event(case, ComplaintResolved, now=now, **resolved))
    await _commit_meeting(case, deps, RECEIPT_DEADLINES, now=now)
    # Every reporter of the same object gets their own result.
    await _propagate(
        case,
        deps,
        ComplaintResolved,
        payload=resolved,
        updates={
            "status": "resolved",
            "resolved_at": now,
            "decided_by": principal.subject,
            **decision,
        },
    )
    return case


async def decide_appeal(
    deps: AssignmentDeps, principal: Principal, reference: str, *, decision: str, explanation: str
) -> Case:
    """A person decides every appeal, and never the one who made the original decision."""
    case = await visible_case(deps, principal, reference)
    if case["status"] != "appealed":
        raise DomainError("this case has no appeal to decide")
    if principal.subject == case["decided_by"]:
        raise Forbidden("an appeal is decided by someone other than the original decider")
    _require_holder(case, principal)
    now = deps.clock()
    move(
        case, "closed", now=now, actor=principal.subject, action="appeal decided", decision=decision
    )
    emit(
        case,
        event(
            case,
            AppealDecided,
            now=now,
            handler_id=principal.subject,
            handler_name=case["handler_name"],
            decision=decision,
            explanation=explanation,
            original_outcome=case["outcome"],
        ),
    )
    if decision == "overturned":
        emit(
            case,
            event(
                case,
                DecisionOverturned,
                now=now,
                original_outcome=case["outcome"],
                reported_object=case.get("reported_object"),
            ),
        )
    emit(case, event(case, ComplaintClosed, now=now, reason="answered"))
    deps.metrics.appeals.labels(decision=decision).inc()
    await _commit_meeting(case, deps, ("appeal",), now=now)
    return case


async def reclassify(
    deps: AssignmentDeps,
    principal: Principal,
    reference: str,
    *,
    category: Category,
    subcategory: str,
    priority: Priority,
) -> Case:
    """A person's correction of the classifier: recorded as a labelled example, and the case
    goes (again) to the team of its category."""
    case = await visible_case(deps, principal, reference)
    if not principal.leads(case["team"]):
        raise Forbidden("triage and reclassification are for team leads and supervisors")
    now = deps.clock()
    emit(
        case,
        event(
            case,
            ComplaintReclassified,
            now=now,
            handler_id=principal.subject,
            previous_category=case["category"],
            previous_subcategory=case["subcategory"],
            previous_priority=case["priority"],
            category=category,
            subcategory=subcategory,
            priority=priority,
            language=case["language"],
        ),
    )
    rerouted = case.get("in_triage") or category != case["category"]
    case.update(category=category, subcategory=subcategory, priority=priority, in_triage=False)
    if rerouted:
        emit(case, await place(case, deps, now=now, actor=principal.subject))
        if case["status"] == "classified":
            move(case, "assigned", now=now, actor=principal.subject, action="status")
    await commit(case, deps)
    return case


async def _propagate(
    case: Case,
    deps: AssignmentDeps,
    event_class: Any,
    *,
    payload: dict[str, Any],
    updates: dict[str, Any],
) -> None:
    """Reports joined to this case follow it: the same step, each with its own event."""
    if not case["primary"]:
        return
    now = deps.clock()
    for member in await deps.cases.members(case["complaint_id"]):
        member.update(updates)
        record(member, now=now, actor=case["handler_id"], action=event_class.__name__)
        emit(member, event(member, event_class, now=now, **payload))
        await commit(member, deps)


async def _commit_meeting(
    case: Case, deps: AssignmentDeps, deadlines: Iterable[Deadline], *, now: datetime
) -> None:
    """Mark these deadlines met, announce the deadlines, save, and drop the met ones' timers."""
    met = [name for name in deadlines if timers.meet(case, name, now=now)]
    emit(case, deadlines_event(case, now=now))
    await commit(case, deps)
    for name in met:
        await deps.cases.cancel_timers(case["complaint_id"], name)
