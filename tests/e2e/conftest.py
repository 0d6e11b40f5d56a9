import contextlib
import logging
import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ombud_stack.config import StackConfig
from ombud_stack.stack import Stack
from tests.e2e.infrastructure import containers, docker_engine_answers

ROOT = Path(__file__).resolve().parents[2]
CHANNEL_KEY = "e2e-channel-key-0123456789"
ACCESS_KEY = "e2e-access-code-key-0123456789"
JWT_SECRET = "e2e-jwt-signing-secret-0123456789abcdef"


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    """The whole system on ports of its own, so it can run beside `make run`."""
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    state = Path(tempfile.mkdtemp(prefix="ombud-e2e-"))
    # Several suites can run side by side on one machine, each with its own offset.
    offset = int(os.environ.get("OMBUD_TEST_PORT_OFFSET", "0"))
    config = StackConfig(
        state_dir=state,
        cache_dir=ROOT / ".cache",
        kafka_port=19092 + offset,
        controller_port=19093 + offset,
        mongo_port=37017 + offset,
        smtp_port=11025 + offset,
        kannel_port=23000 + offset,
        first_service_port=18001 + offset,
        partitions=6,
        extra_env={
            "OMBUD_ENVIRONMENT": "test",
            "OMBUD_INTAKE_CHANNEL_API_KEYS": CHANNEL_KEY,
            "OMBUD_ACCESS_CODE_KEY": ACCESS_KEY,
            "OMBUD_AUTH_JWT_SECRET": JWT_SECRET,
            # The deadline tests move the assignment service's clock instead of sleeping.
            "OMBUD_ASSIGNMENT_CLOCK_CONTROL": "true",
            "OMBUD_ASSIGNMENT_CLOCK_INTERVAL_SECONDS": "0.5",
            "OMBUD_LOG_LEVEL": "INFO",
            # The SMTP outage test waits for the breaker to let mail through again.
            "OMBUD_NOTIFICATION_BREAKER_RECOVERY_SECONDS": "10",
        },
    )
    use_docker = docker_engine_answers()
    infrastructure = containers(config) if use_docker else contextlib.nullcontext()
    running = Stack(config)
    with infrastructure:
        running.start(with_kafka_and_store=not use_docker)
        try:
            yield running
        finally:
            running.stop()


@pytest.fixture
def intake(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=stack.config.service_url("intake"),
        headers={"Authorization": f"Bearer {CHANNEL_KEY}"},
        timeout=30,
    ) as client:
        yield client


@pytest.fixture
def archive(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.config.service_url("archive"), timeout=30) as client:
        yield client


@pytest.fixture
def unique() -> str:
    """A fresh suffix, so no test depends on another's leftovers in the shared stack."""
    return uuid.uuid4().hex[:12]


@pytest.fixture
def assignment(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.config.service_url("assignment"), timeout=30) as client:
        yield client
