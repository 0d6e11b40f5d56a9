"""The classifier's rules: one decision per complaint, recorded with its version and reasons.

A decision is either a classification or, at initial review, a rejection of a submission that is
no complaint at all (junk, advertising, abuse aimed at staff): that complaint gets
`ComplaintRejected` with the reason instead of `ComplaintClassified`. Nothing is dropped.
"""

from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from typing import Any, Protocol

import structlog

from classifier.classification import Classifier, ComplaintText
from classifier.metrics import ClassifierMetrics
from classifier.taxonomy import REJECTIONS
from shared.clock import Clock
from shared.events import (
    ComplaintClassified,
    ComplaintReceived,
    ComplaintRejected,
    Event,
    RejectionReason,
    new_event,
)
from shared.submission import ComplaintSubmission

log = structlog.get_logger(__name__)

PRODUCER = "classifier"


class Decisions(Protocol):
    async def keep_first(
        self, *, complaint_id: str, decision: dict[str, Any]
    ) -> dict[str, Any]: ...


@dataclass(frozen=True)
class ClassifierDeps:
    decisions: Decisions
    classifier: Classifier
    publish_classified: Callable[[Event], Awaitable[None]]
    publish_rejected: Callable[[Event], Awaitable[None]]
    clock: Clock
    metrics: ClassifierMetrics


def complaint_text(submission: ComplaintSubmission) -> ComplaintText:
    """What the classifier reads of a submission: its words and its channel's signals."""
    return ComplaintText(
        text=submission.text,
        subject=submission.subject,
        language=submission.language or submission.reporter.locale,
        channel=submission.channel,
        reported_object_type=(
            submission.reported_object.type if submission.reported_object else None
        ),
        category_hint=submission.category_hint,
    )


async def classify_complaint(*, received: ComplaintReceived, deps: ClassifierDeps) -> None:
    """Decide once; a redelivered complaint republishes the decision it already got."""
    fresh = deps.classifier.classify(complaint_text(received.submission))
    decision = await deps.decisions.keep_first(
        complaint_id=received.complaint_id,
        decision={**asdict(fresh), "reasons": list(fresh.reasons), "decided_at": deps.clock()},
    )
    envelope = {
        "complaint_id": received.complaint_id,
        "producer": PRODUCER,
        "trace_id": received.trace_id,
        "occurred_at": decision["decided_at"],
    }
    if decision.get("rejection"):
        await _reject(decision, envelope=envelope, deps=deps)
        return
    event = new_event(
        ComplaintClassified,
        **envelope,
        number=received.number,
        category=decision["category"],
        subcategory=decision["subcategory"],
        priority=decision["priority"],
        language=decision["language"],
        confidence=decision["confidence"],
        model_version=decision["model_version"],
        reasons=decision["reasons"],
        needs_review=decision.get("needs_review", False),
        # Assignment joins reports about the same object and runs deadlines from receipt.
        reported_object=received.submission.reported_object,
        received_at=received.occurred_at,
    )
    await deps.publish_classified(event)
    deps.metrics.classified.labels(
        category=event.category, priority=event.priority, language=event.language
    ).inc()
    deps.metrics.confidence.observe(event.confidence)
    if event.needs_review:
        deps.metrics.needs_review.inc()
    log.info(
        "complaint classified",
        complaint_id=event.complaint_id,
        category=event.category,
        priority=event.priority,
        needs_review=event.needs_review,
    )


async def _reject(
    decision: dict[str, Any], *, envelope: dict[str, Any], deps: ClassifierDeps
) -> None:
    reason = decision["rejection"]
    # The reporter is told why, and that an automated step decided it (with which model).
    message = (
        f"{REJECTIONS[reason]} Decided at initial review by automated means "
        f"(model {decision['model_version']}); "
        f"evidence: {'; '.join(decision['reasons'])}."
    )
    event = new_event(
        ComplaintRejected,
        **envelope,
        reasons=[RejectionReason(field="text", message=message)],
    )
    await deps.publish_rejected(event)
    deps.metrics.rejected.labels(reason=reason).inc()
    log.info("complaint rejected at initial review", complaint_id=event.complaint_id, reason=reason)
