"""Kafka glue: a broker that never loses what it accepted, and subscribers that retry, then
dead-letter, and only then commit.

- Producers wait for every in-sync replica (`acks="all"`) and are idempotent, so a retried send
  is written once.
- Subscribers commit an offset only after the handler finished (`NACK_ON_ERROR`: an error that
  escapes rewinds to the message, so it is read again rather than skipped).
- A message is tried a bounded number of times in-process; one that still fails, or can never
  succeed (it does not decode or validate), is published to `<topic>.dlq` with the error, and
  then committed, so the partition keeps moving. If even the dead-letter publish fails, the error
  escapes and the message is read again later: nothing is committed that was not handled.
"""

import asyncio
import json
import logging
import weakref
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from aiokafka.errors import KafkaError
from faststream import AckPolicy
from faststream._internal.middlewares import BaseMiddleware
from faststream.exceptions import HandlerException
from faststream.kafka import KafkaBroker
from faststream.kafka.prometheus import KafkaPrometheusMiddleware
from faststream.kafka.publisher.usecase import DefaultPublisher
from faststream.kafka.subscriber.usecase import DefaultSubscriber
from faststream.message import StreamMessage
from prometheus_client import CollectorRegistry, Counter
from pydantic import ValidationError
from tenacity import (
    AsyncRetrying,
    retry_if_not_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from shared.errors import Unavailable
from shared.events import Event
from shared.settings import ServiceSettings
from shared.topics import dead_letter

log = structlog.get_logger(__name__)


class PoisonMessage(Exception):
    """A message that can never be handled, however often it is retried."""


# Errors that retrying cannot fix: straight to the dead-letter topic.
_NOT_RETRYABLE = (PoisonMessage, ValidationError, json.JSONDecodeError, UnicodeDecodeError)


def describe_error(error: BaseException) -> str:
    """The error for a dead-letter header: never the offending input, which may be personal."""
    if isinstance(error, ValidationError):
        problems = error.errors(include_input=False, include_url=False, include_context=False)
        return "; ".join(f"{'.'.join(map(str, p['loc']))}: {p['msg']}" for p in problems)[:2000]
    if isinstance(error, json.JSONDecodeError):
        return f"not JSON: {error.msg} at position {error.pos}"
    if isinstance(error, PoisonMessage):
        return str(error)[:2000]
    return type(error).__name__


class DeadLetterPolicy:
    """Middleware factory: bounded retries, then the dead-letter topic."""

    def __init__(
        self, *, max_attempts: int, max_wait_seconds: float, registry: CollectorRegistry
    ) -> None:
        self.max_attempts = max_attempts
        self.max_wait_seconds = max_wait_seconds
        self.broker: KafkaBroker | None = None
        self.dead_lettered = Counter(
            "ombud_messages_dead_lettered_total",
            "Messages sent to a dead-letter topic after bounded retries",
            ["topic", "reason"],
            registry=registry,
        )

    def __call__(self, msg: Any, /, *, context: Any) -> "_RetryThenDeadLetter":
        return _RetryThenDeadLetter(msg, context=context, policy=self)

    async def send_to_dead_letter(self, message: StreamMessage[Any], error: BaseException) -> None:
        assert self.broker is not None, "bind the broker before consuming"
        record = message.raw_message
        reason = type(error).__name__
        await self.broker.publish(
            message.body,
            topic=dead_letter(record.topic),
            key=record.key,
            headers={
                "x-error-type": reason,
                "x-error": describe_error(error),
                "x-original-topic": record.topic,
                "x-original-partition": str(record.partition),
                "x-original-offset": str(record.offset),
            },
        )
        self.dead_lettered.labels(topic=record.topic, reason=reason).inc()
        log.error(
            "message dead-lettered",
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            error_type=reason,
            error=describe_error(error),
            # A traceback names code, not data; a validation error would echo the input.
            exc_info=not isinstance(error, ValidationError | PoisonMessage),
        )


class _RetryThenDeadLetter(BaseMiddleware):
    def __init__(self, msg: Any, /, *, context: Any, policy: DeadLetterPolicy) -> None:
        super().__init__(msg, context=context)
        self.policy = policy

    async def consume_scope(
        self, call_next: Callable[[StreamMessage[Any]], Awaitable[Any]], msg: StreamMessage[Any]
    ) -> Any:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.policy.max_attempts),
            wait=wait_exponential_jitter(
                multiplier=0.1, max=self.policy.max_wait_seconds, jitter=0.1
            ),
            retry=retry_if_not_exception_type((*_NOT_RETRYABLE, HandlerException)),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await call_next(msg)
        except (HandlerException, asyncio.CancelledError):
            raise
        except Exception as error:
            await self.policy.send_to_dead_letter(msg, error)
        return None


def make_broker(
    settings: ServiceSettings, *, service: str, registry: CollectorRegistry
) -> KafkaBroker:
    dead_letters = DeadLetterPolicy(
        max_attempts=settings.consumer_max_attempts,
        max_wait_seconds=settings.consumer_retry_max_seconds,
        registry=registry,
    )
    broker = KafkaBroker(
        settings.kafka_bootstrap,
        client_id=f"ombud-{service}",
        acks="all",
        enable_idempotence=True,
        middlewares=[KafkaPrometheusMiddleware(registry=registry, app_name=service), dead_letters],
        # Through the standard logging tree, so FastStream's lines are JSON like ours.
        logger=logging.getLogger(f"ombud.{service}.faststream"),
    )
    dead_letters.broker = broker
    return broker


_dead_letter_topics: "weakref.WeakKeyDictionary[KafkaBroker, set[str]]" = (
    weakref.WeakKeyDictionary()
)


def subscribe(broker: KafkaBroker, *topics: str, group_id: str) -> DefaultSubscriber:
    """A consumer-group subscriber that commits only after its work is done."""
    declared = _dead_letter_topics.setdefault(broker, set())
    for topic in set(topics) - declared:
        # Declared (once per topic) so the AsyncAPI document shows where failures go.
        broker.publisher(dead_letter(topic), description=f"Messages of {topic} that kept failing")
        declared.add(topic)
    return broker.subscriber(
        *topics,
        group_id=group_id,
        ack_policy=AckPolicy.NACK_ON_ERROR,
        # A new group starts at the beginning: nothing published before it joined is missed.
        auto_offset_reset="earliest",
    )


async def publish_event(
    publisher: DefaultPublisher, event: Event, *, timeout_seconds: float = 10.0
) -> None:
    """Publish keyed by complaint id, so one complaint's events stay in order within a topic.

    Returns only once every in-sync replica has the event. A broker that cannot take it within
    the timeout is reported as `Unavailable`; the caller must not claim the event was written.
    """
    try:
        async with asyncio.timeout(timeout_seconds):
            await publisher.publish(event, key=event.complaint_id.encode())
    except (KafkaError, TimeoutError) as error:
        raise Unavailable("the event log is not accepting writes right now") from error
