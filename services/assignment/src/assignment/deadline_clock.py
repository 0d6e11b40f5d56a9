"""The clock that owns the deadlines: warns at 75 %, escalates when one passes, and relays events
left in a case's outbox by a crash. Timers live in MongoDB, so a restart loses none; each is
claimed atomically and its events have ids derived from the timer, so each fires once."""

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

import structlog

from assignment import timers
from assignment.cases import (
    AssignmentDeps,
    Conflict,
    commit,
    emit,
    event,
    load,
    move,
    publish_outbox,
)
from assignment.lifecycle import is_working
from assignment.routing import escalation
from shared.events import DeadlineWarning

log = structlog.get_logger(__name__)

_STUCK_AFTER = timedelta(minutes=2)


async def fire_due_timers(deps: AssignmentDeps) -> int:
    now = deps.clock()
    await deps.cases.reclaim_stuck_timers(now - _STUCK_AFTER)
    fired = 0
    while (timer := await deps.cases.claim_due_timer(now)) is not None:
        for _ in range(5):
            try:
                fired += await _fire(timer, deps)
                break
            except Conflict:
                continue  # a handler changed the case meanwhile: read it again
        await deps.cases.mark_fired(timer["_id"])
    return fired


async def _fire(timer: dict[str, object], deps: AssignmentDeps) -> int:
    case = await load(deps, str(timer["complaint_id"]))
    if not timers.is_live(case, timer):
        return 0
    now = deps.clock()
    deadline = timer["deadline"]
    if timer["kind"] == "warn":
        warning = event(
            case,
            DeadlineWarning,
            now=now,
            once_per=str(timer["_id"]),
            deadline=deadline,
            due_at=case["deadlines"][deadline]["due_at"],
            team=case["team"],
            handler_id=case.get("handler_id"),
            handler_email=case.get("handler_email"),
        )
        emit(case, warning)
        deps.metrics.warnings.labels(deadline=deadline).inc()
    else:
        emit(
            case,
            await escalation(
                case,
                deps,
                now=now,
                reason="deadline_passed",
                deadline=deadline,
                once_per=str(timer["_id"]),
            ),
        )
        if is_working(case["status"]) and case["status"] != "escalated":
            move(case, "escalated", now=now, actor="clock", action="status", deadline=deadline)
    await commit(case, deps)
    log.info("deadline timer fired", complaint_id=case["complaint_id"], kind=timer["kind"])
    return 1


async def relay_outboxes(deps: AssignmentDeps) -> None:
    for case in await deps.cases.with_unsent_events(deps.clock() - timedelta(seconds=10)):
        await publish_outbox(case, deps)


async def run_clock(
    deps: AssignmentDeps, *, interval_seconds: float, refresh_clock: Callable[[], Awaitable[None]]
) -> None:
    """Forever: pick up a moved test clock, fire what is due, relay what is unsent."""
    while True:
        try:
            await refresh_clock()
            await fire_due_timers(deps)
            await relay_outboxes(deps)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("deadline clock round failed; trying again next round")
        await asyncio.sleep(interval_seconds)
