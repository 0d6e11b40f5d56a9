"""The life of a complaint, enforced in one place: which step may follow which."""

from typing import Literal

from shared.errors import DomainError

Status = Literal[
    "received",
    "classified",
    "assigned",
    "investigating",
    "waiting_for_user",
    "resolved",
    "closed",
    "rejected",
    "escalated",
    "reopened",
    "appealed",
]

# Cases a handler still has to work on; the queue and the load count these.
OPEN: frozenset[Status] = frozenset(
    {
        "classified",
        "assigned",
        "investigating",
        "waiting_for_user",
        "escalated",
        "reopened",
        "appealed",
    }
)
_WORKING: frozenset[Status] = frozenset(
    {"assigned", "investigating", "waiting_for_user", "escalated", "reopened"}
)

_NEXT: dict[Status, frozenset[Status]] = {
    "received": frozenset({"classified", "assigned", "rejected"}),
    "classified": frozenset({"assigned", "rejected", "escalated"}),
    "assigned": _WORKING | {"resolved"},
    "investigating": _WORKING - {"reopened"} | {"resolved"},
    "waiting_for_user": _WORKING - {"reopened"} | {"resolved"},
    "escalated": _WORKING - {"reopened"} | {"resolved"},
    "reopened": _WORKING | {"resolved"},
    "resolved": frozenset({"closed", "reopened", "appealed"}),
    "closed": frozenset({"reopened", "appealed"}),
    # An appeal is decided by a person, never closed automatically; it may be escalated.
    "appealed": frozenset({"closed", "appealed"}),
    "rejected": frozenset(),
}


class IllegalTransition(DomainError):
    status_code = 409


def check_transition(current: Status, target: Status) -> None:
    if target not in _NEXT[current]:
        raise IllegalTransition(f"a complaint that is {current} cannot become {target}")


def is_working(status: Status) -> bool:
    return status in _WORKING
