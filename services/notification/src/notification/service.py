"""Notification's rules: who hears about what, once, in their language.

Reporters hear about their complaint by their preferred contact, the other one as the fallback;
handlers and team leads by email. Later events do not carry the reporter's contact, so it is
remembered from `ComplaintReceived` and forgotten when the reporter's data is erased.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import structlog

from notification.delivery import DeliveryDeps, Notice, Recipient, deliver
from notification.repository import Contact
from shared.access import access_code
from shared.events import (
    AppealDecided,
    AppealFiled,
    ComplaintAssigned,
    ComplaintEscalated,
    ComplaintReceived,
    ComplaintRejected,
    ComplaintReopened,
    ComplaintResolved,
    DeadlineWarning,
    Event,
    InformationRequested,
    ReporterDataErased,
)

log = structlog.get_logger(__name__)


class ContactNotYetKnown(Exception):
    """The complaint's contact is not stored yet: retried, then dead-lettered, never dropped."""


class ContactBook(Protocol):
    async def remember(self, *, complaint_id: str, contact: Contact, at: datetime) -> None: ...
    async def get(self, complaint_id: str) -> Contact | None: ...
    async def erase(self, complaint_id: str, *, at: datetime) -> None: ...


class Scrubbing(Protocol):
    async def scrub_reporter(self, complaint_id: str, *, at: datetime) -> int: ...


@dataclass(frozen=True)
class NotificationDeps:
    delivery: DeliveryDeps
    contacts: ContactBook
    delivery_log: Scrubbing
    access_key: str
    public_base_url: str


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _contact_of(received: ComplaintReceived) -> Contact:
    submission = received.submission
    reporter = submission.reporter
    return Contact(
        number=received.number,
        email=str(reporter.email) if reporter.email else None,
        phone=reporter.phone,
        preferred=reporter.preferred_contact,
        locale=reporter.locale or submission.language,
    )


def _reporter(contact: Contact) -> Recipient:
    return Recipient(
        role="reporter",
        email=contact.email,
        phone=contact.phone,
        preferred="sms" if contact.preferred == "sms" else "email",
        language=contact.locale,
    )


async def remember_contact(*, received: ComplaintReceived, deps: NotificationDeps) -> None:
    await deps.contacts.remember(
        complaint_id=received.complaint_id,
        contact=_contact_of(received),
        at=deps.delivery.clock(),
    )


async def erase_reporter(*, erased: ReporterDataErased, deps: NotificationDeps) -> None:
    """Forget how to reach the reporter; the log keeps what was sent, not to whom."""
    now = deps.delivery.clock()
    await deps.contacts.erase(erased.complaint_id, at=now)
    scrubbed = await deps.delivery_log.scrub_reporter(erased.complaint_id, at=now)
    deps.delivery.metrics.erasures.inc()
    log.info("reporter data erased", complaint_id=erased.complaint_id, scrubbed=scrubbed)


async def acknowledge(*, received: ComplaintReceived, deps: NotificationDeps) -> None:
    """The reporter learns at once that the complaint has a number, and how to follow it."""
    stored = await deps.contacts.get(received.complaint_id)
    if stored is not None and stored.erased:
        _skip("acknowledgment", "erased", received, deps)
        return
    values = {
        "number": received.number,
        "received_at": _when(received.occurred_at),
        "access_code": _access_code(received.complaint_id, deps),
    }
    recipient = _reporter(_contact_of(received))
    await deliver(Notice(received, "acknowledgment", recipient, values), deps=deps.delivery)


# What each later step means for the reporter; events not listed are not the reporter's news.
REPORTER_KINDS: Mapping[type[Event], str] = {
    InformationRequested: "information_requested",
    ComplaintResolved: "result",
    ComplaintReopened: "reopened",
    AppealFiled: "appeal_received",
    AppealDecided: "appeal_decided",
    ComplaintRejected: "rejected",
}


async def tell_reporter(*, event: Event, deps: NotificationDeps) -> None:
    """A later step of the complaint that its reporter must hear about."""
    kind = REPORTER_KINDS.get(type(event))
    if kind is None:
        return
    contact = await deps.contacts.get(event.complaint_id)
    if contact is None:
        if isinstance(event, ComplaintRejected):
            return  # a submission that never became a complaint: nobody to tell
        raise ContactNotYetKnown(event.complaint_id)
    if contact.erased:
        _skip(kind, "erased", event, deps)
        return
    values = {"number": contact.number, **_reporter_values(event, contact.number, deps)}
    await deliver(Notice(event, kind, _reporter(contact), values), deps=deps.delivery)


def _reporter_values(event: Event, number: str, deps: NotificationDeps) -> dict[str, object]:
    code = _access_code(event.complaint_id, deps)
    base = f"{deps.public_base_url.rstrip('/')}/v1/complaints/{number}"
    match event:
        case InformationRequested():
            return {
                "question": event.question,
                "access_code": code,
                "answer_url": f"{base}/information",
            }
        case ComplaintResolved():
            return {
                "outcome": event.outcome,
                "explanation": event.explanation,
                "policy_basis": event.policy_basis,
                "handler_name": event.handler_name,
                "access_code": code,
                "feedback_url": f"{base}/feedback",
                "appeal_url": f"{base}/appeal",
            }
        case ComplaintReopened():
            return {"reason": event.reason}
        case AppealFiled():
            return {"filed_at": _when(event.occurred_at)}
        case AppealDecided():
            return {
                "decision": event.decision,
                "explanation": event.explanation,
                "original_outcome": event.original_outcome,
                "handler_name": event.handler_name,
            }
        case ComplaintRejected():
            return {"reasons": [reason.model_dump() for reason in event.reasons]}
    raise ValueError(f"no reporter message for {event.event_type}")


async def tell_handler(*, assigned: ComplaintAssigned, deps: NotificationDeps) -> None:
    values = {
        "handler_name": assigned.handler_name,
        "number": assigned.number,
        "team": assigned.team,
        "category": assigned.category,
        "priority": assigned.priority,
        "reporter_language": assigned.language,
    }
    recipient = Recipient(role="handler", email=str(assigned.handler_email), language="en")
    await deliver(Notice(assigned, "handler_assigned", recipient, values), deps=deps.delivery)


async def warn_handler(*, warning: DeadlineWarning, deps: NotificationDeps) -> None:
    """75 % of a deadline has passed: the handler hears it (a warning with none goes nowhere)."""
    values = {
        "number": warning.number,
        "deadline": warning.deadline,
        "due_at": _when(warning.due_at),
        "team": warning.team,
    }
    email = str(warning.handler_email) if warning.handler_email else None
    recipient = Recipient(role="handler", email=email, language="en")
    await deliver(Notice(warning, "deadline_warning", recipient, values), deps=deps.delivery)


async def tell_team_lead(*, escalated: ComplaintEscalated, deps: NotificationDeps) -> None:
    values = {
        "team_lead_name": escalated.team_lead_name,
        "number": escalated.number,
        "reason": escalated.reason,
        "deadline": escalated.deadline,
        "due_at": _when(escalated.due_at) if escalated.due_at else None,
        "team": escalated.team,
        "priority": escalated.priority,
    }
    recipient = Recipient(role="team_lead", email=str(escalated.team_lead_email), language="en")
    await deliver(Notice(escalated, "escalation", recipient, values), deps=deps.delivery)


def _access_code(complaint_id: str, deps: NotificationDeps) -> str:
    return access_code(key=deps.access_key, complaint_id=complaint_id)


def _skip(kind: str, reason: str, event: Event, deps: NotificationDeps) -> None:
    deps.delivery.metrics.skipped.labels(kind=kind, reason=reason).inc()
    log.info("notification skipped", complaint_id=event.complaint_id, kind=kind, reason=reason)
