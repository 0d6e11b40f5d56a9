"""A case's deadlines and the timers that warn at 75 % and escalate when one passes."""

from datetime import datetime
from typing import Any

from assignment.cases import AssignmentDeps, Case
from shared.events import Deadline


def start(
    case: Case, names: tuple[Deadline, ...], *, start_at: datetime, deps: AssignmentDeps
) -> list[dict[str, Any]]:
    """Set the deadlines on the case; return their timers (warning and escalation each)."""
    timers = []
    for name in names:
        previous = case["deadlines"].get(name, {})
        generation = previous.get("generation", 0) + 1
        schedule = deps.policy.schedule(
            name, start=start_at, category=case["category"], priority=case["priority"]
        )
        case["deadlines"][name] = {**schedule, "met_at": None, "generation": generation}
        for kind in ("warn", "due"):
            timers.append(
                {
                    "_id": f"{case['complaint_id']}:{name}:{generation}:{kind}",
                    "deadline": name,
                    "generation": generation,
                    "kind": kind,
                    "fire_at": schedule[f"{kind}_at"],
                }
            )
    return timers


def meet(case: Case, name: Deadline, *, now: datetime) -> bool:
    """Mark a pending deadline met; False if it was not pending."""
    deadline = case["deadlines"].get(name)
    if deadline is None or deadline["met_at"] is not None:
        return False
    deadline["met_at"] = now
    return True


def pause(case: Case, *, now: datetime) -> None:
    case["paused_at"] = now


def resume(case: Case, *, now: datetime) -> Any:
    """Push every pending deadline back by the pause; return how long it lasted."""
    paused_for = now - case.pop("paused_at")
    case["paused_at"] = None
    for deadline in case["deadlines"].values():
        if deadline["met_at"] is None:
            deadline["due_at"] += paused_for
            deadline["warn_at"] += paused_for
    return paused_for


def is_live(case: Case, timer: dict[str, Any]) -> bool:
    """A timer fires only for the current generation of a pending, unpaused deadline."""
    deadline = case["deadlines"].get(timer["deadline"])
    return (
        deadline is not None
        and deadline["generation"] == timer["generation"]
        and deadline["met_at"] is None
        and not case.get("paused_at")
    )
