import json
from datetime import UTC, datetime
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from intake.metrics import IntakeMetrics
from intake.service import (
    IntakeDeps,
    NumberTaken,
    accept_submission,
    draw_number,
    take_in_channel_message,
)
from shared.errors import Unavailable
from shared.events import ComplaintReceived, ComplaintRejected, Event
from shared.submission import ComplaintSubmission
from tests.factories import submission

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


class FakeSubmissions:
    """In-memory stand-in for the repository: unique keys and unique numbers."""

    def __init__(self, taken_numbers: set[str] = frozenset()) -> None:
        self.by_key: dict[str, dict[str, Any]] = {}
        self.numbers = set(taken_numbers)

    async def claim(self, *, key: str, new_record: dict[str, Any]) -> dict[str, Any]:
        if key in self.by_key:
            return self.by_key[key]
        if new_record["number"] in self.numbers:
            raise NumberTaken
        self.numbers.add(new_record["number"])
        self.by_key[key] = {"key": key, **new_record}
        return self.by_key[key]

    async def find_duplicate(self, duplicate_key: str, *, since) -> dict[str, Any] | None:
        return next(
            (
                r
                for r in self.by_key.values()
                if r.get("duplicate_key") == duplicate_key and r["received_at"] >= since
            ),
            None,
        )

    async def find_by_number(self, number: str) -> dict[str, Any] | None:
        return next((r for r in self.by_key.values() if r["number"] == number), None)

    async def note_progress(self, complaint_id: str, **moments: Any) -> None:
        for record in self.by_key.values():
            if record["complaint_id"] == complaint_id:
                record.update(moments)

    async def erase_personal_data(self, complaint_id: str) -> None:
        for record in self.by_key.values():
            if record["complaint_id"] == complaint_id:
                record["erased"] = True
                record["submission"].pop("reporter")
                record["submission"]["text"] = "[erased]"


class Outbox:
    def __init__(self, *, fail: bool = False) -> None:
        self.events: list[Event] = []
        self.fail = fail

    async def __call__(self, event: Event) -> None:
        if self.fail:
            raise Unavailable("kafka is away")
        self.events.append(event)


def deps(submissions=None, received=None, rejected=None, feedback=None, clock=None) -> IntakeDeps:
    return IntakeDeps(
        submissions=submissions or FakeSubmissions(),
        publish_received=received or Outbox(),
        publish_rejected=rejected or Outbox(),
        publish_feedback=feedback or Outbox(),
        clock=clock or (lambda: NOW),
        access_key="unit-test-key-0123456789",
        metrics=IntakeMetrics(CollectorRegistry()),
    )


async def accept(body: dict[str, Any], collaborators: IntakeDeps):
    return await accept_submission(
        submission=ComplaintSubmission.model_validate(body),
        path="http",
        trace_id="trace-1",
        deps=collaborators,
    )


async def test_a_submission_becomes_a_numbered_durable_complaint():
    outbox = Outbox()
    accepted = await accept(submission("a"), deps(received=outbox))

    [event] = outbox.events
    assert isinstance(event, ComplaintReceived)
    assert (event.complaint_id, event.number) == (accepted.complaint_id, accepted.number)
    assert event.occurred_at == NOW
    assert accepted.first_time


async def test_the_same_channel_id_again_is_the_same_complaint_and_the_same_event():
    outbox, store = Outbox(), FakeSubmissions()
    collaborators = deps(submissions=store, received=outbox)
    first = await accept(submission("b"), collaborators)
    again = await accept({**submission("b"), "text": "edited on retry"}, collaborators)

    assert (again.complaint_id, again.number, again.access_code) == (
        first.complaint_id,
        first.number,
        first.access_code,
    )
    assert not again.first_time
    assert outbox.events[0].event_id == outbox.events[1].event_id
    assert outbox.events[1].submission.text == outbox.events[0].submission.text


async def test_when_kafka_is_away_the_caller_hears_it_and_a_retry_publishes():
    store = FakeSubmissions()
    with pytest.raises(Unavailable):
        await accept(submission("c"), deps(submissions=store, received=Outbox(fail=True)))

    outbox = Outbox()
    retried = await accept(submission("c"), deps(submissions=store, received=outbox))
    assert [e.complaint_id for e in outbox.events] == [retried.complaint_id]


async def test_a_number_already_taken_is_drawn_again(monkeypatch):
    drawn = iter(["OMB-AAAA-AAAA", "OMB-BBBB-BBBB"])
    monkeypatch.setattr("intake.service.draw_number", lambda: next(drawn))
    accepted = await accept(submission("d"), deps(submissions=FakeSubmissions({"OMB-AAAA-AAAA"})))
    assert accepted.number == "OMB-BBBB-BBBB"


def test_numbers_are_short_and_avoid_ambiguous_letters():
    numbers = {draw_number() for _ in range(1000)}
    assert len(numbers) == 1000
    assert all(len(n) == 13 and not set(n[4:]) & set("ILOU") for n in numbers)


async def test_an_invalid_channel_message_is_rejected_with_its_reasons():
    received, rejected = Outbox(), Outbox()
    await take_in_channel_message(
        raw=json.dumps({"channel": "fax", "text": "hi"}).encode(),
        source="submission:fax:1",
        trace_id="t",
        deps=deps(received=received, rejected=rejected),
    )
    assert received.events == []
    [event] = rejected.events
    assert isinstance(event, ComplaintRejected)
    assert event.complaint_id == "submission:fax:1"
    assert {"channel", "external_id", "reporter"} <= {r.field for r in event.reasons}


async def test_a_message_that_is_not_json_is_rejected_too():
    rejected = Outbox()
    await take_in_channel_message(
        raw=b"\xff not json", source="submission:x", trace_id="t", deps=deps(rejected=rejected)
    )
    [event] = rejected.events
    assert event.reasons


async def test_the_same_text_from_the_same_reporter_under_another_id_is_merged_not_opened_twice():
    outbox, store = Outbox(), FakeSubmissions()
    collaborators = deps(submissions=store, received=outbox)
    first = await accept(submission("m1"), collaborators)
    resent = await accept(
        {
            **submission("m1"),
            "channel": "email",
            "external_id": "mail-77",
            "text": "  someone KEEPS harassing me in the comments under every video I post. ",
        },
        collaborators,
    )
    other_reporter = await accept(
        {**submission("m2"), "text": submission("m1")["text"]}, collaborators
    )

    assert (resent.number, resent.status) == (first.number, "merged")
    assert other_reporter.number != first.number
    assert [e.number for e in outbox.events] == [first.number, other_reporter.number]
