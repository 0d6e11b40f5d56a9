"""How each event shows in the read model and in the reporter's history.

Statuses only move forward: the read model keeps the highest rank it has seen, so an event
that arrives late from another topic cannot take a complaint back.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shared.access import contact_fingerprint
from shared.events import (
    ComplaintAssigned,
    ComplaintClassified,
    ComplaintReceived,
    ComplaintRejected,
    Event,
    NotificationSent,
)

STATUSES = ("unknown", "received", "classified", "assigned")
REJECTED_RANK = 90
NEXT_STEP = {
    "received": "initial review within 24 hours of receipt",
    "classified": "assignment to a handler",
    "assigned": "investigation within 48 hours, decision within 72 hours of receipt",
    "rejected": "none: the submission could not be taken in",
}


def status_name(rank: int) -> str:
    return "rejected" if rank >= REJECTED_RANK else STATUSES[rank]


@dataclass(frozen=True)
class Projection:
    status_rank: int = 0
    fields: dict[str, Any] = field(default_factory=dict)
    earliest: dict[str, Any] = field(default_factory=dict)
    latest: dict[str, Any] = field(default_factory=dict)


def project(event: Event, *, contact_key: str) -> Projection:
    at = {"last_event_at": event.occurred_at}
    match event:
        case ComplaintReceived(submission=submission):
            contacts = [c for c in (submission.reporter.email, submission.reporter.phone) if c]
            return Projection(
                status_rank=STATUSES.index("received"),
                fields={
                    "number": event.number,
                    "channel": submission.channel,
                    "reported_object_type": (
                        submission.reported_object.type if submission.reported_object else None
                    ),
                    "contact_fingerprints": [
                        contact_fingerprint(key=contact_key, contact=str(c)) for c in contacts
                    ],
                },
                earliest={"received_at": event.occurred_at},
                latest=at,
            )
        case ComplaintClassified():
            return Projection(
                status_rank=STATUSES.index("classified"),
                fields={
                    "number": event.number,
                    "category": event.category,
                    "subcategory": event.subcategory,
                    "priority": event.priority,
                    "language": event.language,
                },
                latest=at,
            )
        case ComplaintAssigned():
            return Projection(
                status_rank=STATUSES.index("assigned"),
                fields={
                    "number": event.number,
                    "team": event.team,
                    "handler_name": event.handler_name,
                },
                earliest={"assigned_at": event.occurred_at},
                latest=at,
            )
        case ComplaintRejected():
            return Projection(status_rank=REJECTED_RANK, latest=at)
        case NotificationSent(kind="acknowledgment"):
            return Projection(earliest={"acknowledged_at": event.occurred_at}, latest=at)
        case _:
            return Projection(latest=at)


_SUMMARIES: dict[str, Callable[[dict[str, Any]], str]] = {
    "complaint.received": lambda e: f"Complaint received via {e['submission']['channel']}",
    "complaint.classified": lambda e: (
        f"Classified as {e['category']} / {e['subcategory']} (priority {e['priority']})"
    ),
    "complaint.assigned": lambda e: f"Assigned to {e['handler_name']} ({e['team']})",
    "complaint.rejected": lambda e: "Rejected: " + "; ".join(r["message"] for r in e["reasons"]),
    "notification.sent": lambda e: (
        f"Message '{e['kind']}' sent to the {e['recipient_role']} by {e['channel']}"
    ),
    "notification.failed": lambda e: (
        f"Message '{e['kind']}' to the {e['recipient_role']} could not be delivered"
    ),
}


def summarise(event: dict[str, Any]) -> str:
    """One line for the reporter's history: what happened, without anyone's personal data."""
    describe = _SUMMARIES.get(event["event_type"])
    return describe(event) if describe else event["event_type"]
