"""The archive's Kafka edge: every lifecycle and notification event."""

from faststream.kafka import KafkaBroker

from archive import service
from shared import topics
from shared.events import ArchivedEvent
from shared.messaging import subscribe


def register_handlers(broker: KafkaBroker, *, deps: service.ArchiveDeps) -> None:
    @subscribe(broker, *topics.ARCHIVED_TOPICS, group_id="archive")
    async def keep(event: ArchivedEvent) -> None:
        """Appends each event to the history and folds it into the complaint's read model."""
        await service.archive_event(event=event, deps=deps)
