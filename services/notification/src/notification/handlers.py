"""Notification's Kafka edge: lifecycle events someone must hear about."""

from faststream.kafka import KafkaBroker

from notification import service
from shared import topics
from shared.events import ComplaintAssigned, ComplaintReceived
from shared.messaging import subscribe


def register_handlers(broker: KafkaBroker, *, deps: service.NotificationDeps) -> None:
    @subscribe(broker, topics.RECEIVED, group_id="notification-acknowledgments")
    async def acknowledge(received: ComplaintReceived) -> None:
        """Acknowledges every complaint to its reporter at once, with its number."""
        await service.acknowledge(received=received, deps=deps)

    @subscribe(broker, topics.ASSIGNED, group_id="notification-handlers")
    async def tell_handler(assigned: ComplaintAssigned) -> None:
        """Tells the named handler a complaint is theirs."""
        await service.tell_handler(assigned=assigned, deps=deps)
