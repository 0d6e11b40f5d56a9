"""Intake's HTTP contract with the rules behind it running on in-memory fakes."""

import pytest
from aiokafka.errors import KafkaConnectionError
from fastapi import FastAPI
from fastapi.testclient import TestClient

from intake.api import build_router
from shared.app import domain_error_response
from shared.errors import DomainError, Unavailable
from shared.messaging import publish_event
from tests.factories import lifecycle_events, submission
from tests.unit.test_intake_service import Outbox, deps

KEY = "unit-channel-key-0123456789"


def client(outbox: Outbox) -> TestClient:
    app = FastAPI()
    app.add_exception_handler(DomainError, domain_error_response)
    app.include_router(build_router(deps=deps(received=outbox), channel_keys=frozenset({KEY})))
    return TestClient(app, headers={"Authorization": f"Bearer {KEY}"})


def test_accepted_answers_202_with_number_status_and_access_code():
    response = client(Outbox()).post("/v1/complaints", json=submission("api-1"))
    assert response.status_code == 202
    assert set(response.json()) == {"complaint_id", "number", "status", "access_code"}


def test_invalid_input_answers_422_naming_the_field():
    response = client(Outbox()).post(
        "/v1/complaints", json={**submission("api-2"), "reporter": {"phone": "12345"}}
    )
    assert response.status_code == 422
    assert ["body", "reporter", "phone"] in [e["loc"] for e in response.json()["detail"]]


def test_when_kafka_cannot_take_it_the_answer_is_503_with_retry_after():
    response = client(Outbox(fail=True)).post("/v1/complaints", json=submission("api-3"))
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0


@pytest.mark.parametrize("header", [None, "Bearer wrong-key", "Basic abc"])
def test_without_a_channel_key_nothing_is_taken_in(header):
    outbox = Outbox()
    headers = {"Authorization": header} if header else {}
    api = client(outbox)
    api.headers.pop("Authorization")
    response = api.post("/v1/complaints", json=submission("api-4"), headers=headers)
    assert response.status_code == 401
    assert outbox.events == []


class BrokenPublisher:
    def __init__(self, error: Exception) -> None:
        self.error = error

    async def publish(self, *_: object, **__: object) -> None:
        raise self.error


@pytest.mark.parametrize("error", [KafkaConnectionError(), TimeoutError()])
async def test_broker_errors_become_unavailable(error):
    with pytest.raises(Unavailable):
        await publish_event(BrokenPublisher(error), lifecycle_events()[0])  # type: ignore[arg-type]
