"""The 24/48/72-hour clock on the real stack: the test moves the assignment service's clock
(persisted, as a supervisor may where clock control is enabled) instead of sleeping."""

import json
from collections import Counter

import pytest

from tests.e2e import kcat
from tests.e2e.operators import SUPERVISOR
from tests.e2e.polling import wait_until_assigned
from tests.factories import submission

HOUR = 3600
# (hours after receipt, what must have fired by then)
STEPS = [
    (18.2, ("warning", "initial_review")),
    (24.2, ("escalation", "initial_review")),
    (36.2, ("warning", "investigation")),
    (48.2, ("escalation", "investigation")),
    (54.2, ("warning", "result")),
    (72.2, ("escalation", "result")),
]


@pytest.fixture
def movable_clock(assignment):
    yield lambda seconds: assignment.post(
        "/v1/clock/advance", json={"seconds": seconds}, headers=SUPERVISOR
    ).raise_for_status()
    assignment.post("/v1/clock/reset", headers=SUPERVISOR).raise_for_status()


def fired(stack, complaint_id: str) -> Counter[tuple[str, str]]:
    """Every warning and escalation published for the complaint, counted."""
    seen: Counter[tuple[str, str]] = Counter()
    for topic, kind in (
        ("complaints.deadlines.v1", "warning"),
        ("complaints.escalated.v1", "escalation"),
    ):
        for value in kcat.read_all(stack.config.kafka_bootstrap, topic):
            event = json.loads(value)
            if (
                event["complaint_id"] == complaint_id
                and event["event_type"] != "complaint.deadlines_updated"
            ):
                seen[(kind, event["deadline"])] += 1
    return seen


def wait_until_fired(stack, complaint_id: str, expected: set[tuple[str, str]], timeout: float = 30):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen = fired(stack, complaint_id)
        if expected <= set(seen):
            return seen
        time.sleep(0.5)
    raise AssertionError(f"expected {expected}, saw {dict(fired(stack, complaint_id))}")


def test_each_warning_and_escalation_fires_exactly_once_across_a_restart(
    stack, intake, archive, movable_clock, unique
):
    complaint = intake.post("/v1/complaints", json=submission(unique)).json()
    wait_until_assigned(archive, complaint)
    assert fired(stack, complaint["complaint_id"]) == Counter()

    moved = 0.0
    expected: set[tuple[str, str]] = set()
    for index, (hours, step) in enumerate(STEPS):
        movable_clock(hours * HOUR - moved)
        moved = hours * HOUR
        expected.add(step)
        seen = wait_until_fired(stack, complaint["complaint_id"], expected)
        assert set(seen) == expected, "nothing fires early"
        if index == 1:
            # The service that owns the clock dies and comes back: nothing is lost or repeated.
            stack.kill("assignment")
            stack.start_service("assignment")

    movable_clock(10 * HOUR)  # long after: still nothing fires twice
    final = wait_until_fired(stack, complaint["complaint_id"], expected)
    assert final == Counter({step: 1 for _, step in STEPS})
    status = archive.get(
        f"/v1/complaints/{complaint['number']}", headers={"X-Access-Code": complaint["access_code"]}
    ).json()
    assert status["status"] == "escalated"
