"""The archive's rules: keep every event once, fold it into the read model, and show a
reporter their complaint only against proof that it is theirs."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import structlog
from pydantic import BaseModel

from archive.metrics import ArchiveMetrics
from archive.projection import NEXT_STEP, Projection, project, status_name, summarise
from shared.access import contact_fingerprint, is_valid_access_code
from shared.errors import DomainError, NotFound
from shared.events import Event

log = structlog.get_logger(__name__)


class Archive(Protocol):
    async def append(self, event: dict[str, Any]) -> bool: ...
    async def project(
        self,
        *,
        complaint_id: str,
        status_rank: int,
        fields: dict[str, Any],
        earliest: dict[str, Any],
        latest: dict[str, Any],
    ) -> None: ...
    async def find_by_number(self, number: str) -> dict[str, Any] | None: ...
    async def history(self, complaint_id: str) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class ArchiveDeps:
    archive: Archive
    access_key: str
    metrics: ArchiveMetrics


class ProofRequired(DomainError):
    status_code = 401


class HistoryEntry(BaseModel):
    event_type: str
    occurred_at: datetime
    summary: str


class ComplaintStatus(BaseModel):
    """What a reporter sees: the current step, what comes next, and every step so far."""

    number: str
    status: str
    next_step: str
    received_at: datetime | None
    category: str | None
    priority: str | None
    team: str | None
    handler_name: str | None
    history: list[HistoryEntry]


async def archive_event(*, event: Event, deps: ArchiveDeps) -> None:
    """Append once; the projection is applied on a repeat too, harmlessly, in case the first
    attempt stored the event and died before projecting it."""
    document = event.model_dump(mode="python")
    document["event_id"] = str(event.event_id)
    is_new = await deps.archive.append(document)
    projection: Projection = project(event, contact_key=deps.access_key)
    await deps.archive.project(
        complaint_id=event.complaint_id,
        status_rank=projection.status_rank,
        fields=projection.fields,
        earliest=projection.earliest,
        latest=projection.latest,
    )
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
        log.info("status look-up refused")
        raise NotFound("no complaint matches that number and proof")
    deps.metrics.lookups.labels(outcome="shown").inc()
    status = status_name(record.get("status_rank", 0))
    return ComplaintStatus(
        number=record["number"],
        status=status,
        next_step=NEXT_STEP.get(status, ""),
        received_at=record.get("received_at"),
        category=record.get("category"),
        priority=record.get("priority"),
        team=record.get("team"),
        handler_name=record.get("handler_name"),
        history=[
            HistoryEntry(
                event_type=event["event_type"],
                occurred_at=event["occurred_at"],
                summary=summarise(event),
            )
            for event in await deps.archive.history(record["complaint_id"])
        ],
    )


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
