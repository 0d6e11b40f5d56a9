"""What happens when things go wrong: a consumer dies mid-flow, a message can never be handled."""

from tests.e2e import kcat
from tests.e2e.mailbox import messages_to, wait_for_messages
from tests.e2e.polling import wait_for_status
from tests.factories import submission

BATCH = 10


def test_consumers_killed_mid_flow_lose_nothing_and_acknowledge_once(
    stack, intake, archive, unique
):
    accepted = []

    def submit_batch(batch: int) -> None:
        for i in range(BATCH):
            tag = f"{unique}-{batch}-{i}"
            response = intake.post("/v1/complaints", json=submission(tag))
            assert response.status_code == 202, response.text
            accepted.append((tag, response.json()))

    submit_batch(0)
    stack.kill("notification")  # SIGKILL: no shutdown hook, no final commit
    submit_batch(1)
    stack.kill("classifier")
    stack.start_service("notification")
    submit_batch(2)
    stack.start_service("classifier")

    for tag, complaint in accepted:
        wait_for_status(
            archive,
            complaint["number"],
            proof={"X-Access-Code": complaint["access_code"]},
            status="assigned",
            history_types={"complaint.classified", "complaint.assigned", "notification.sent"},
            timeout=120,
        )
        wait_for_messages(stack.config.mail_dir, f"reporter-{tag}@example.com")
    acknowledgments = {
        tag: messages_to(stack.config.mail_dir, f"reporter-{tag}@example.com")
        for tag, _ in accepted
    }
    # A kill between the SMTP send and its record resends the same Message-ID, which mail
    # clients show once; a second, different acknowledgment would be a real duplicate.
    assert all(len({m["Message-ID"] for m in mails}) == 1 for mails in acknowledgments.values())
    assert all(
        complaint["number"] in acknowledgments[tag][0]["Subject"] for tag, complaint in accepted
    )


def test_poison_messages_go_to_the_dead_letter_topic_and_partitions_keep_moving(
    stack, intake, archive, unique
):
    for partition in range(stack.config.partitions):
        kcat.produce(
            stack.config.kafka_bootstrap,
            "complaints.classified.v1",
            f"poison-{unique}-{partition}",
            "{not json",
            partition=partition,
        )

    _key, headers, value = kcat.consume_until(
        stack.config.kafka_bootstrap,
        "complaints.classified.v1.dlq",
        lambda key, _headers, _value: key == f"poison-{unique}-0",
    )
    assert value == "{not json"
    assert "x-original-topic=complaints.classified.v1" in headers
    assert "x-error=" in headers

    # Every partition was blocked by poison; a complaint after it still reaches its handler.
    complaint = intake.post("/v1/complaints", json=submission(unique)).json()
    wait_for_status(
        archive,
        complaint["number"],
        proof={"X-Access-Code": complaint["access_code"]},
        status="assigned",
        history_types={"complaint.assigned"},
    )
