"""Notification's Kafka edge: lifecycle events someone must hear about, and erasures."""

from faststream.kafka import KafkaBroker

from notification import service
from shared import topics
from shared.events import (
    ArchivedEvent,
    ComplaintAssigned,
    ComplaintEscalated,
    ComplaintReceived,
    DeadlineWarning,
    ReporterDataErased,
)
from shared.messaging import subscribe

# Topics that carry news for the reporter; their other events are passed over.
REPORTER_TOPICS = (
    topics.REJECTED,
    topics.INVESTIGATING,
    topics.RESOLVED,
    topics.REOPENED,
    topics.FEEDBACK,
    topics.APPEALS,
)


def register_handlers(broker: KafkaBroker, *, deps: service.NotificationDeps) -> None:
    # Its own group, so contacts are stored even while acknowledgments wait for a mail server.
    @subscribe(broker, topics.RECEIVED, group_id="notification-contacts")
    async def remember_contact(received: ComplaintReceived) -> None:
        """Keeps how to reach the reporter, for the events that follow."""
        await service.remember_contact(received=received, deps=deps)

    @subscribe(broker, topics.RECEIVED, group_id="notification-acknowledgments")
    async def acknowledge(received: ComplaintReceived) -> None:
        """Acknowledges every complaint to its reporter at once, with its number."""
        await service.acknowledge(received=received, deps=deps)

    @subscribe(broker, topics.ASSIGNED, group_id="notification-handlers")
    async def tell_handler(assigned: ComplaintAssigned) -> None:
        """Tells the named handler a complaint is theirs."""
        await service.tell_handler(assigned=assigned, deps=deps)

    @subscribe(broker, *REPORTER_TOPICS, group_id="notification-reporters")
    async def tell_reporter(event: ArchivedEvent) -> None:
        """Tells the reporter what happened: questions, results, reopening, appeals, rejection."""
        await service.tell_reporter(event=event, deps=deps)

    @subscribe(broker, topics.DEADLINES, topics.ESCALATED, group_id="notification-staff")
    async def tell_staff(event: ArchivedEvent) -> None:
        """Warns handlers of deadlines and tells team leads of escalations."""
        if isinstance(event, DeadlineWarning):
            await service.warn_handler(warning=event, deps=deps)
        elif isinstance(event, ComplaintEscalated):
            await service.tell_team_lead(escalated=event, deps=deps)

    @subscribe(broker, topics.ERASURE, group_id="notification-erasure")
    async def erase(erased: ReporterDataErased) -> None:
        """Forgets the reporter's contact and scrubs their data from the delivery log."""
        await service.erase_reporter(erased=erased, deps=deps)
