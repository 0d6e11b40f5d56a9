"""How each event shows in the read model and in the reporter's history.

A status is kept with the time of the event that set it, and only a later event replaces it, so
events arriving late or twice, from different topics, leave the same record. A (re)assignment
only shows while nothing further has happened; an escalation only over a step still in work.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shared.access import contact_fingerprint
from shared.events import (
    AppealDecided,
    AppealFiled,
    ComplaintAssigned,
    ComplaintClassified,
    ComplaintClosed,
    ComplaintEscalated,
    ComplaintJoinedCase,
    ComplaintReceived,
    ComplaintRejected,
    ComplaintReopened,
    ComplaintResolved,
    DeadlinesUpdated,
    Event,
    InformationProvided,
    InformationRequested,
    InvestigationStarted,
    NotificationSent,
)

_BEFORE_WORK = ("received", "classified")
_IN_WORK = ("classified", "assigned", "investigating", "waiting_for_user", "reopened")


@dataclass(frozen=True)
class Projection:
    status: str | None = None
    # The status is set only over one of these (None: over any older one).
    only_over: tuple[str, ...] | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    earliest: dict[str, Any] = field(default_factory=dict)
    # Fields replaced only by a later event, like the status.
    latest_fields: dict[str, Any] = field(default_factory=dict)


_STATUS_OF: dict[type[Event], tuple[str, tuple[str, ...] | None]] = {
    ComplaintReceived: ("received", None),
    ComplaintClassified: ("classified", _BEFORE_WORK),
    ComplaintAssigned: ("assigned", _BEFORE_WORK),
    ComplaintJoinedCase: ("assigned", _BEFORE_WORK),
    InvestigationStarted: ("investigating", None),
    InformationRequested: ("waiting_for_user", None),
    InformationProvided: ("investigating", ("waiting_for_user",)),
    ComplaintEscalated: ("escalated", _IN_WORK),
    ComplaintResolved: ("resolved", None),
    ComplaintReopened: ("reopened", None),
    AppealFiled: ("appealed", ("resolved", "closed")),
    AppealDecided: ("closed", None),
    ComplaintClosed: ("closed", None),
    ComplaintRejected: ("rejected", None),
}


def project(event: Event, *, contact_key: str) -> Projection:
    status, only_over = _STATUS_OF.get(type(event), (None, None))
    fields: dict[str, Any] = {}
    earliest: dict[str, Any] = {}
    latest: dict[str, Any] = {}
    match event:
        case ComplaintReceived(submission=submission):
            contacts = [c for c in (submission.reporter.email, submission.reporter.phone) if c]
            reported = submission.reported_object
            fields = {
                "number": event.number,
                "channel": submission.channel,
                "reported_object_type": reported.type if reported else None,
                "reported_object_key": (
                    f"{reported.type}:{reported.id or reported.url}" if reported else None
                ),
                "contact_fingerprints": [
                    contact_fingerprint(key=contact_key, contact=str(c)) for c in contacts
                ],
            }
            earliest = {"received_at": event.occurred_at}
        case ComplaintClassified():
            fields = {
                "number": event.number,
                "category": event.category,
                "subcategory": event.subcategory,
                "priority": event.priority,
                "language": event.language,
            }
        case ComplaintAssigned():
            latest = {"team": event.team, "handler_name": event.handler_name}
            earliest = {"assigned_at": event.occurred_at}
        case ComplaintResolved():
            latest = {"outcome": event.outcome}
            earliest = {"first_resolved_at": event.occurred_at}
        case DeadlinesUpdated():
            latest = {
                "deadlines": {name: due for name, due in event.pending.items()},
                "deadlines_paused": event.paused,
            }
        case NotificationSent(kind="acknowledgment"):
            earliest = {"acknowledged_at": event.occurred_at}
    return Projection(
        status=status, only_over=only_over, fields=fields, earliest=earliest, latest_fields=latest
    )


# Events the reporter sees in their history; the rest (notes, warnings, escalations,
# reclassifications, messages to staff) stay internal.
_SUMMARIES: dict[str, Callable[[dict[str, Any]], str]] = {
    "complaint.received": lambda e: f"Complaint received via {e['submission']['channel']}",
    "complaint.classified": lambda e: f"Reviewed and classified as {e['category']}",
    "complaint.assigned": lambda e: f"Assigned to {e['handler_name']} ({e['team']})",
    "complaint.joined_case": lambda e: "Handled together with other reports about the same item",
    "complaint.investigation_started": lambda e: "Investigation started",
    "complaint.information_requested": lambda e: f"We asked you: {e['question']}",
    "complaint.information_provided": lambda e: "You sent more information",
    "complaint.resolved": lambda e: (
        f"Decision: {e['outcome'].replace('_', ' ')}. {e['explanation']} "
        f"(policy: {e['policy_basis']})"
    ),
    "complaint.feedback_given": lambda e: f"You rated the answer {e['rating']} of 5",
    "complaint.reopened": lambda e: "Reopened for another look",
    "complaint.appeal_filed": lambda e: "You appealed the decision",
    "complaint.appeal_decided": lambda e: (
        f"Appeal decided: decision {e['decision']}. {e['explanation']}"
    ),
    "complaint.closed": lambda e: "Closed",
    "complaint.rejected": lambda e: (
        "Not taken in: " + "; ".join(r["message"] for r in e["reasons"])
    ),
    "notification.sent": lambda e: f"Message '{e['kind']}' sent to you by {e['channel']}",
    "notification.failed": lambda e: f"Message '{e['kind']}' to you could not be delivered",
}


def visible_to_reporter(event: dict[str, Any]) -> bool:
    if event["event_type"].startswith("notification."):
        return event["recipient_role"] == "reporter"
    return event["event_type"] in _SUMMARIES


def summarise(event: dict[str, Any]) -> str:
    """One line for the reporter's history, without anyone else's personal data."""
    return _SUMMARIES[event["event_type"]](event)


NEXT_STEP = {
    "received": "initial review",
    "classified": "assignment to a handler",
    "assigned": "investigation",
    "escalated": "investigation, with the team lead involved",
    "investigating": "decision",
    "waiting_for_user": "your answer to our question",
    "resolved": "your rating, or an appeal within 6 months",
    "reopened": "a new decision",
    "appealed": "the appeal decision, by a different handler",
    "closed": "none",
    "rejected": "none",
}
