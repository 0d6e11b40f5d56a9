"""Notification's rules: who hears about what, once, in their language."""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Literal, Protocol

import structlog
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_delay,
    wait_exponential_jitter,
)

from notification.mailer import PermanentFailure, TransientFailure
from notification.metrics import NotificationMetrics
from notification.templates import Templates
from shared.access import access_code
from shared.clock import Clock
from shared.events import (
    ComplaintAssigned,
    ComplaintReceived,
    Event,
    NotificationFailed,
    NotificationSent,
    new_event,
)

log = structlog.get_logger(__name__)

PRODUCER = "notification"
Role = Literal["reporter", "handler"]


class Deliveries(Protocol):
    async def status_of(self, notification_id: str) -> str | None: ...
    async def record(
        self,
        *,
        notification_id: str,
        complaint_id: str,
        kind: str,
        channel: str,
        status: str,
        at: object,
        reason: str | None = None,
    ) -> None: ...


class Mailer(Protocol):
    def compose(
        self, *, notification_id: str, to: str, subject: str, text: str, language: str
    ) -> EmailMessage: ...
    async def send(self, message: EmailMessage) -> None: ...


@dataclass(frozen=True)
class NotificationDeps:
    deliveries: Deliveries
    mailer: Mailer
    templates: Templates
    publish_sent: Callable[[Event], Awaitable[None]]
    publish_failed: Callable[[Event], Awaitable[None]]
    clock: Clock
    access_key: str
    metrics: NotificationMetrics
    retry_seconds: float


@dataclass(frozen=True)
class Notice:
    """One message to one person about one event."""

    trigger: Event
    kind: str
    role: Role
    email: str | None
    language: str | None
    values: dict[str, object]

    @property
    def notification_id(self) -> uuid.UUID:
        return uuid.uuid5(self.trigger.event_id, f"{self.kind}:{self.role}")


async def acknowledge(*, received: ComplaintReceived, deps: NotificationDeps) -> None:
    """The reporter learns at once that the complaint has a number, and how to follow it."""
    submission = received.submission
    await deliver(
        Notice(
            trigger=received,
            kind="acknowledgment",
            role="reporter",
            email=str(submission.reporter.email) if submission.reporter.email else None,
            language=submission.reporter.locale or submission.language,
            values={
                "number": received.number,
                "received_at": received.occurred_at.strftime("%Y-%m-%d %H:%M UTC"),
                "access_code": access_code(key=deps.access_key, complaint_id=received.complaint_id),
            },
        ),
        deps=deps,
    )


async def tell_handler(*, assigned: ComplaintAssigned, deps: NotificationDeps) -> None:
    await deliver(
        Notice(
            trigger=assigned,
            kind="handler_assigned",
            role="handler",
            email=str(assigned.handler_email),
            language="en",
            values={
                "handler_name": assigned.handler_name,
                "number": assigned.number,
                "team": assigned.team,
                "category": assigned.category,
                "priority": assigned.priority,
                "reporter_language": assigned.language,
            },
        ),
        deps=deps,
    )


async def deliver(notice: Notice, *, deps: NotificationDeps) -> None:
    """Send at most once per notification id in normal operation, then publish the outcome.

    A crash after the send and before the record resends the same Message-ID, which mail
    clients collapse; this is the at-least-once end of the trade.
    """
    notification_id = str(notice.notification_id)
    if await deps.deliveries.status_of(notification_id) in ("sent", "failed"):
        deps.metrics.duplicates.labels(kind=notice.kind).inc()
        log.info("notification already handled", notification_id=notification_id)
        return
    if notice.email is None:
        # Only a phone number was given: no SMS adapter is configured in this deployment.
        await _record_failure(notice, reason="no_sms_provider", deps=deps)
        return
    rendered = deps.templates.render(notice.kind, language=notice.language, values=notice.values)
    message = deps.mailer.compose(
        notification_id=notification_id,
        to=notice.email,
        subject=rendered.subject,
        text=rendered.text,
        language=rendered.language,
    )
    try:
        async for attempt in AsyncRetrying(
            stop=stop_after_delay(deps.retry_seconds),
            wait=wait_exponential_jitter(multiplier=0.5, max=15, jitter=0.5),
            retry=retry_if_exception_type(TransientFailure),
            reraise=True,
        ):
            with attempt:
                await deps.mailer.send(message)
    except PermanentFailure as error:
        await _record_failure(notice, reason=str(error), deps=deps)
        return
    now = deps.clock()
    await deps.deliveries.record(
        notification_id=notification_id,
        complaint_id=notice.trigger.complaint_id,
        kind=notice.kind,
        channel="email",
        status="sent",
        at=now,
    )
    await deps.publish_sent(
        new_event(
            NotificationSent,
            complaint_id=notice.trigger.complaint_id,
            producer=PRODUCER,
            trace_id=notice.trigger.trace_id,
            occurred_at=now,
            discriminator=notification_id,
            notification_id=notice.notification_id,
            kind=notice.kind,
            channel="email",
            recipient_role=notice.role,
        )
    )
    deps.metrics.sent.labels(channel="email", kind=notice.kind).inc()
    deps.metrics.delay.labels(channel="email").observe(
        (now - notice.trigger.occurred_at).total_seconds()
    )
    log.info("notification sent", notification_id=notification_id, kind=notice.kind)


async def _record_failure(notice: Notice, *, reason: str, deps: NotificationDeps) -> None:
    notification_id = str(notice.notification_id)
    channel: Literal["email", "sms"] = "email" if notice.email else "sms"
    now = deps.clock()
    await deps.deliveries.record(
        notification_id=notification_id,
        complaint_id=notice.trigger.complaint_id,
        kind=notice.kind,
        channel=channel,
        status="failed",
        at=now,
        reason=reason,
    )
    await deps.publish_failed(
        new_event(
            NotificationFailed,
            complaint_id=notice.trigger.complaint_id,
            producer=PRODUCER,
            trace_id=notice.trigger.trace_id,
            occurred_at=now,
            discriminator=notification_id,
            notification_id=notice.notification_id,
            kind=notice.kind,
            channel=channel,
            recipient_role=notice.role,
            reason=reason,
            permanent=True,
        )
    )
    deps.metrics.failed.labels(channel=channel, kind=notice.kind, reason=reason).inc()
    log.warning("notification failed", notification_id=notification_id, reason=reason)
