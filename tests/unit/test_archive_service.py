import itertools
from datetime import UTC, datetime
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from archive.metrics import ArchiveMetrics
from archive.service import ArchiveDeps, ProofRequired, archive_event, status_for_reporter
from shared.access import access_code
from shared.errors import NotFound
from tests.factories import lifecycle_events

KEY = "unit-test-key-0123456789"
T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


class FakeArchive:
    """In memory, with the same operator semantics as the MongoDB update the repository sends."""

    def __init__(self) -> None:
        self.events: dict[str, dict[str, Any]] = {}
        self.complaints: dict[str, dict[str, Any]] = {}

    async def append(self, event: dict[str, Any]) -> bool:
        if event["event_id"] in self.events:
            return False
        self.events[event["event_id"]] = event
        return True

    async def project(self, *, complaint_id, status_rank, fields, earliest, latest) -> None:
        record = self.complaints.setdefault(complaint_id, {"complaint_id": complaint_id})
        for name, value in {"status_rank": status_rank, **latest}.items():
            record[name] = max(record.get(name, value), value)
        for name, value in earliest.items():
            record[name] = min(record.get(name, value), value)
        record.update(fields)

    async def find_by_number(self, number: str) -> dict[str, Any] | None:
        return next((c for c in self.complaints.values() if c.get("number") == number), None)

    async def history(self, complaint_id: str) -> list[dict[str, Any]]:
        mine = [e for e in self.events.values() if e["complaint_id"] == complaint_id]
        return sorted(mine, key=lambda e: e["occurred_at"])


def deps(archive: FakeArchive) -> ArchiveDeps:
    return ArchiveDeps(archive=archive, access_key=KEY, metrics=ArchiveMetrics(CollectorRegistry()))


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
async def test_any_arrival_order_and_repeats_leave_the_same_read_model(order):
    archive = FakeArchive()
    events = lifecycle_events()
    for index in (*order, *order):
        await archive_event(event=events[index], deps=deps(archive))

    [record] = archive.complaints.values()
    assert record["status_rank"] == 3
    assert record["received_at"] == T0
    assert record["handler_name"] == "Anna de Vries"
    assert len(archive.events) == 3


async def test_the_reporter_sees_status_and_history_with_the_access_code_or_contact():
    archive = FakeArchive()
    for event in lifecycle_events():
        await archive_event(event=event, deps=deps(archive))

    code = access_code(key=KEY, complaint_id="c-1")
    by_code = await status_for_reporter(
        number="omb-aaaa-bbbb", access_code=code, contact=None, deps=deps(archive)
    )
    by_contact = await status_for_reporter(
        number="OMB-AAAA-BBBB",
        access_code=None,
        contact="Reporter-X@example.com",
        deps=deps(archive),
    )
    assert by_code == by_contact
    assert by_code.status == "assigned"
    assert [h.event_type for h in by_code.history] == [
        "complaint.received",
        "complaint.classified",
        "complaint.assigned",
    ]
    assert "reporter-x@example.com" not in str(by_code)


async def test_without_proof_or_with_a_wrong_one_nothing_is_shown():
    archive = FakeArchive()
    for event in lifecycle_events():
        await archive_event(event=event, deps=deps(archive))

    with pytest.raises(ProofRequired):
        await status_for_reporter(
            number="OMB-AAAA-BBBB", access_code=None, contact=None, deps=deps(archive)
        )
    with pytest.raises(NotFound):
        await status_for_reporter(
            number="OMB-AAAA-BBBB", access_code="WRONG", contact=None, deps=deps(archive)
        )
    with pytest.raises(NotFound):
        await status_for_reporter(
            number="OMB-AAAA-BBBB",
            access_code=None,
            contact="someone-else@example.com",
            deps=deps(archive),
        )
