"""The classifier service on in-memory fakes: classified, rejected at review, never dropped."""

from datetime import UTC, datetime
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from classifier.classification import Classifier
from classifier.metrics import ClassifierMetrics
from classifier.service import ClassifierDeps, classify_complaint
from shared.events import (
    ComplaintClassified,
    ComplaintReceived,
    ComplaintRejected,
    Event,
    new_event,
)
from shared.submission import ComplaintSubmission
from tests.factories import submission

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


class FakeDecisions:
    """In-memory stand-in for the repository: the first decision per complaint is kept."""

    def __init__(self) -> None:
        self.by_complaint: dict[str, dict[str, Any]] = {}

    async def keep_first(self, *, complaint_id: str, decision: dict[str, Any]) -> dict[str, Any]:
        return self.by_complaint.setdefault(
            complaint_id, {"complaint_id": complaint_id, **decision}
        )


class Outbox:
    def __init__(self) -> None:
        self.events: list[Event] = []

    async def __call__(self, event: Event) -> None:
        self.events.append(event)


@pytest.fixture
def deps(classifier) -> ClassifierDeps:
    return ClassifierDeps(
        decisions=FakeDecisions(),
        classifier=classifier,
        publish_classified=Outbox(),
        publish_rejected=Outbox(),
        clock=lambda: NOW,
        metrics=ClassifierMetrics(CollectorRegistry()),
    )


def received(text: str, complaint_id: str = "c-1", **overrides: Any) -> ComplaintReceived:
    body = submission(complaint_id, text=text, subject=None, **overrides)
    return new_event(
        ComplaintReceived,
        complaint_id=complaint_id,
        producer="test",
        trace_id="t",
        occurred_at=NOW,
        number="OMB-AAAA-BBBB",
        submission=ComplaintSubmission.model_validate(body),
    )


async def test_a_complaint_is_classified_with_its_version_and_reasons(deps):
    await classify_complaint(received=received("Мой аккаунт взломали, сменили пароль"), deps=deps)

    [event] = deps.publish_classified.events
    assert isinstance(event, ComplaintClassified)
    assert (event.category, event.subcategory, event.priority) == ("account", "hacked", "P2")
    assert event.model_version == deps.classifier.model.version
    assert event.reasons and not deps.publish_rejected.events


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("asdfghjkl qwerty", "no complaint"),
        ("GET 10K FOLLOWERS cheap!!! real accounts, DM @boost to order now", "advertising"),
        ("you moderators are useless idiots, all of you, go f*** yourselves", "abuse"),
    ],
)
async def test_junk_advertising_and_abuse_of_staff_are_rejected_with_a_reason(deps, text, reason):
    # Sent through the web form about nothing in particular: with a reported comment, the same
    # words read as a report about spam in that comment, which a person then checks.
    await classify_complaint(received=received(text, reported_object=None), deps=deps)

    [event] = deps.publish_rejected.events
    assert isinstance(event, ComplaintRejected)
    assert event.complaint_id == "c-1"
    [rejection] = event.reasons
    assert reason in rejection.message
    assert "automated means" in rejection.message
    assert not deps.publish_classified.events


async def test_a_report_about_spam_is_a_complaint_not_spam(deps):
    text = "bots flood my comments with crypto giveaway scam links, please remove them"
    await classify_complaint(received=received(text), deps=deps)

    [event] = deps.publish_classified.events
    assert (event.category, event.subcategory) == ("content", "spam_scam")
    assert not deps.publish_rejected.events


async def test_an_angry_complaint_with_a_real_problem_is_not_rejected(deps):
    text = "your stupid app banned my account for nothing, idiots, give it back"
    await classify_complaint(received=received(text), deps=deps)

    [event] = deps.publish_classified.events
    assert event.subcategory == "banned_appeal"


async def test_a_redelivered_complaint_republishes_the_decision_it_got(deps):
    # A web form with nothing reported: an in-app report of a comment is a report of that comment.
    first = received("asdfghjkl qwerty", reported_object=None)
    await classify_complaint(received=first, deps=deps)
    await classify_complaint(received=first, deps=deps)

    one, again = deps.publish_rejected.events
    assert one == again


async def test_low_confidence_is_marked_for_review(deps, classifier):
    strict = Classifier(model=classifier.model, review_threshold=0.99, reject_threshold=0.99)
    deps = ClassifierDeps(**{**deps.__dict__, "classifier": strict})
    await classify_complaint(received=received("hmm something happened with a video"), deps=deps)

    [event] = deps.publish_classified.events
    assert event.needs_review


async def test_the_complaint_body_is_read_with_its_channel_signals(deps):
    """The end-to-end Russian complaint: a canned English subject, an account report."""
    complaint = received(
        "Мой аккаунт взломали, кто-то сменил пароль и пишет моим друзьям.",
        channel="app",
        reporter={"email": "ivan@example.com", "locale": "ru"},
        reported_object={"type": "account", "id": "acc-1"},
    )
    complaint = complaint.model_copy(
        update={
            "submission": complaint.submission.model_copy(
                update={"subject": "Harassment in comments"}
            )
        }
    )
    await classify_complaint(received=complaint, deps=deps)

    [event] = deps.publish_classified.events
    assert (event.category, event.language) == ("account", "ru")
