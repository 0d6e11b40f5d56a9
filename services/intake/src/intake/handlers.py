"""Intake's Kafka edge: channel integrations may publish submissions instead of calling HTTP."""

import uuid

from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage

from intake import followups, service
from shared import topics
from shared.events import (
    CaseNoteAdded,
    ComplaintResolved,
    InformationRequested,
    InvestigationStarted,
    ReporterDataErased,
)
from shared.messaging import subscribe


def register_handlers(broker: KafkaBroker, *, deps: service.IntakeDeps) -> None:
    @subscribe(broker, topics.SUBMITTED, group_id="intake")
    async def take_in_submission(message: KafkaMessage) -> None:
        """A complaint published by a channel, keyed `channel:external_id`."""
        record = message.raw_message
        key = record.key.decode(errors="replace") if record.key else None
        await service.take_in_channel_message(
            raw=message.body,
            source=f"submission:{key or f'{record.partition}@{record.offset}'}",
            trace_id=message.headers.get("trace_id") or uuid.uuid4().hex,
            deps=deps,
        )

    @subscribe(
        broker, topics.RESOLVED, topics.INVESTIGATING, topics.ERASURE, group_id="intake-progress"
    )
    async def follow_progress(
        event: ComplaintResolved
        | InvestigationStarted
        | InformationRequested
        | CaseNoteAdded
        | ReporterDataErased,
    ) -> None:
        """Decisions and questions open the reporter's next steps; erasure requests are honoured."""
        await followups.follow_progress(event=event, deps=deps)
