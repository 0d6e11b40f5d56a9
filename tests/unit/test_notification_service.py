"""Who hears what, once: notification's rules with in-memory fakes, no Kafka, store or SMTP."""

from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import CollectorRegistry
from tenacity import wait_none

from notification import service
from notification.channels import Guarded, Outgoing, Receipt
from notification.delivery import DeliveryDeps
from notification.failures import PermanentFailure, TransientFailure
from notification.metrics import NotificationMetrics
from notification.repository import Contact
from notification.templates import Templates
from shared.events import (
    ComplaintReceived,
    ComplaintRejected,
    ComplaintResolved,
    ReporterDataErased,
    new_event,
)
from shared.submission import ComplaintSubmission
from tests.factories import submission

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


class FakeChannel:
    def __init__(self, name, outcomes=()):
        self.name = name
        self.outcomes = list(outcomes)  # exceptions to raise, in order; then success
        self.sent: list[Outgoing] = []

    async def send(self, outgoing):
        if self.outcomes:
            raise self.outcomes.pop(0)
        self.sent.append(outgoing)
        return Receipt(segments=2, encoding="gsm7") if self.name == "sms" else Receipt()


class FakeDeliveries:
    def __init__(self):
        self.entries: dict[str, dict] = {}

    async def outcome_of(self, notification_id):
        return self.entries.get(notification_id)

    async def record_attempt(self, *, notification_id, channel, outcome, reason, at):
        entry = self.entries.setdefault(notification_id, {})
        entry.setdefault("attempts", []).append((channel, outcome, reason))

    async def record(self, *, notification_id, **fields):
        self.entries.setdefault(notification_id, {}).update(fields)

    async def scrub_reporter(self, complaint_id, *, at):
        scrubbed = 0
        for entry in self.entries.values():
            if entry.get("complaint_id") == complaint_id and entry.get("role") == "reporter":
                entry.pop("recipient", None)
                scrubbed += 1
        return scrubbed


class FakeContacts:
    def __init__(self):
        self.contacts: dict[str, Contact] = {}

    async def remember(self, *, complaint_id, contact, at):
        self.contacts.setdefault(complaint_id, contact)

    async def get(self, complaint_id):
        return self.contacts.get(complaint_id)

    async def erase(self, complaint_id, *, at):
        number = self.contacts[complaint_id].number if complaint_id in self.contacts else ""
        self.contacts[complaint_id] = Contact(number=number, erased=True)


class FakeLimits:
    def __init__(self):
        self.counts: dict[str, int] = {}

    async def take(self, *, key, limit, window, at):
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key] <= limit


class World:
    def __init__(self, email=(), sms=(), reporter_limit=10):
        self.email = FakeChannel("email", email)
        self.sms = FakeChannel("sms", sms)
        self.deliveries = FakeDeliveries()
        self.contacts = FakeContacts()
        self.sent_events, self.failed_events = [], []
        self.registry = CollectorRegistry()

        async def publish_sent(event):
            self.sent_events.append(event)

        async def publish_failed(event):
            self.failed_events.append(event)

        self.deps = service.NotificationDeps(
            delivery=DeliveryDeps(
                deliveries=self.deliveries,
                limits=FakeLimits(),
                channels={"email": self.email, "sms": self.sms},
                templates=Templates(),
                publish_sent=publish_sent,
                publish_failed=publish_failed,
                clock=lambda: NOW + timedelta(seconds=3),
                metrics=NotificationMetrics(self.registry),
                fingerprint=lambda address: f"fp:{address}",
                retry_seconds={"email": 5, "sms": 5},
                messages_per_hour={"reporter": reporter_limit, "handler": 100, "team_lead": 100},
                wait=wait_none(),
            ),
            contacts=self.contacts,
            delivery_log=self.deliveries,
            access_key="unit-access-key-0123456789",
            public_base_url="https://complaints.example",
        )

    def metric(self, name, **labels):
        return self.registry.get_sample_value(name, labels) or 0.0


def received(complaint_id="c-1", **reporter) -> ComplaintReceived:
    body = submission("u", reporter={"email": "r@example.com", "locale": "nl", **reporter})
    return new_event(
        ComplaintReceived,
        complaint_id=complaint_id,
        producer="test",
        trace_id="t",
        occurred_at=NOW,
        number="OMB-AAAA-BBBB",
        submission=ComplaintSubmission.model_validate(body),
    )


def resolved(complaint_id="c-1") -> ComplaintResolved:
    return new_event(
        ComplaintResolved,
        complaint_id=complaint_id,
        producer="test",
        trace_id="t",
        occurred_at=NOW,
        number="OMB-AAAA-BBBB",
        handler_id="h-anna",
        handler_name="Anna de Vries",
        outcome="content_removed_uploader_warned",
        explanation="The comments were harassment.",
        policy_basis="Community guidelines 4.2",
    )


async def test_acknowledgment_goes_by_the_preferred_channel_in_the_reporters_language():
    world = World()
    await service.acknowledge(received=received(), deps=world.deps)

    [mail] = world.email.sent
    assert mail.to == "r@example.com"
    assert mail.rendered.language == "nl" and "OMB-AAAA-BBBB" in mail.rendered.subject
    [event] = world.sent_events
    assert (event.channel, event.recipient_role, event.kind) == (
        "email",
        "reporter",
        "acknowledgment",
    )
    assert world.sms.sent == []


async def test_a_redelivered_event_sends_nothing_twice():
    world = World()
    await service.acknowledge(received=received(), deps=world.deps)
    await service.acknowledge(received=received(), deps=world.deps)

    assert len(world.email.sent) == 1
    assert (
        world.metric("ombud_notification_duplicates_suppressed_total", kind="acknowledgment") == 1
    )
    # The outcome is published again with the same id, in case a crash came between the record
    # and the first publish; consumers drop the copy.
    first, again = world.sent_events
    assert first.event_id == again.event_id


async def test_sms_preferred_falls_back_to_email_when_the_number_fails_for_good():
    world = World(sms=[PermanentFailure("invalid_number")])
    event = received(phone="+99912345678", preferred_contact="sms")

    await service.acknowledge(received=event, deps=world.deps)

    assert len(world.email.sent) == 1
    [failed] = world.failed_events
    assert (failed.channel, failed.reason, failed.permanent) == ("sms", "invalid_number", True)
    assert world.sent_events[0].channel == "email"
    assert (
        world.metric("ombud_notification_fallbacks_total", from_channel="sms", to_channel="email")
        == 1
    )


async def test_transient_failures_are_retried_and_a_permanent_one_is_not():
    world = World(email=[TransientFailure("smtp_4xx"), TransientFailure("timeout")])
    await service.acknowledge(received=received(), deps=world.deps)
    assert len(world.email.sent) == 1
    assert world.metric("ombud_notification_retries_total", channel="email", reason="timeout") == 1

    refused = World(email=[PermanentFailure("smtp_550"), PermanentFailure("smtp_550")])
    await service.acknowledge(received=received(), deps=refused.deps)
    assert refused.email.sent == [] and len(refused.email.outcomes) == 1  # tried once only
    [entry] = refused.deliveries.entries.values()
    assert entry["status"] == "failed" and entry["reason"] == "smtp_550"


async def test_results_reach_the_reporter_through_the_remembered_contact():
    world = World()
    await service.remember_contact(
        received=received(phone="+31612345678", preferred_contact="sms"), deps=world.deps
    )

    await service.tell_reporter(event=resolved(), deps=world.deps)

    [sms] = world.sms.sent
    assert sms.to == "+31612345678"
    assert "https://complaints.example/v1/complaints/OMB-AAAA-BBBB/appeal" in sms.rendered.sms
    assert "verwijderd" in sms.rendered.text  # the outcome in words, in Dutch
    assert world.metric("ombud_notification_sms_segments_total", encoding="gsm7") == 2


async def test_a_result_before_its_contact_is_known_is_retried_not_dropped():
    world = World()
    with pytest.raises(service.ContactNotYetKnown):
        await service.tell_reporter(event=resolved(), deps=world.deps)


async def test_erasure_forgets_the_contact_and_scrubs_the_log_and_nothing_more_is_sent():
    world = World()
    await service.remember_contact(received=received(), deps=world.deps)
    await service.tell_reporter(event=resolved(), deps=world.deps)
    erased = new_event(
        ReporterDataErased,
        complaint_id="c-1",
        producer="test",
        trace_id="t",
        occurred_at=NOW,
        requested_by="privacy-desk",
        reason="gdpr_request",
    )

    await service.erase_reporter(erased=erased, deps=world.deps)
    await service.acknowledge(received=received(), deps=world.deps)

    assert world.contacts.contacts["c-1"].email is None
    [entry] = world.deliveries.entries.values()
    assert "recipient" not in entry and entry["status"] == "sent"
    assert len(world.email.sent) == 1  # the result before the erasure, nothing after


async def test_rejection_is_told_only_to_a_reporter_whose_contact_is_known():
    world = World()
    common = {"producer": "test", "trace_id": "t", "occurred_at": NOW}
    reasons = [{"field": "text", "message": "too short"}]
    unknown = new_event(
        ComplaintRejected, complaint_id="submission:web:x", reasons=reasons, **common
    )
    await service.tell_reporter(event=unknown, deps=world.deps)
    assert world.email.sent == []

    await service.remember_contact(received=received(), deps=world.deps)
    known = new_event(ComplaintRejected, complaint_id="c-1", reasons=reasons, **common)
    await service.tell_reporter(event=known, deps=world.deps)
    [mail] = world.email.sent
    assert "too short" in mail.rendered.text


async def test_a_recipient_over_the_rate_limit_is_not_sent_more():
    world = World(reporter_limit=1)
    await service.acknowledge(received=received("c-1"), deps=world.deps)
    await service.acknowledge(received=received("c-2"), deps=world.deps)

    assert len(world.email.sent) == 1
    assert world.failed_events[0].reason == "rate_limited"


async def test_the_circuit_opens_after_repeated_transient_failures_and_fails_fast():
    flaky = FakeChannel("email", [TransientFailure("unreachable")] * 3)
    guarded = Guarded(flaky, failure_threshold=3, recovery_seconds=60)
    outgoing = Outgoing("00000000-0000-0000-0000-000000000001", "c-1", "a@example.com", None)
    for _ in range(3):
        with pytest.raises(TransientFailure, match="unreachable"):
            await guarded.send(outgoing)

    with pytest.raises(TransientFailure, match="circuit_open"):
        await guarded.send(outgoing)
    assert flaky.sent == []
