"""Assignment's reactions to other services' events: a classified complaint becomes a case;
the reporter's rating, answer or appeal moves it on."""

from datetime import datetime

import structlog

from assignment import timers
from assignment.cases import (
    AssignmentDeps,
    Case,
    commit,
    deadlines_event,
    emit,
    event,
    move,
    new_case,
    publish_outbox,
    record,
)
from assignment.deadlines import RECEIPT_DEADLINES
from assignment.routing import escalation, place
from shared.events import (
    AppealFiled,
    ComplaintClassified,
    ComplaintClosed,
    ComplaintJoinedCase,
    ComplaintReopened,
    FeedbackGiven,
    InformationProvided,
    ReporterDataErased,
    UserFeedback,
)

log = structlog.get_logger(__name__)


def object_key(classified: ComplaintClassified) -> str | None:
    reported = classified.reported_object
    if reported is None or not (reported.id or reported.url):
        return None
    return f"{reported.type}:{reported.id or reported.url}"


async def open_case(*, classified: ComplaintClassified, deps: AssignmentDeps) -> None:
    """A new case: to triage when the classifier is unsure, joined to an open case about the
    same object, or placed with a team and a handler. A redelivery republishes what is unsent."""
    existing = await deps.cases.find(classified.complaint_id)
    if existing is not None:
        await publish_outbox(existing, deps)
        return
    now = deps.clock()
    received_at = classified.received_at or classified.occurred_at
    case = new_case(
        complaint_id=classified.complaint_id,
        number=classified.number,
        trace_id=classified.trace_id,
        now=now,
        received_at=received_at,
        category=classified.category,
        subcategory=classified.subcategory,
        priority=classified.priority,
        language=classified.language,
        confidence=classified.confidence,
        in_triage=classified.needs_review,
        object_key=object_key(classified),
        reported_object=(
            classified.reported_object.model_dump(mode="json")
            if classified.reported_object
            else None
        ),
    )
    record(case, now=now, actor="classifier", action="classified", category=case["category"])
    new_timers: list[dict[str, object]] = []
    primary = None
    if case["object_key"] and not case["in_triage"]:
        primary = await deps.cases.open_case_about(
            case["object_key"], since=received_at - deps.join_window
        )
    if primary is not None:
        _join(case, primary, now=now)
    else:
        if case["in_triage"]:
            team = await deps.directory.team_for(case["category"])
            case["team"] = team.id if team else None
            record(case, now=now, actor="classifier", action="sent to triage")
        else:
            emit(case, await place(case, deps, now=now, actor="router"))
            move(case, "assigned", now=now, actor="router", action="status")
        new_timers = timers.start(case, RECEIPT_DEADLINES, start_at=received_at, deps=deps)
        emit(case, deadlines_event(case, now=now))
        if case["priority"] == "P1" and case.get("team"):
            # Imminent harm never waits for a deadline: the team lead hears at once.
            emit(case, await escalation(case, deps, now=now, reason="imminent_harm", deadline=None))
            if not case["in_triage"]:
                move(case, "escalated", now=now, actor="router", action="status")
    if not await deps.cases.insert(case):
        return await open_case(classified=classified, deps=deps)
    await deps.cases.set_timers(case["complaint_id"], new_timers)
    await publish_outbox(case, deps)
    log.info("case opened", complaint_id=case["complaint_id"], team=case.get("team"))


def _join(case: Case, primary: Case, *, now: datetime) -> None:
    case.update(
        case_id=primary["complaint_id"],
        primary=False,
        team=primary["team"],
        handler_id=primary.get("handler_id"),
        handler_name=primary.get("handler_name"),
        handler_email=primary.get("handler_email"),
        status=primary["status"],
    )
    record(case, now=now, actor="router", action="joined case", case_id=primary["complaint_id"])
    emit(case, event(case, ComplaintJoinedCase, now=now, case_id=primary["complaint_id"]))


async def take_feedback(*, feedback: UserFeedback, deps: AssignmentDeps) -> None:
    case = await deps.cases.find(feedback.complaint_id)
    if case is None:
        # The classification may still be on its way (another topic): retried, then dead-lettered.
        raise LookupError("feedback for a complaint without a case yet")
    if str(feedback.event_id) in case["seen_events"]:
        await publish_outbox(case, deps)
        return
    case["seen_events"].append(str(feedback.event_id))
    now = deps.clock()
    new_timers: list[dict[str, object]] = []
    match feedback:
        case FeedbackGiven(rating=rating):
            new_timers = _rate(case, rating, deps=deps, now=now)
        case InformationProvided():
            if case["status"] == "waiting_for_user":
                paused_for = timers.resume(case, now=now)
                move(
                    case, "investigating", now=now, actor="reporter", action="information provided"
                )
                emit(case, deadlines_event(case, now=now))
                await deps.cases.resume_timers(case["complaint_id"], paused_for)
            else:
                record(case, now=now, actor="reporter", action="information provided")
        case AppealFiled():
            new_timers = await _appeal(case, deps=deps, now=now)
    await deps.cases.set_timers(case["complaint_id"], new_timers)
    await commit(case, deps)


def _rate(
    case: Case, rating: int, *, deps: AssignmentDeps, now: datetime
) -> list[dict[str, object]]:
    record(case, now=now, actor="reporter", action="rated", rating=rating)
    resolved_at = case.get("resolved_at")
    recent = resolved_at is not None and now - resolved_at <= deps.reopen_window
    if rating <= 2 and recent and case["status"] in ("resolved", "closed"):
        move(case, "reopened", now=now, actor="reporter", action="status", reason="low_rating")
        emit(case, event(case, ComplaintReopened, now=now, reason="low_rating", team=case["team"]))
        deps.metrics.reopened.labels(reason="low_rating").inc()
        started = timers.start(case, ("result",), start_at=now, deps=deps)
        emit(case, deadlines_event(case, now=now))
        return started
    if rating >= 3 and case["status"] == "resolved":
        move(case, "closed", now=now, actor="reporter", action="status")
        emit(case, event(case, ComplaintClosed, now=now, reason="answered"))
    return []


async def _appeal(case: Case, *, deps: AssignmentDeps, now: datetime) -> list[dict[str, object]]:
    resolved_at = case.get("resolved_at")
    if case["status"] not in ("resolved", "closed") or resolved_at is None:
        record(case, now=now, actor="reporter", action="appeal refused: no decision yet")
        return []
    if now - resolved_at > deps.appeal_window:
        record(case, now=now, actor="reporter", action="appeal refused: window closed")
        return []
    move(case, "appealed", now=now, actor="reporter", action="status")
    # The appeal is its own case now, and someone other than the decider reviews it.
    case.update(case_id=case["complaint_id"], primary=True)
    emit(
        case,
        await place(case, deps, now=now, actor="router", exclude=frozenset({case["decided_by"]})),
    )
    started = timers.start(case, ("appeal",), start_at=now, deps=deps)
    emit(case, deadlines_event(case, now=now))
    return started


async def erase_personal_data(*, erased: ReporterDataErased, deps: AssignmentDeps) -> None:
    """Handlers' notes and evidence references may name the reporter: they go; the case's
    steps, outcome and timings stay for statistics."""
    case = await deps.cases.find(erased.complaint_id)
    if case is None or case.get("erased"):
        return
    for entry in case["timeline"]:
        if "note" in entry:
            entry.update(note="[erased]", evidence=[])
    case["erased"] = True
    await commit(case, deps)
