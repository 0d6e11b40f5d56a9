"""Assignment's Kafka edge."""

from faststream.kafka import KafkaBroker

from assignment import reactions
from assignment.cases import AssignmentDeps
from shared import topics
from shared.events import ComplaintClassified, ReporterDataErased, UserFeedback
from shared.messaging import subscribe


def register_handlers(broker: KafkaBroker, *, deps: AssignmentDeps) -> None:
    @subscribe(broker, topics.CLASSIFIED, group_id="assignment")
    async def open_case(classified: ComplaintClassified) -> None:
        """Opens a case: triage, a joined case, or a team and a named handler."""
        await reactions.open_case(classified=classified, deps=deps)

    @subscribe(broker, topics.FEEDBACK, group_id="assignment-feedback")
    async def take_feedback(feedback: UserFeedback) -> None:
        """The reporter's rating, answer or appeal moves the case on."""
        await reactions.take_feedback(feedback=feedback, deps=deps)

    @subscribe(broker, topics.ERASURE, group_id="assignment-erasure")
    async def erase(erased: ReporterDataErased) -> None:
        """Honours an erasure request for the complaint's case."""
        await reactions.erase_personal_data(erased=erased, deps=deps)
