"""Replaying topics from offset 0 changes nothing: consumers are idempotent."""

from tests.e2e.consumer_groups import rewind_to_start, wait_until_caught_up
from tests.e2e.mailbox import wait_for_messages
from tests.e2e.metrics import total
from tests.e2e.polling import wait_for_status
from tests.factories import submission

GROUPS = {
    "notification": {
        "notification-acknowledgments": ("complaints.received.v1",),
        "notification-handlers": ("complaints.assigned.v1",),
    },
    "assignment": {"assignment": ("complaints.classified.v1",)},
    "archive": {
        "archive": (
            "complaints.received.v1",
            "complaints.rejected.v1",
            "complaints.classified.v1",
            "complaints.assigned.v1",
            "notifications.sent.v1",
            "notifications.failed.v1",
        )
    },
}


def test_replaying_every_topic_from_offset_zero_sends_and_changes_nothing(
    stack, intake, archive, unique
):
    complaint = intake.post("/v1/complaints", json=submission(unique)).json()
    proof = {"X-Access-Code": complaint["access_code"]}
    before = wait_for_status(
        archive,
        complaint["number"],
        proof=proof,
        status="assigned",
        history_types={"complaint.assigned", "notification.sent"},
    )
    wait_for_messages(stack.config.mail_dir, f"reporter-{unique}@example.com")
    before = _with_deadlines(archive, complaint["number"], proof)
    mail_before = sorted(p.name for p in stack.config.mail_dir.glob("new/*"))

    bootstrap = stack.config.kafka_bootstrap
    # Let everything earlier tests started settle first, in pipeline order, so that whatever
    # the restarted services see next is the replay alone.
    wait_until_caught_up(bootstrap, "classifier", ("complaints.received.v1",))
    for groups in GROUPS.values():
        for group, topics in groups.items():
            wait_until_caught_up(bootstrap, group, topics)

    for service, groups in GROUPS.items():
        stack.processes[service].stop()
        for group, topics in groups.items():
            rewind_to_start(bootstrap, group, topics)
        stack.start_service(service)
    for groups in GROUPS.values():
        for group, topics in groups.items():
            wait_until_caught_up(bootstrap, group, topics)

    # The replay did reach the restarted services, and they recognised every event.
    assert total(stack.config.service_url("archive"), "ombud_archive_duplicate_events_total") > 0
    assert total(stack.config.service_url("archive"), "ombud_archive_events_archived_total") == 0
    notification = stack.config.service_url("notification")
    assert total(notification, "ombud_notification_duplicates_suppressed_total") > 0
    assert total(notification, "ombud_notification_sent_total") == 0
    assert sorted(p.name for p in stack.config.mail_dir.glob("new/*")) == mail_before
    after = archive.get(f"/v1/complaints/{complaint['number']}", headers=proof).json()
    assert after == before


def _with_deadlines(archive, number: str, proof: dict[str, str], timeout: float = 30) -> dict:
    """The status once the deadlines (published just after the assignment) are folded in."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = archive.get(f"/v1/complaints/{number}", headers=proof).json()
        if status["next_deadline"] is not None:
            return status
        time.sleep(0.3)
    raise AssertionError(f"{number} never showed its next deadline")
