"""Notifications on the real stack: SMTP (aiosmtpd's Maildir) and Kannel with a fake SMSC.

Results are driven by publishing `ComplaintResolved` to Kafka, as the handlers' side will.
"""

import random
import time
from datetime import UTC, datetime
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from pymongo import MongoClient

from shared.events import ComplaintResolved, Event, ReporterDataErased, new_event
from tests.e2e import kcat
from tests.e2e.consumer_groups import wait_until_caught_up
from tests.e2e.mailbox import body, messages_to, wait_for_messages
from tests.e2e.sms_inbox import messages_to as sms_to
from tests.e2e.sms_inbox import wait_for_sms
from tests.factories import submission

LANGUAGES = {
    # language: (SMS alphabet, acknowledgment words, result words, the outcome in words)
    "en": ("gsm7", "We received your complaint", "Our decision", "we found no violation"),
    "nl": ("gsm7", "We hebben uw klacht", "Onze beslissing", "we vonden geen overtreding"),
    "ru": ("ucs2", "Мы получили вашу жалобу", "Наше решение", "нарушений наших правил не"),
    "zh": ("ucs2", "我们已收到您的投诉", "处理结果", "未发现违反平台规则"),
}


def phone() -> str:
    """A Dutch mobile number of its own, so no test reads another's SMS."""
    return f"+3161{random.randrange(10**6, 10**7)}"


def publish(stack, topic: str, event: Event) -> None:
    kcat.produce(stack.config.kafka_bootstrap, topic, event.complaint_id, event.model_dump_json())


def resolved(accepted: dict[str, Any], explanation: str) -> ComplaintResolved:
    return new_event(
        ComplaintResolved,
        complaint_id=accepted["complaint_id"],
        producer="e2e",
        trace_id="e2e",
        occurred_at=datetime.now(UTC),
        number=accepted["number"],
        handler_id="h-anna",
        handler_name="Anna de Vries",
        outcome="no_violation_found",
        explanation=explanation,
        policy_basis="Community guidelines 4.2",
    )


def submit(intake, tag: str, **reporter: Any) -> dict[str, Any]:
    response = intake.post("/v1/complaints", json=submission(tag, reporter=reporter))
    assert response.status_code == 202, response.text
    return response.json()


def test_acknowledgments_and_results_by_email_and_sms_in_four_languages(stack, intake, unique):
    sms_log, mail_dir = stack.config.sms_received_log, stack.config.mail_dir
    by_mail, by_sms = {}, {}
    for language in LANGUAGES:
        address = f"mail-{language}-{unique}@example.com"
        by_mail[language] = (
            address,
            submit(intake, f"{unique}-m-{language}", email=address, locale=language),
        )
        number = phone()
        by_sms[language] = (
            number,
            submit(
                intake,
                f"{unique}-s-{language}",
                phone=number,
                preferred_contact="sms",
                locale=language,
            ),
        )

    for language, (alphabet, ack_words, _, _) in LANGUAGES.items():
        address, accepted = by_mail[language]
        [mail] = wait_for_messages(mail_dir, address)
        assert ack_words in mail["Subject"] and accepted["number"] in mail["Subject"]
        assert accepted["access_code"] in body(mail)
        assert mail.get_body(("html",)) is not None and mail["Content-Language"] == language
        number, accepted = by_sms[language]
        [sms] = wait_for_sms(sms_log, number, encoding=alphabet)
        assert ack_words.lower() in sms.lower()
        assert accepted["number"] in sms and accepted["access_code"] in sms

    for language in LANGUAGES:
        for _, accepted in (by_mail[language], by_sms[language]):
            publish(stack, "complaints.resolved.v1", resolved(accepted, f"Checked {unique}."))

    feedback = stack.config.service_url("intake") + "/v1/complaints/{}/feedback"
    for language, (alphabet, _, result_words, outcome_words) in LANGUAGES.items():
        address, accepted = by_mail[language]
        result = wait_for_messages(mail_dir, address, count=2)[1]
        assert result_words in result["Subject"]
        text = body(result)
        assert outcome_words in text and f"Checked {unique}." in text
        assert feedback.format(accepted["number"]) in text and accepted["access_code"] in text
        number, accepted = by_sms[language]
        result_sms = wait_for_sms(sms_log, number, encoding=alphabet, count=2)[1]
        assert outcome_words in result_sms
        assert feedback.format(accepted["number"]) in result_sms


def test_an_invalid_number_fails_for_good_and_the_reporter_is_mailed_instead(stack, intake, unique):
    address, invalid = f"fallback-{unique}@example.com", "+99912345678"
    accepted = submit(intake, unique, email=address, phone=invalid, preferred_contact="sms")

    [mail] = wait_for_messages(stack.config.mail_dir, address)
    assert accepted["number"] in mail["Subject"]
    _, _, value = kcat.consume_until(
        stack.config.kafka_bootstrap,
        "notifications.failed.v1",
        lambda _k, _h, value: accepted["complaint_id"] in value,
    )
    assert '"channel":"sms"' in value and '"reason":"invalid_number"' in value
    assert '"permanent":true' in value
    assert sms_to(stack.config.sms_received_log, invalid, encoding="gsm7") == []


def test_a_redelivered_event_sends_nothing(stack, intake, unique):
    number = phone()
    accepted = submit(intake, unique, phone=number, preferred_contact="sms")
    wait_for_sms(stack.config.sms_received_log, number, encoding="gsm7")
    event = resolved(accepted, "Nothing against the rules.")

    for _ in range(3):  # the same event id each time, as a producer retrying after a crash
        publish(stack, "complaints.resolved.v1", event)

    wait_for_sms(stack.config.sms_received_log, number, encoding="gsm7", count=2)
    wait_until_caught_up(
        stack.config.kafka_bootstrap, "notification-reporters", ("complaints.resolved.v1",)
    )
    time.sleep(1)
    assert len(sms_to(stack.config.sms_received_log, number, encoding="gsm7")) == 2


def test_erasure_forgets_the_contact_and_scrubs_the_delivery_log(stack, intake, unique):
    address = f"erase-{unique}@example.com"
    accepted = submit(intake, unique, email=address)
    wait_for_messages(stack.config.mail_dir, address)
    erased = new_event(
        ReporterDataErased,
        complaint_id=accepted["complaint_id"],
        producer="e2e",
        trace_id="e2e",
        occurred_at=datetime.now(UTC),
        requested_by="privacy-desk",
        reason="gdpr_request",
    )
    publish(stack, "privacy.erasure.v1", erased)
    bootstrap = stack.config.kafka_bootstrap
    wait_until_caught_up(bootstrap, "notification-erasure", ("privacy.erasure.v1",))

    publish(stack, "complaints.resolved.v1", resolved(accepted, "After the erasure."))
    wait_until_caught_up(bootstrap, "notification-reporters", ("complaints.resolved.v1",))

    database = MongoClient(stack.config.mongo_url)["ombud_notification"]
    contact = database["contacts"].find_one({"complaint_id": accepted["complaint_id"]})
    assert contact["erased_at"] and "email" not in contact and "phone" not in contact
    [delivery] = database["deliveries"].find(
        {"complaint_id": accepted["complaint_id"], "role": "reporter"}
    )
    assert delivery["kind"] == "acknowledgment" and delivery["status"] == "sent"
    assert "recipient" not in delivery and delivery["erased_at"]
    assert len(messages_to(stack.config.mail_dir, address)) == 1  # no result after erasure


def _recipients(mail_dir: Path) -> dict[str, list[EmailMessage]]:
    """Every message in the Maildir by recipient, headers only: one pass, however many."""
    parser = BytesParser(policy=default)
    found: dict[str, list[EmailMessage]] = {}
    for path in mail_dir.glob("new/*"):
        with path.open("rb") as file:
            message = parser.parse(file, headersonly=True)
        found.setdefault(message["To"].addresses[0].addr_spec, []).append(message)
    return found


@pytest.mark.timeout(420)
def test_smtp_down_for_a_minute_while_100_complaints_flow_then_one_acknowledgment_each(
    stack, intake, unique
):
    count, outage = 100, 60.0
    addresses = [f"outage-{unique}-{i}@example.com" for i in range(count)]
    stack.stop_mail()
    down_at = time.monotonic()
    try:
        for i, address in enumerate(addresses):
            submit(intake, f"{unique}-{i}", email=address)
        submitted = time.monotonic() - down_at
        time.sleep(max(0.0, outage - submitted))
    finally:
        stack.start_mail()
    up_at = time.monotonic()

    deadline = up_at + 240
    while time.monotonic() < deadline:
        received = _recipients(stack.config.mail_dir)
        if all(address in received for address in addresses):
            break
        time.sleep(1)
    recovered = time.monotonic() - up_at
    received = _recipients(stack.config.mail_dir)
    missing = [a for a in addresses if a not in received]
    assert not missing, f"{len(missing)} of {count} reporters got no acknowledgment"
    assert all(len(received[address]) == 1 for address in addresses)
    print(
        f"\n{count} complaints submitted in {submitted:.1f}s; SMTP down {outage:.0f}s; "
        f"all acknowledged {recovered:.1f}s after it returned"
    )
