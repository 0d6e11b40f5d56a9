import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from archive.metrics import ArchiveMetrics
from archive.service import (
    ArchiveDeps,
    ProofRequired,
    archive_event,
    expire_old,
    request_erasure,
    status_for_reporter,
)
from shared.access import access_code
from shared.auth import Principal
from shared.errors import NotFound
from tests.factories import lifecycle_events

KEY = "unit-test-key-0123456789"
T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


class FakeArchive:
    """In memory, with the same operator semantics as the MongoDB update the repository sends."""

    def __init__(self) -> None:
        self.events: dict[str, dict[str, Any]] = {}
        self.complaints: dict[str, dict[str, Any]] = {}
        self.tombstones: list[dict[str, Any]] = []

    async def append(self, event: dict[str, Any]) -> bool:
        if event["event_id"] in self.events:
            return False
        self.events[event["event_id"]] = event
        return True

    async def project(
        self, complaint_id, *, at, fields, earliest, status, only_over, latest_fields
    ) -> None:
        record = self.complaints.setdefault(complaint_id, {"complaint_id": complaint_id})
        record["last_event_at"] = max(record.get("last_event_at", at), at)
        for name, value in earliest.items():
            record[name] = min(record.get(name, value), value)
        record.update(fields)
        if status is not None:
            self._replace_if_later(record, "status", at, {"status": status}, only_over)
        if latest_fields:
            self._replace_if_later(record, next(iter(latest_fields)), at, latest_fields, None)

    @staticmethod
    def _replace_if_later(record, group, at, values, only_over) -> None:
        stamps = record.setdefault("set_at", {})
        later = stamps.get(group) is None or stamps[group] <= at
        if later and (only_over is None or record.get("status") in only_over):
            record.update(values)
            stamps[group] = at

    async def complaints_of(self, fingerprint: str) -> list[dict[str, Any]]:
        return [
            c for c in self.complaints.values() if fingerprint in c.get("contact_fingerprints", [])
        ]

    async def expired(self, before: datetime) -> list[dict[str, Any]]:
        return [
            c
            for c in self.complaints.values()
            if c["last_event_at"] < before and not c.get("anonymised")
        ]

    async def erase(self, complaint_id: str) -> None:
        self.complaints[complaint_id].update(contact_fingerprints=[], anonymised=True)
        for event in self.events.values():
            if event["complaint_id"] == complaint_id and "submission" in event:
                event["submission"].pop("reporter", None)

    async def tombstone(self, entry: dict[str, Any]) -> None:
        self.tombstones.append(entry)

    async def find_by_number(self, number: str) -> dict[str, Any] | None:
        return next((c for c in self.complaints.values() if c.get("number") == number), None)

    async def history(self, complaint_id: str) -> list[dict[str, Any]]:
        mine = [e for e in self.events.values() if e["complaint_id"] == complaint_id]
        return sorted(mine, key=lambda e: e["occurred_at"])


class Outbox(list):
    async def __call__(self, event) -> None:
        self.append(event)


def deps(archive: FakeArchive, *, now: datetime = T0, outbox: Outbox | None = None) -> ArchiveDeps:
    return ArchiveDeps(
        archive=archive,  # type: ignore[arg-type]
        access_key=KEY,
        metrics=ArchiveMetrics(CollectorRegistry()),
        clock=lambda: now,
        publish_erasure=outbox if outbox is not None else Outbox(),
    )


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
async def test_any_arrival_order_and_repeats_leave_the_same_read_model(order):
    archive = FakeArchive()
    events = lifecycle_events()
    for index in (*order, *order):
        await archive_event(event=events[index], deps=deps(archive))

    [record] = archive.complaints.values()
    assert record["status"] == "assigned"
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


async def test_an_erasure_request_reaches_every_complaint_of_the_reporter_and_leaves_a_tombstone():
    archive, outbox = FakeArchive(), Outbox()
    for complaint_id, number in (("c-1", "OMB-AAAA-0001"), ("c-2", "OMB-AAAA-0002")):
        for event in lifecycle_events(complaint_id=complaint_id, number=number):
            await archive_event(event=event, deps=deps(archive))
    supervisor = Principal(subject="s-1", team=None, roles=frozenset({"supervisor"}))

    report = await request_erasure(
        contact="reporter-x@example.com", principal=supervisor, deps=deps(archive, outbox=outbox)
    )

    assert sorted(report.complaints) == ["OMB-AAAA-0001", "OMB-AAAA-0002"]
    assert {e.complaint_id for e in outbox} == {"c-1", "c-2"}
    assert {e.reason for e in outbox} == {"gdpr_request"}
    [tombstone] = archive.tombstones
    assert "reporter-x" not in str(tombstone) and tombstone["requested_by"] == "s-1"


async def test_personal_data_is_kept_for_the_retention_period_and_then_erased():
    archive, outbox = FakeArchive(), Outbox()
    for event in lifecycle_events():
        await archive_event(event=event, deps=deps(archive))

    assert await expire_old(deps(archive, now=T0 + timedelta(days=364), outbox=outbox)) == 0
    assert await expire_old(deps(archive, now=T0 + timedelta(days=366), outbox=outbox)) == 1
    [erasure] = outbox
    assert erasure.reason == "retention_expired"
    await archive_event(event=erasure, deps=deps(archive))
    assert archive.complaints["c-1"]["contact_fingerprints"] == []
    assert archive.complaints["c-1"]["status"] == "assigned", "statistics keep their facts"
