"""The classifier's Kafka edge."""

from faststream.kafka import KafkaBroker

from classifier import service
from shared import topics
from shared.events import ComplaintReceived
from shared.messaging import subscribe


def register_handlers(broker: KafkaBroker, *, deps: service.ClassifierDeps) -> None:
    @subscribe(broker, topics.RECEIVED, group_id="classifier")
    async def classify(received: ComplaintReceived) -> None:
        """Gives each received complaint a category, subcategory, priority and language."""
        await service.classify_complaint(received=received, deps=deps)
