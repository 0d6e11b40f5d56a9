"""The classifier's rules: one decision per complaint, recorded with its version and reasons."""

from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from typing import Any, Protocol

import structlog

from classifier.metrics import ClassifierMetrics
from classifier.rules import classify_text
from shared.clock import Clock
from shared.events import ComplaintClassified, ComplaintReceived, Event, new_event

log = structlog.get_logger(__name__)

PRODUCER = "classifier"


class Decisions(Protocol):
    async def keep_first(
        self, *, complaint_id: str, decision: dict[str, Any]
    ) -> dict[str, Any]: ...


@dataclass(frozen=True)
class ClassifierDeps:
    decisions: Decisions
    publish_classified: Callable[[Event], Awaitable[None]]
    clock: Clock
    metrics: ClassifierMetrics


async def classify_complaint(*, received: ComplaintReceived, deps: ClassifierDeps) -> None:
    """Classify once; a redelivered complaint republishes the decision it already got."""
    submission = received.submission
    fresh = classify_text(
        submission.text if not submission.subject else f"{submission.subject}\n{submission.text}",
        language=submission.language or submission.reporter.locale,
        hint=submission.category_hint,
    )
    decision = await deps.decisions.keep_first(
        complaint_id=received.complaint_id,
        decision={**asdict(fresh), "reasons": list(fresh.reasons), "decided_at": deps.clock()},
    )
    event = new_event(
        ComplaintClassified,
        complaint_id=received.complaint_id,
        producer=PRODUCER,
        trace_id=received.trace_id,
        occurred_at=decision["decided_at"],
        number=received.number,
        category=decision["category"],
        subcategory=decision["subcategory"],
        priority=decision["priority"],
        language=decision["language"],
        confidence=decision["confidence"],
        model_version=decision["model_version"],
        reasons=decision["reasons"],
        reported_object=submission.reported_object,
        received_at=received.occurred_at,
    )
    await deps.publish_classified(event)
    deps.metrics.classified.labels(
        category=event.category, priority=event.priority, language=event.language
    ).inc()
    deps.metrics.confidence.observe(event.confidence)
    log.info(
        "complaint classified",
        complaint_id=event.complaint_id,
        category=event.category,
        priority=event.priority,
    )
