"""Plain functions that build valid inputs; tests override only what they are about."""

from datetime import UTC, datetime, timedelta
from typing import Any

from shared.events import (
    ComplaintAssigned,
    ComplaintClassified,
    ComplaintReceived,
    Event,
    new_event,
)
from shared.submission import ComplaintSubmission


def submission(unique: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "channel": "web",
        "external_id": f"web-{unique}",
        "subject": "Harassment in comments",
        "text": "Someone keeps harassing me in the comments under every video I post.",
        "reporter": {
            "user_id": f"user-{unique}",
            "email": f"reporter-{unique}@example.com",
            "preferred_contact": "email",
            "locale": "en",
        },
        "reported_object": {"type": "comment", "id": f"c-{unique}"},
    }
    body.update(overrides)
    return body


def lifecycle_events(
    complaint_id: str = "c-1",
    number: str = "OMB-AAAA-BBBB",
    at: datetime = datetime(2026, 11, 22, 10, 0, tzinfo=UTC),
) -> list[Event]:
    """received -> classified -> assigned, one second apart."""
    common = {"complaint_id": complaint_id, "producer": "test", "trace_id": "t"}
    return [
        new_event(
            ComplaintReceived,
            **common,
            occurred_at=at,
            number=number,
            submission=ComplaintSubmission.model_validate(submission("x")),
        ),
        new_event(
            ComplaintClassified,
            **common,
            occurred_at=at + timedelta(seconds=1),
            number=number,
            category="content",
            subcategory="harassment_bullying",
            priority="P3",
            language="en",
            confidence=0.8,
            model_version="v",
            reasons=["r"],
        ),
        new_event(
            ComplaintAssigned,
            **common,
            occurred_at=at + timedelta(seconds=2),
            number=number,
            team="content-moderation",
            handler_id="h-anna",
            handler_name="Anna de Vries",
            handler_email="anna@ombud.example",
            category="content",
            priority="P3",
            language="en",
        ),
    ]
