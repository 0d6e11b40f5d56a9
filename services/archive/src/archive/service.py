"""The archive's rules: keep every event once and fold it into the read model; show a reporter
their complaint only against proof that it is theirs; erase personal data on request or when
it is older than the retention period, keeping the statistics and an auditable tombstone."""

import asyncio
import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import structlog
from pydantic import BaseModel

from archive.metrics import ArchiveMetrics
from archive.projection import NEXT_STEP, project, summarise, visible_to_reporter
from archive.repository import ArchiveRepository
from shared.access import contact_fingerprint, is_valid_access_code
from shared.auth import Principal
from shared.clock import Clock
from shared.errors import DomainError, NotFound
from shared.events import Event, ReporterDataErased, new_event

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class ArchiveDeps:
    archive: ArchiveRepository
    access_key: str
    metrics: ArchiveMetrics
    clock: Clock
    publish_erasure: Callable[[Event], Awaitable[None]]
    retention: timedelta = timedelta(days=365)


class ProofRequired(DomainError):
    status_code = 401


class HistoryEntry(BaseModel):
    event_type: str
    occurred_at: datetime
    summary: str


class ComplaintStatus(BaseModel):
    """What a reporter sees: the current step, what comes next and by when, every step so far."""

    number: str
    status: str
    next_step: str
    next_deadline: datetime | None
    received_at: datetime | None
    category: str | None
    priority: str | None
    team: str | None
    handler_name: str | None
    history: list[HistoryEntry]


class ErasureReport(BaseModel):
    tombstone_id: str
    complaints: list[str]


async def archive_event(*, event: Event, deps: ArchiveDeps) -> None:
    """Append once; the projection is applied on a repeat too, harmlessly, in case the first
    attempt stored the event and died before projecting it."""
    document = event.model_dump(mode="python")
    document["event_id"] = str(event.event_id)
    is_new = await deps.archive.append(document)
    projection = project(event, contact_key=deps.access_key)
    await deps.archive.project(
        event.complaint_id,
        at=event.occurred_at,
        fields=projection.fields,
        earliest=projection.earliest,
        status=projection.status,
        only_over=projection.only_over,
        latest_fields=projection.latest_fields,
    )
    if isinstance(event, ReporterDataErased):
        await _erase(event, deps)
    metric = deps.metrics.archived if is_new else deps.metrics.duplicates
    metric.labels(event_type=event.event_type).inc()


async def status_for_reporter(
    *, number: str, access_code: str | None, contact: str | None, deps: ArchiveDeps
) -> ComplaintStatus:
    """The same answer for an unknown number and a wrong proof, so numbers can't be probed."""
    if not access_code and not contact:
        deps.metrics.lookups.labels(outcome="no_proof").inc()
        raise ProofRequired("prove you are the reporter: X-Access-Code or X-Reporter-Contact")
    record = await deps.archive.find_by_number(number.strip().upper())
    if record is None or not _proves_reporter(record, access_code, contact, deps.access_key):
        deps.metrics.lookups.labels(outcome="refused").inc()
        raise NotFound("no complaint matches that number and proof")
    deps.metrics.lookups.labels(outcome="shown").inc()
    status = record.get("status", "received")
    deadlines = record.get("deadlines") or {}
    return ComplaintStatus(
        number=record["number"],
        status=status,
        next_step=NEXT_STEP.get(status, ""),
        next_deadline=None
        if record.get("deadlines_paused")
        else min(deadlines.values(), default=None),
        received_at=record.get("received_at"),
        category=record.get("category"),
        priority=record.get("priority"),
        team=record.get("team"),
        handler_name=record.get("handler_name"),
        history=[
            HistoryEntry(
                event_type=e["event_type"], occurred_at=e["occurred_at"], summary=summarise(e)
            )
            for e in await deps.archive.history(record["complaint_id"])
            if visible_to_reporter(e)
        ],
    )


async def timeline(*, number: str, principal: Principal, deps: ArchiveDeps) -> list[dict[str, Any]]:
    """Every event of a complaint, internal ones included, for its team and supervisors."""
    record = await deps.archive.find_by_number(number.strip().upper())
    if record is None or not (
        principal.is_supervisor or principal.works_in(record.get("team", ""))
    ):
        raise NotFound("no such complaint")
    return await deps.archive.history(record["complaint_id"])


async def request_erasure(
    *, contact: str, principal: Principal, deps: ArchiveDeps
) -> ErasureReport:
    """Erase one reporter's personal data across all services (GDPR art. 17): every service
    hears `ReporterDataErased` for each of their complaints; the statistics stay."""
    fingerprint = contact_fingerprint(key=deps.access_key, contact=contact)
    complaints = await deps.archive.complaints_of(fingerprint)
    now = deps.clock()
    tombstone_id = hashlib.sha256(f"{fingerprint}|{now.isoformat()}".encode()).hexdigest()[:24]
    for complaint in complaints:
        await deps.publish_erasure(
            _erasure(
                complaint,
                now=now,
                request_id=tombstone_id,
                requested_by=principal.subject,
                reason="gdpr_request",
            )
        )
    numbers = [c["number"] for c in complaints]
    await deps.archive.tombstone(
        {
            "_id": tombstone_id,
            "requested_by": principal.subject,
            "requested_at": now,
            "reason": "gdpr_request",
            "complaints": numbers,
        }
    )
    log.info("erasure requested", tombstone_id=tombstone_id, complaints=len(complaints))
    return ErasureReport(tombstone_id=tombstone_id, complaints=numbers)


def _erasure(
    complaint: dict[str, Any], *, now: datetime, request_id: str, requested_by: str, reason: str
) -> ReporterDataErased:
    """The erasure event for one complaint; the request id makes a replay repeat it exactly."""
    return new_event(
        ReporterDataErased,
        complaint_id=complaint["complaint_id"],
        producer="archive",
        trace_id=request_id,
        occurred_at=now,
        discriminator=request_id,
        requested_by=requested_by,
        reason=reason,
    )


async def _erase(event: ReporterDataErased, deps: ArchiveDeps) -> None:
    await deps.archive.erase(event.complaint_id)
    deps.metrics.erasures.labels(reason=event.reason).inc()


async def expire_old(deps: ArchiveDeps) -> int:
    """Complaints quiet for longer than the retention period lose their personal data."""
    now = deps.clock()
    expired = await deps.archive.expired(now - deps.retention)
    for complaint in expired:
        await deps.publish_erasure(
            _erasure(
                complaint,
                now=now,
                request_id="retention",
                requested_by="retention-policy",
                reason="retention_expired",
            )
        )
    return len(expired)


async def run_retention(deps: ArchiveDeps, *, interval_seconds: float) -> None:
    while True:
        try:
            await expire_old(deps)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("retention round failed; trying again next round")
        await asyncio.sleep(interval_seconds)


def _proves_reporter(
    record: dict[str, Any], access_code: str | None, contact: str | None, key: str
) -> bool:
    if access_code and is_valid_access_code(
        key=key, complaint_id=record["complaint_id"], candidate=access_code
    ):
        return True
    if contact:
        fingerprint = contact_fingerprint(key=key, contact=contact)
        return fingerprint in record.get("contact_fingerprints", [])
    return False
