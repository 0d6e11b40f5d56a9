"""GDPR erasure across every service: no trace of the reporter's email or phone in any
collection afterwards, an auditable tombstone, and the statistics unchanged."""

import time

from pymongo import MongoClient

from tests.e2e.consumer_groups import wait_until_caught_up
from tests.e2e.mailbox import wait_for_messages
from tests.e2e.operators import SUPERVISOR
from tests.e2e.polling import wait_for_status
from tests.factories import submission

SETTLE = {
    "archive": (
        "complaints.investigating.v1",
        "complaints.received.v1",
        "complaints.assigned.v1",
        "notifications.sent.v1",
        "privacy.erasure.v1",
    ),
    "intake-progress": ("privacy.erasure.v1",),
}


def traces(mongo_url: str, *needles: str) -> list[str]:
    """Where any needle still appears: database.collection of each document holding one."""
    found = []
    with MongoClient(mongo_url) as client:
        for database in client.list_database_names():
            if not database.startswith("ombud_"):
                continue
            for name in client[database].list_collection_names():
                for document in client[database][name].find():
                    text = str(document)
                    if any(needle in text for needle in needles):
                        found.append(f"{database}.{name}")
    return found


def settle(stack) -> None:
    for group, topics in SETTLE.items():
        wait_until_caught_up(stack.config.kafka_bootstrap, group, topics)


def test_erasure_leaves_no_trace_and_keeps_the_statistics(
    stack, intake, assignment, archive, unique
):
    email, phone = f"erase-me-{unique}@example.com", f"+3161{int(unique[:6], 16) % 10**7:07d}"
    complaint = intake.post(
        "/v1/complaints",
        json=submission(unique, reporter={"email": email, "phone": phone, "locale": "en"}),
    ).json()
    wait_for_status(
        archive,
        complaint["number"],
        proof={"X-Access-Code": complaint["access_code"]},
        status="assigned",
        history_types={"complaint.assigned", "notification.sent"},
    )
    wait_for_messages(stack.config.mail_dir, email)
    note = {"note": f"Called the reporter back on {phone}; answers at {email}.", "evidence": []}
    noted = assignment.post(f"/v1/cases/{complaint['number']}/notes", json=note, headers=SUPERVISOR)
    assert noted.status_code == 200, noted.text
    settle(stack)
    assert traces(stack.config.mongo_url, email, phone), "the reporter's data is stored somewhere"
    before = archive.get("/v1/statistics", headers=SUPERVISOR).json()

    refused = archive.post(
        "/v1/privacy/erasures",
        json={"contact": email},
        headers={"Authorization": SUPERVISOR["Authorization"][:-4] + "AAAA"},
    )
    assert refused.status_code == 401
    erased = archive.post("/v1/privacy/erasures", json={"contact": email}, headers=SUPERVISOR)
    assert erased.status_code == 202, erased.text
    assert erased.json()["complaints"] == [complaint["number"]]

    deadline = time.monotonic() + 60
    while (left := traces(stack.config.mongo_url, email, phone)) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert left == []
    settle(stack)
    assert archive.get("/v1/statistics", headers=SUPERVISOR).json() == before
    assert (
        archive.get(
            f"/v1/complaints/{complaint['number']}", headers={"X-Reporter-Contact": email}
        ).status_code
        == 404
    )
    with MongoClient(stack.config.mongo_url) as client:
        tombstone = client["ombud_archive"]["erasures"].find_one(
            {"_id": erased.json()["tombstone_id"]}
        )
    assert tombstone["complaints"] == [complaint["number"]]
    assert tombstone["requested_by"] == "s-root"
