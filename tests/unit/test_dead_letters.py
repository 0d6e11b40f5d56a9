"""Retry-then-dead-letter on the in-memory broker: the real middleware, no Kafka."""

import pytest
from faststream.kafka import TestKafkaBroker
from prometheus_client import CollectorRegistry
from pydantic import BaseModel

from shared.messaging import make_broker, subscribe
from shared.settings import ServiceSettings

TOPIC = "unit.events.v1"


class Settings(ServiceSettings):
    port: int = 1
    mongo_database: str = "unit"


class Payload(BaseModel):
    value: int


@pytest.fixture
def registry() -> CollectorRegistry:
    return CollectorRegistry()


@pytest.fixture
def broker(registry):
    settings = Settings(consumer_max_attempts=3, consumer_retry_max_seconds=0.01)
    return make_broker(settings, service="unit", registry=registry)


def dead_lettered(registry: CollectorRegistry, reason: str) -> float:
    value = registry.get_sample_value(
        "ombud_messages_dead_lettered_total", {"topic": TOPIC, "reason": reason}
    )
    return value or 0.0


async def test_a_failing_message_is_retried_then_dead_lettered(broker, registry):
    attempts = []

    @subscribe(broker, TOPIC, group_id="unit")
    async def always_fails(payload: Payload) -> None:
        attempts.append(payload.value)
        raise RuntimeError("downstream is broken")

    @broker.subscriber(f"{TOPIC}.dlq")
    async def dead_letters(body: object) -> None: ...

    async with TestKafkaBroker(broker) as test_broker:
        await test_broker.publish({"value": 7}, topic=TOPIC, key=b"c-1")
        dead_letters.mock.assert_called_once()

    assert attempts == [7, 7, 7]
    assert dead_lettered(registry, "RuntimeError") == 1


async def test_a_message_that_cannot_validate_is_not_retried(broker, registry):
    attempts = []

    @subscribe(broker, TOPIC, group_id="unit")
    async def handle(payload: Payload) -> None:
        attempts.append(payload)

    @broker.subscriber(f"{TOPIC}.dlq")
    async def dead_letters(body: object) -> None: ...

    async with TestKafkaBroker(broker) as test_broker:
        await test_broker.publish({"value": "not a number"}, topic=TOPIC)
        dead_letters.mock.assert_called_once()

    assert attempts == []
    assert dead_lettered(registry, "ValidationError") == 1


async def test_a_passing_retry_is_not_dead_lettered(broker, registry):
    attempts = []

    @subscribe(broker, TOPIC, group_id="unit")
    async def flaky(payload: Payload) -> None:
        attempts.append(payload.value)
        if len(attempts) < 2:
            raise ConnectionError("blip")

    async with TestKafkaBroker(broker) as test_broker:
        await test_broker.publish({"value": 1}, topic=TOPIC)

    assert attempts == [1, 1]
    assert dead_lettered(registry, "ConnectionError") == 0
