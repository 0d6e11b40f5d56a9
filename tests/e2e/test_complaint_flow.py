"""A complaint from submission to a named handler, over HTTP and over Kafka, on the real stack."""

import json
import re

import httpx

from tests.e2e import kcat
from tests.e2e.mailbox import body, wait_for_messages
from tests.e2e.polling import wait_for_status
from tests.factories import submission

FULL_HISTORY = {
    "complaint.received",
    "complaint.classified",
    "complaint.assigned",
    "notification.sent",
}


def test_http_complaint_is_acknowledged_assigned_and_archived(stack, intake, archive, unique):
    complaint = submission(
        unique,
        text="Iemand pest mij elke dag in de reacties onder mijn video's.",
        reporter={"email": f"anouk-{unique}@example.nl", "locale": "nl"},
    )

    response = intake.post("/v1/complaints", json=complaint)

    assert response.status_code == 202, response.text
    accepted = response.json()
    assert re.fullmatch(r"OMB-[0-9A-Z]{4}-[0-9A-Z]{4}", accepted["number"])
    assert accepted["status"] == "received"

    [ack] = wait_for_messages(stack.config.mail_dir, f"anouk-{unique}@example.nl")
    assert accepted["number"] in ack["Subject"]
    assert "We hebben uw klacht" in ack["Subject"]
    assert accepted["access_code"] in body(ack)
    assert ack["Auto-Submitted"] == "auto-generated"

    status = wait_for_status(
        archive,
        accepted["number"],
        proof={"X-Access-Code": accepted["access_code"]},
        status="assigned",
        history_types=FULL_HISTORY,
    )
    assert status["category"] == "content"
    assert status["team"] == "content-moderation"
    assert status["handler_name"]
    assert any(status["handler_name"] in e["summary"] for e in status["history"])

    handler_mail = [
        m
        for m in wait_for_messages(stack.config.mail_dir, _handler_address(status), timeout=60)
        if accepted["number"] in m["Subject"]
    ]
    assert len(handler_mail) == 1


def test_repeated_submission_gets_the_same_complaint(intake, unique):
    complaint = submission(unique)

    first = intake.post("/v1/complaints", json=complaint)
    again = intake.post("/v1/complaints", json={**complaint, "text": "a retry, edited"})

    assert first.status_code == again.status_code == 202
    assert again.json() == first.json()


def test_kafka_complaint_published_with_kcat_is_taken_in_like_http(stack, archive, unique):
    address = f"dmitry-{unique}@example.ru"
    complaint = submission(
        unique,
        channel="app",
        external_id=f"app-{unique}",
        text="Мой аккаунт взломали, кто-то сменил пароль и пишет моим друзьям.",
        reporter={"email": address, "locale": "ru", "preferred_contact": "email"},
        reported_object={"type": "account", "id": f"acc-{unique}"},
    )

    kcat.produce(
        stack.config.kafka_bootstrap,
        "complaints.submitted.v1",
        f"app:app-{unique}",
        json.dumps(complaint),
    )

    [ack] = wait_for_messages(stack.config.mail_dir, address)
    assert "Мы получили вашу жалобу" in ack["Subject"]
    number = re.search(r"OMB-[0-9A-Z]{4}-[0-9A-Z]{4}", ack["Subject"]).group(0)
    access_code = re.search(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", body(ack)).group(0)
    status = wait_for_status(
        archive,
        number,
        proof={"X-Access-Code": access_code},
        status="assigned",
        history_types=FULL_HISTORY,
    )
    assert (status["category"], status["team"]) == ("account", "account-support")
    by_contact = archive.get(f"/v1/complaints/{number}", headers={"X-Reporter-Contact": address})
    assert by_contact.status_code == 200
    assert by_contact.json()["history"] == status["history"]


def test_invalid_kafka_submission_is_rejected_with_reasons_and_intake_goes_on(
    stack, archive, unique
):
    key = f"app:broken-{unique}"
    kcat.produce(
        stack.config.kafka_bootstrap,
        "complaints.submitted.v1",
        key,
        '{"channel": "fax", "text": ""}',
    )
    address = f"after-{unique}@example.com"
    kcat.produce(
        stack.config.kafka_bootstrap,
        "complaints.submitted.v1",
        f"app:after-{unique}",
        json.dumps(
            submission(
                unique, channel="app", external_id=f"after-{unique}", reporter={"email": address}
            )
        ),
    )

    _, _, value = kcat.consume_until(
        stack.config.kafka_bootstrap,
        "complaints.rejected.v1",
        lambda _key, _headers, value: json.loads(value)["complaint_id"] == f"submission:{key}",
    )
    rejected = json.loads(value)
    fields = {reason["field"] for reason in rejected["reasons"]}
    assert {"channel", "text", "external_id", "reporter"} <= fields
    wait_for_messages(stack.config.mail_dir, address)


def test_status_needs_proof_and_does_not_reveal_whether_a_number_exists(intake, archive, unique):
    accepted = intake.post("/v1/complaints", json=submission(unique)).json()
    url = f"/v1/complaints/{accepted['number']}"

    assert archive.get(url).status_code == 401
    wrong = archive.get(url, headers={"X-Access-Code": "AAAA-AAAA-AAAA-AAAA"})
    unknown = archive.get(
        "/v1/complaints/OMB-0000-0000", headers={"X-Access-Code": accepted["access_code"]}
    )
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()


def test_submission_needs_a_channel_key(stack, intake, unique):
    anonymous = httpx.post(
        f"{stack.config.service_url('intake')}/v1/complaints", json=submission(unique)
    )
    assert anonymous.status_code == 401


def _handler_address(status: dict) -> str:
    first, last = status["handler_name"].lower().split(" ", 1)
    return f"{first}.{last.replace(' ', '')}@ombud.example"
