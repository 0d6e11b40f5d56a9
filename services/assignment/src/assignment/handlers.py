"""Assignment's Kafka edge."""

from faststream.kafka import KafkaBroker

from assignment import service
from shared import topics
from shared.events import ComplaintClassified
from shared.messaging import subscribe


def register_handlers(broker: KafkaBroker, *, deps: service.AssignmentDeps) -> None:
    @subscribe(broker, topics.CLASSIFIED, group_id="assignment")
    async def assign(classified: ComplaintClassified) -> None:
        """Routes each classified complaint to its team and a named handler."""
        await service.assign_complaint(classified=classified, deps=deps)
