"""The two ways to reach a person, behind one shape: email and SMS, each with a circuit breaker."""

import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

from circuitbreaker import CircuitBreaker

from notification.failures import PermanentFailure, TransientFailure
from notification.sms_encoding import SmsPlan, plan
from notification.templates import Rendered
from shared.submission import ContactChannel


@dataclass(frozen=True)
class Outgoing:
    notification_id: str
    complaint_id: str
    to: str
    rendered: Rendered


@dataclass(frozen=True)
class Receipt:
    segments: int = 1
    encoding: str | None = None


class Channel(Protocol):
    name: ContactChannel

    async def send(self, outgoing: Outgoing) -> Receipt: ...


class Mailer(Protocol):
    def compose(
        self,
        *,
        notification_id: str,
        complaint_id: str,
        to: str,
        subject: str,
        text: str,
        html: str,
        language: str,
    ) -> EmailMessage: ...
    async def send(self, message: EmailMessage) -> None: ...


class SmsProvider(Protocol):
    name: str

    async def send(self, *, to: str, plan: SmsPlan, reference: int) -> None: ...


class NumberCheck(Protocol):
    def __call__(self, number: str) -> None: ...


class EmailChannel:
    name: ContactChannel = "email"

    def __init__(self, mailer: Mailer) -> None:
        self._mailer = mailer

    async def send(self, outgoing: Outgoing) -> Receipt:
        rendered = outgoing.rendered
        await self._mailer.send(
            self._mailer.compose(
                notification_id=outgoing.notification_id,
                complaint_id=outgoing.complaint_id,
                to=outgoing.to,
                subject=rendered.subject,
                text=rendered.text,
                html=rendered.html,
                language=rendered.language,
            )
        )
        return Receipt()


class SmsChannel:
    name: ContactChannel = "sms"

    def __init__(
        self, provider: SmsProvider, *, max_segments: int, check_number: NumberCheck
    ) -> None:
        self._provider = provider
        self._max_segments = max_segments
        self._check_number = check_number

    async def send(self, outgoing: Outgoing) -> Receipt:
        if outgoing.rendered.sms is None:
            raise PermanentFailure("no_sms_template")
        self._check_number(outgoing.to)
        parts = plan(outgoing.rendered.sms)
        if len(parts.segments) > self._max_segments:
            raise PermanentFailure("too_long")
        # The same notification always gets the same concatenation reference, so a resent
        # part joins its siblings on the handset instead of starting a second message.
        reference = uuid.UUID(outgoing.notification_id).int & 0xFF
        await self._provider.send(to=outgoing.to, plan=parts, reference=reference)
        return Receipt(segments=len(parts.segments), encoding=parts.encoding)


class Guarded:
    """A channel behind a circuit breaker: while its provider is down, fail fast and wait."""

    def __init__(
        self, channel: Channel, *, failure_threshold: int, recovery_seconds: float
    ) -> None:
        self.name = channel.name
        self._channel = channel
        # Only transient failures count: a refused address proves the provider is up.
        self.breaker = CircuitBreaker(
            failure_threshold=failure_threshold,
            recovery_timeout=recovery_seconds,
            expected_exception=TransientFailure,
            name=channel.name,
        )

    async def send(self, outgoing: Outgoing) -> Receipt:
        if self.breaker.opened:
            raise TransientFailure("circuit_open")
        result: Receipt = await self.breaker.call_async(self._channel.send, outgoing)
        return result
