"""What a channel integration sends, over HTTP or on `complaints.submitted.v1`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
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
    """A complaint as a channel integration sends it."""

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
