import uuid
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from shared.events import ComplaintReceived, event_id_for, new_event
from shared.submission import ComplaintSubmission
from tests.factories import submission


def test_a_valid_submission_names_its_idempotency_key():
    parsed = ComplaintSubmission.model_validate(submission("k1", channel="app", external_id="x-1"))
    assert parsed.idempotency_key == "app:x-1"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"channel": "fax"}, "channel"),
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "x" * 10_001}, "text"),
        ({"reporter": {"locale": "en"}}, "reporter"),
        ({"reporter": {"phone": "0612345678"}}, "reporter.phone"),
        ({"reporter": {"email": "not-an-email"}}, "reporter.email"),
        ({"reporter": {"phone": "+31612345678", "preferred_contact": "email"}}, "reporter"),
        ({"reported_object": {"type": "video_game"}}, "reported_object.type"),
        (
            {"attachments": [{"kind": "image", "url": "https://x.example/a.png", "sha256": "12"}]},
            "attachments.0.sha256",
        ),
        ({"unexpected": True}, "unexpected"),
    ],
)
def test_invalid_submissions_name_the_field(change, field):
    with pytest.raises(ValidationError) as error:
        ComplaintSubmission.model_validate({**submission("k2"), **change})
    locations = {".".join(map(str, e["loc"])) for e in error.value.errors()}
    assert field in locations


def test_a_phone_only_reporter_who_prefers_sms_is_valid():
    reporter = {"phone": "+31612345678", "preferred_contact": "sms", "locale": "nl"}
    assert ComplaintSubmission.model_validate({**submission("k3"), "reporter": reporter})


def test_the_same_fact_about_the_same_complaint_always_gets_the_same_event_id():
    first = event_id_for("c-1", "complaint.received")
    assert first == event_id_for("c-1", "complaint.received")
    assert first != event_id_for("c-2", "complaint.received")
    assert first != event_id_for("c-1", "complaint.classified")


def test_events_are_frozen_and_carry_the_envelope():
    event = new_event(
        ComplaintReceived,
        complaint_id="c-1",
        producer="intake",
        trace_id="t",
        occurred_at=datetime(2026, 1, 1, tzinfo=UTC),
        number="OMB-AAAA-BBBB",
        submission=ComplaintSubmission.model_validate(submission("k4")),
    )
    assert event.event_type == "complaint.received"
    assert isinstance(event.event_id, uuid.UUID)
    with pytest.raises(ValidationError):
        event.number = "changed"  # type: ignore[misc]


def test_event_times_must_carry_a_timezone():
    with pytest.raises(ValidationError):
        new_event(
            ComplaintReceived,
            complaint_id="c-1",
            producer="intake",
            trace_id="t",
            occurred_at=datetime(2026, 1, 1),
            number="OMB-AAAA-BBBB",
            submission=ComplaintSubmission.model_validate(submission("k5")),
        )
