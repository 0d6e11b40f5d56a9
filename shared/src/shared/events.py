"""The contract between services: every event on Kafka.

Events are immutable facts. Each carries the envelope (`event_id`, `event_type`, `occurred_at`,
`complaint_id`, `producer`, `schema_version`, `trace_id`) and then its payload. Event ids are
derived from what the event is about, so a producer that repeats itself after a crash repeats
the same id and every consumer can drop the copy.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal, TypeVar

from pydantic import AwareDatetime, EmailStr, Field, StringConstraints

from shared.submission import (
    Category,
    ComplaintSubmission,
    ContactChannel,
    Contract,
    Priority,
    ReportedObject,
)

Outcome = Literal[
    "content_removed_uploader_warned",
    "account_restored_with_apology",
    "privacy_protection_applied",
    "no_violation_found",
    "insufficient_information",
    "forwarded_to_legal",
]
Deadline = Literal["initial_review", "investigation", "result", "appeal"]

_EVENT_ID_NAMESPACE = uuid.UUID("6c1f4a52-8d5e-4b0e-9d7a-0e5b3f0c2a11")


class Event(Contract):
    event_id: uuid.UUID
    event_type: str
    occurred_at: AwareDatetime
    complaint_id: str
    producer: str
    schema_version: int = 1
    trace_id: str


class ComplaintReceived(Event):
    event_type: Literal["complaint.received"] = "complaint.received"
    number: str
    submission: ComplaintSubmission


class RejectionReason(Contract):
    field: str
    message: str


class ComplaintRejected(Event):
    """A submission that could not be taken in. Its complaint id is the submission's key."""

    event_type: Literal["complaint.rejected"] = "complaint.rejected"
    reasons: list[RejectionReason]


class ComplaintClassified(Event):
    event_type: Literal["complaint.classified"] = "complaint.classified"
    number: str
    category: Category
    subcategory: str
    priority: Priority
    language: str
    confidence: float
    model_version: str
    reasons: list[str]
    # Below the confidence threshold: a person in triage decides before routing by category.
    needs_review: bool = False
    # What was reported, so reports about the same object can join one case.
    reported_object: ReportedObject | None = None
    # Deadlines run from receipt, not from classification.
    received_at: AwareDatetime | None = None


class ComplaintReclassified(Event):
    """A handler corrected the classifier: a labelled example for the next model."""

    event_type: Literal["complaint.reclassified"] = "complaint.reclassified"
    number: str
    handler_id: str
    previous_category: Category
    previous_subcategory: str
    previous_priority: Priority
    category: Category
    subcategory: str
    priority: Priority
    language: str


class ComplaintAssigned(Event):
    event_type: Literal["complaint.assigned"] = "complaint.assigned"
    number: str
    team: str
    handler_id: str
    handler_name: str
    handler_email: EmailStr
    category: Category
    priority: Priority
    language: str


class EvidenceReference(Contract):
    kind: Literal["chat_log", "screenshot", "data_lookup", "identity_document", "link", "other"]
    reference: Annotated[str, StringConstraints(min_length=1, max_length=500)]


class InvestigationStarted(Event):
    event_type: Literal["complaint.investigation_started"] = "complaint.investigation_started"
    number: str
    handler_id: str


class InformationRequested(Event):
    """The handler needs more from the reporter; the deadline clock pauses until they answer."""

    event_type: Literal["complaint.information_requested"] = "complaint.information_requested"
    number: str
    handler_id: str
    question: str


class CaseNoteAdded(Event):
    """Internal to the handling team: never shown to the reporter."""

    event_type: Literal["complaint.note_added"] = "complaint.note_added"
    number: str
    handler_id: str
    note: str
    evidence: tuple[EvidenceReference, ...] = ()


class ComplaintResolved(Event):
    event_type: Literal["complaint.resolved"] = "complaint.resolved"
    number: str
    handler_id: str
    handler_name: str
    outcome: Outcome
    explanation: str
    policy_basis: str


class DeadlineWarning(Event):
    """75 % of a deadline has passed and its step is not done."""

    event_type: Literal["complaint.deadline_warning"] = "complaint.deadline_warning"
    number: str
    deadline: Deadline
    due_at: AwareDatetime
    team: str
    handler_id: str | None
    handler_email: EmailStr | None


class DeadlinesUpdated(Event):
    """The complaint's pending deadlines after a change (set, paused, resumed, met)."""

    event_type: Literal["complaint.deadlines_updated"] = "complaint.deadlines_updated"
    number: str
    pending: dict[Deadline, AwareDatetime]
    paused: bool = False


class ComplaintEscalated(Event):
    event_type: Literal["complaint.escalated"] = "complaint.escalated"
    number: str
    reason: Literal["deadline_passed", "imminent_harm"]
    deadline: Deadline | None
    due_at: AwareDatetime | None
    team: str
    team_lead_id: str
    team_lead_name: str
    team_lead_email: EmailStr
    priority: Priority


class FeedbackGiven(Event):
    event_type: Literal["complaint.feedback_given"] = "complaint.feedback_given"
    number: str
    rating: Annotated[int, Field(ge=1, le=5)]
    comment: str | None = None


class InformationProvided(Event):
    event_type: Literal["complaint.information_provided"] = "complaint.information_provided"
    number: str
    answer: str
    evidence: tuple[EvidenceReference, ...] = ()


class AppealFiled(Event):
    event_type: Literal["complaint.appeal_filed"] = "complaint.appeal_filed"
    number: str
    reasons: str
    evidence: tuple[EvidenceReference, ...] = ()


class ComplaintReopened(Event):
    event_type: Literal["complaint.reopened"] = "complaint.reopened"
    number: str
    reason: Literal["low_rating", "information_provided", "handler"]
    team: str


class AppealDecided(Event):
    event_type: Literal["complaint.appeal_decided"] = "complaint.appeal_decided"
    number: str
    handler_id: str
    handler_name: str
    decision: Literal["upheld", "overturned"]
    explanation: str
    original_outcome: Outcome


class DecisionOverturned(Event):
    """An appeal overturned a decision: downstream systems restore the content or account."""

    event_type: Literal["complaint.decision_overturned"] = "complaint.decision_overturned"
    number: str
    original_outcome: Outcome
    reported_object: ReportedObject | None


class ComplaintJoinedCase(Event):
    """Another report about the same object: handled as one case, answered to each reporter."""

    event_type: Literal["complaint.joined_case"] = "complaint.joined_case"
    number: str
    case_id: str


class ComplaintClosed(Event):
    event_type: Literal["complaint.closed"] = "complaint.closed"
    number: str
    reason: Literal["answered", "rejected", "merged"]


class ReporterDataErased(Event):
    """Erase the reporter's personal data of this complaint everywhere; statistics stay."""

    event_type: Literal["reporter.data_erased"] = "reporter.data_erased"
    requested_by: str
    reason: Literal["gdpr_request", "retention_expired"]


class NotificationSent(Event):
    event_type: Literal["notification.sent"] = "notification.sent"
    notification_id: uuid.UUID
    kind: str
    channel: ContactChannel
    recipient_role: Literal["reporter", "handler", "team_lead"]


class NotificationFailed(Event):
    event_type: Literal["notification.failed"] = "notification.failed"
    notification_id: uuid.UUID
    kind: str
    channel: ContactChannel
    recipient_role: Literal["reporter", "handler", "team_lead"]
    reason: str
    permanent: bool


ArchivedEvent = Annotated[
    ComplaintReceived
    | ComplaintRejected
    | ComplaintClassified
    | ComplaintReclassified
    | ComplaintAssigned
    | ComplaintJoinedCase
    | InvestigationStarted
    | InformationRequested
    | CaseNoteAdded
    | ComplaintResolved
    | DeadlineWarning
    | DeadlinesUpdated
    | ComplaintEscalated
    | FeedbackGiven
    | InformationProvided
    | AppealFiled
    | ComplaintReopened
    | AppealDecided
    | DecisionOverturned
    | ComplaintClosed
    | ReporterDataErased
    | NotificationSent
    | NotificationFailed,
    Field(discriminator="event_type"),
]

# What users send back through intake, on one topic so their order per complaint is kept.
UserFeedback = Annotated[
    FeedbackGiven | InformationProvided | AppealFiled, Field(discriminator="event_type")
]

E = TypeVar("E", bound=Event)


def event_id_for(complaint_id: str, event_type: str, discriminator: str = "") -> uuid.UUID:
    """The same fact about the same complaint always gets the same id."""
    return uuid.uuid5(_EVENT_ID_NAMESPACE, f"{complaint_id}|{event_type}|{discriminator}")


def new_event(
    event_class: type[E],
    *,
    complaint_id: str,
    producer: str,
    trace_id: str,
    occurred_at: datetime,
    discriminator: str = "",
    **payload: object,
) -> E:
    event_type = event_class.model_fields["event_type"].default
    return event_class(
        event_id=event_id_for(complaint_id, event_type, discriminator),
        complaint_id=complaint_id,
        producer=producer,
        trace_id=trace_id,
        occurred_at=occurred_at,
        **payload,  # type: ignore[arg-type]
    )
