"""The contract between services: the submission a channel sends, and every event on Kafka.

Events are immutable facts. Each carries the envelope (`event_id`, `event_type`, `occurred_at`,
`complaint_id`, `producer`, `schema_version`, `trace_id`) and then its payload. Event ids are
derived from what the event is about, so a producer that repeats itself after a crash repeats
the same id and every consumer can drop the copy.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    HttpUrl,
    StringConstraints,
    model_validator,
)

Channel = Literal["web", "app", "phone", "social", "email"]
ContactChannel = Literal["email", "sms"]
ReportedObjectType = Literal[
    "comment",
    "direct_message",
    "hashtag",
    "account",
    "live_comment",
    "live_video",
    "sound",
    "suggested_search",
    "series",
    "sticker",
    "post",
]
Category = Literal["content", "account", "privacy_security", "legal", "other"]
Priority = Literal["P1", "P2", "P3", "P4"]

# BCP 47-ish: "en", "nl-BE", "zh-Hant", "zh-TW".
LanguageTag = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
E164Phone = Annotated[str, StringConstraints(pattern=r"^\+[1-9][0-9]{6,14}$")]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]

_EVENT_ID_NAMESPACE = uuid.UUID("6c1f4a52-8d5e-4b0e-9d7a-0e5b3f0c2a11")


class Contract(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Reporter(Contract):
    user_id: ShortText | None = None
    email: EmailStr | None = None
    phone: E164Phone | None = None
    preferred_contact: ContactChannel = "email"
    locale: LanguageTag | None = None

    @model_validator(mode="after")
    def _reachable(self) -> Reporter:
        if self.email is None and self.phone is None:
            raise ValueError("at least one of email and phone is required")
        if self.preferred_contact == "email" and self.email is None:
            raise ValueError("preferred_contact is email but no email was given")
        if self.preferred_contact == "sms" and self.phone is None:
            raise ValueError("preferred_contact is sms but no phone was given")
        return self


class ReportedObject(Contract):
    type: ReportedObjectType
    id: ShortText | None = None
    url: HttpUrl | None = None


class Attachment(Contract):
    kind: Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,40}$")]
    url: HttpUrl
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None


class ComplaintSubmission(Contract):
    """What a channel integration sends, over HTTP or on `complaints.submitted.v1`."""

    channel: Channel
    external_id: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ]
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000)]
    subject: ShortText | None = None
    language: LanguageTag | None = None
    reporter: Reporter
    reported_object: ReportedObject | None = None
    category_hint: Annotated[str, StringConstraints(max_length=100)] | None = None
    attachments: Annotated[list[Attachment], Field(max_length=20)] = []

    @property
    def idempotency_key(self) -> str:
        """With the channel, the channel's own id names a complaint exactly once."""
        return f"{self.channel}:{self.external_id}"


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


class NotificationSent(Event):
    event_type: Literal["notification.sent"] = "notification.sent"
    notification_id: uuid.UUID
    kind: str
    channel: ContactChannel
    recipient_role: Literal["reporter", "handler"]


class NotificationFailed(Event):
    event_type: Literal["notification.failed"] = "notification.failed"
    notification_id: uuid.UUID
    kind: str
    channel: ContactChannel
    recipient_role: Literal["reporter", "handler"]
    reason: str
    permanent: bool


ArchivedEvent = Annotated[
    ComplaintReceived
    | ComplaintRejected
    | ComplaintClassified
    | ComplaintAssigned
    | NotificationSent
    | NotificationFailed,
    Field(discriminator="event_type"),
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
