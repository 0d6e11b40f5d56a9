"""Delivering one notice: once per notification id, by the preferred channel and then the other,
retrying what is transient, recording every attempt and publishing the outcome."""

import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal, Protocol

import structlog
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_delay,
    wait_exponential_jitter,
)
from tenacity.wait import wait_base

from notification.channels import Channel, Outgoing, Receipt
from notification.failures import DeliveryFailure, PermanentFailure, TransientFailure
from notification.metrics import NotificationMetrics
from notification.templates import Templates
from shared.clock import Clock
from shared.events import Event, NotificationFailed, NotificationSent, new_event
from shared.submission import ContactChannel

log = structlog.get_logger(__name__)

PRODUCER = "notification"
Role = Literal["reporter", "handler", "team_lead"]
# A notification in one of these states is never sent again; "gave_up" (transient failures
# outlasted the retries) is tried afresh if its event is delivered again.
FINAL = ("sent", "failed")
HOUR = timedelta(hours=1)


class Deliveries(Protocol):
    async def outcome_of(self, notification_id: str) -> dict[str, Any] | None: ...
    async def record_attempt(
        self, *, notification_id: str, channel: str, outcome: str, reason: str | None, at: datetime
    ) -> None: ...
    async def record(
        self,
        *,
        notification_id: str,
        complaint_id: str,
        kind: str,
        role: str,
        channel: str | None,
        recipient: str | None,
        status: str,
        at: datetime,
        reason: str | None = None,
        segments: int | None = None,
    ) -> None: ...


class Limits(Protocol):
    async def take(self, *, key: str, limit: int, window: timedelta, at: datetime) -> bool: ...


@dataclass(frozen=True)
class DeliveryDeps:
    deliveries: Deliveries
    limits: Limits
    channels: Mapping[ContactChannel, Channel]
    templates: Templates
    publish_sent: Callable[[Event], Awaitable[None]]
    publish_failed: Callable[[Event], Awaitable[None]]
    clock: Clock
    metrics: NotificationMetrics
    # A keyed fingerprint of an address: rate limits count people without storing who they are.
    fingerprint: Callable[[str], str]
    retry_seconds: Mapping[ContactChannel, float]
    messages_per_hour: Mapping[Role, int]
    wait: wait_base = field(
        default_factory=lambda: wait_exponential_jitter(initial=0.5, max=15, jitter=1)
    )


@dataclass(frozen=True)
class Recipient:
    role: Role
    email: str | None
    phone: str | None = None
    preferred: ContactChannel = "email"
    language: str | None = None

    def routes(self) -> list[tuple[ContactChannel, str]]:
        """Where to try, in order: the preferred channel first, the other as the fallback."""
        given: dict[ContactChannel, str | None] = {"email": self.email, "sms": self.phone}
        order: list[ContactChannel] = ["email", "sms"]
        order.sort(key=lambda channel: channel != self.preferred)
        return [(channel, address) for channel in order if (address := given[channel])]


@dataclass(frozen=True)
class Notice:
    """One message to one person about one event."""

    trigger: Event
    kind: str
    recipient: Recipient
    values: Mapping[str, object]

    @property
    def notification_id(self) -> uuid.UUID:
        return uuid.uuid5(self.trigger.event_id, f"{self.kind}:{self.recipient.role}")


async def deliver(notice: Notice, *, deps: DeliveryDeps) -> None:
    """Send at most once per notification id in normal operation, then publish the outcome.

    A crash after the send and before the record resends the same Message-ID, which mail
    clients collapse; this is the at-least-once end of the trade.
    """
    notification_id = str(notice.notification_id)
    outcome = await deps.deliveries.outcome_of(notification_id)
    if outcome is not None and outcome.get("status") in FINAL:
        if outcome["status"] == "sent":
            # A crash may have come between the record and the publish: publish again; the
            # event id is the same, so whoever already has it drops the copy.
            await deps.publish_sent(
                _sent_event(notice, channel=outcome["channel"], now=deps.clock())
            )
        deps.metrics.duplicates.labels(kind=notice.kind).inc()
        log.info("notification already handled", notification_id=notification_id)
        return
    routes = [(c, a) for c, a in notice.recipient.routes() if c in deps.channels]
    if not routes:
        await _give_up(notice, channel=notice.recipient.preferred, reason="no_address", deps=deps)
        return
    limit = deps.messages_per_hour[notice.recipient.role]
    key = deps.fingerprint(routes[0][1])
    if not await deps.limits.take(key=key, limit=limit, window=HOUR, at=deps.clock()):
        await _give_up(notice, channel=routes[0][0], reason="rate_limited", deps=deps)
        return
    rendered = deps.templates.render(
        notice.kind, language=notice.recipient.language, values=notice.values
    )
    failure: DeliveryFailure | None = None
    for position, (channel, address) in enumerate(routes):
        if failure is not None:
            deps.metrics.fallbacks.labels(
                from_channel=routes[position - 1][0], to_channel=channel
            ).inc()
        outgoing = Outgoing(notification_id, notice.trigger.complaint_id, address, rendered)
        try:
            receipt = await _send_with_retries(channel, outgoing, deps=deps)
        except DeliveryFailure as error:
            failure = error
            await _channel_failed(notice, channel=channel, failure=error, deps=deps)
            continue
        await _sent(notice, channel=channel, address=address, receipt=receipt, deps=deps)
        return
    assert failure is not None
    await _record(
        notice,
        channel=routes[-1][0],
        status="failed" if isinstance(failure, PermanentFailure) else "gave_up",
        at=deps.clock(),
        reason=failure.reason,
        deps=deps,
    )


async def _send_with_retries(
    channel: ContactChannel, outgoing: Outgoing, *, deps: DeliveryDeps
) -> Receipt:
    def count_retry(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        reason = error.reason if isinstance(error, DeliveryFailure) else "unknown"
        deps.metrics.retries.labels(channel=channel, reason=reason).inc()

    async for attempt in AsyncRetrying(
        stop=stop_after_delay(deps.retry_seconds[channel]),
        wait=deps.wait,
        retry=retry_if_exception_type(TransientFailure),
        before_sleep=count_retry,
        reraise=True,
    ):
        with attempt:
            return await deps.channels[channel].send(outgoing)
    raise AssertionError("tenacity either returns or reraises")


async def _sent(
    notice: Notice, *, channel: ContactChannel, address: str, receipt: Receipt, deps: DeliveryDeps
) -> None:
    now = deps.clock()
    await _record(
        notice,
        channel=channel,
        recipient=address,
        status="sent",
        at=now,
        segments=receipt.segments if channel == "sms" else None,
        deps=deps,
    )
    await deps.publish_sent(_sent_event(notice, channel=channel, now=now))
    deps.metrics.sent.labels(channel=channel, kind=notice.kind).inc()
    if receipt.encoding is not None:
        deps.metrics.sms_segments.labels(encoding=receipt.encoding).inc(receipt.segments)
    deps.metrics.delay.labels(channel=channel, kind=notice.kind).observe(
        (now - notice.trigger.occurred_at).total_seconds()
    )
    log.info(
        "notification sent",
        notification_id=str(notice.notification_id),
        kind=notice.kind,
        channel=channel,
    )


def _sent_event(notice: Notice, *, channel: ContactChannel, now: datetime) -> NotificationSent:
    return new_event(
        NotificationSent,
        complaint_id=notice.trigger.complaint_id,
        producer=PRODUCER,
        trace_id=notice.trigger.trace_id,
        occurred_at=now,
        discriminator=str(notice.notification_id),
        notification_id=notice.notification_id,
        kind=notice.kind,
        channel=channel,
        recipient_role=notice.recipient.role,
    )


async def _channel_failed(
    notice: Notice, *, channel: ContactChannel, failure: DeliveryFailure, deps: DeliveryDeps
) -> None:
    """One channel failed for good or outlasted its retries: recorded, counted, published."""
    notification_id = str(notice.notification_id)
    now = deps.clock()
    permanent = isinstance(failure, PermanentFailure)
    await deps.deliveries.record_attempt(
        notification_id=notification_id,
        channel=channel,
        outcome="failed" if permanent else "gave_up",
        reason=failure.reason,
        at=now,
    )
    await deps.publish_failed(
        new_event(
            NotificationFailed,
            complaint_id=notice.trigger.complaint_id,
            producer=PRODUCER,
            trace_id=notice.trigger.trace_id,
            occurred_at=now,
            # One event per channel: an SMS that failed and the email after it are two facts.
            discriminator=f"{notification_id}:{channel}",
            notification_id=notice.notification_id,
            kind=notice.kind,
            channel=channel,
            recipient_role=notice.recipient.role,
            reason=failure.reason,
            permanent=permanent,
        )
    )
    deps.metrics.failed.labels(channel=channel, kind=notice.kind, reason=failure.reason).inc()
    log.warning(
        "notification failed on a channel",
        notification_id=notification_id,
        channel=channel,
        reason=failure.reason,
        permanent=permanent,
    )


async def _give_up(
    notice: Notice, *, channel: ContactChannel, reason: str, deps: DeliveryDeps
) -> None:
    """Nothing was sent and nothing will be: no address, or the recipient's limit is reached."""
    failure = PermanentFailure(reason)
    await _channel_failed(notice, channel=channel, failure=failure, deps=deps)
    await _record(
        notice, channel=channel, status="failed", at=deps.clock(), reason=reason, deps=deps
    )


async def _record(
    notice: Notice,
    *,
    channel: ContactChannel | None,
    status: str,
    at: datetime,
    deps: DeliveryDeps,
    recipient: str | None = None,
    reason: str | None = None,
    segments: int | None = None,
) -> None:
    """The notification's final outcome in the delivery log."""
    await deps.deliveries.record(
        notification_id=str(notice.notification_id),
        complaint_id=notice.trigger.complaint_id,
        kind=notice.kind,
        role=notice.recipient.role,
        channel=channel,
        recipient=recipient,
        status=status,
        at=at,
        reason=reason,
        segments=segments,
    )
