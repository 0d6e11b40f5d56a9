"""What a reporter does after the acknowledgment: answer a question, rate the answer, appeal.

Each needs proof of being the reporter (the access code, or the contact given at submission)
and is checked against what the complaint allows now, so the reporter hears at once when it
cannot be taken — then it goes to assignment on `complaints.feedback.v1`.
"""

import hmac
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from intake.service import IntakeDeps
from shared.access import is_valid_access_code
from shared.errors import DomainError, NotFound
from shared.events import (
    AppealFiled,
    ComplaintResolved,
    E,
    Event,
    EvidenceReference,
    FeedbackGiven,
    InformationProvided,
    InformationRequested,
    ReporterDataErased,
    new_event,
)

APPEAL_WINDOW = timedelta(days=183)


class NotNow(DomainError):
    status_code = 409


class ProofRequired(DomainError):
    status_code = 401


@dataclass(frozen=True)
class ReporterRequest:
    """Which complaint, the proof of being its reporter, and the client's key for retries."""

    number: str
    access_code: str | None = None
    contact: str | None = None
    request_id: str | None = None


async def _reporters_complaint(request: ReporterRequest, deps: IntakeDeps) -> dict[str, Any]:
    """The same answer for an unknown number and a wrong proof, so numbers can't be probed."""
    code, contact = request.access_code, request.contact
    if not code and not contact:
        raise ProofRequired("prove you are the reporter: X-Access-Code or X-Reporter-Contact")
    record = await deps.submissions.find_by_number(request.number.strip().upper())
    if record is None or record.get("erased") or not _proves(record, code, contact, deps):
        raise NotFound("no complaint matches that number and proof")
    return record


def _proves(
    record: dict[str, Any], code: str | None, contact: str | None, deps: IntakeDeps
) -> bool:
    if code and is_valid_access_code(
        key=deps.access_key, complaint_id=record["complaint_id"], candidate=code
    ):
        return True
    if not contact:
        return False
    reporter = record["submission"].get("reporter", {})
    given = contact.strip().lower().replace(" ", "")
    known = [str(v).lower() for v in (reporter.get("email"), reporter.get("phone")) if v]
    return any(hmac.compare_digest(given.encode(), k.encode()) for k in known)


async def _publish(
    record: dict[str, Any],
    event_class: type[E],
    *,
    request: ReporterRequest,
    deps: IntakeDeps,
    **payload: Any,
) -> E:
    event = new_event(
        event_class,
        complaint_id=record["complaint_id"],
        producer="intake",
        trace_id=record["trace_id"],
        occurred_at=deps.clock(),
        # A client retrying with the same Idempotency-Key repeats the same event id.
        discriminator=request.request_id or uuid.uuid4().hex,
        number=record["number"],
        **payload,
    )
    await deps.publish_feedback(event)
    return event


async def give_feedback(
    request: ReporterRequest,
    *,
    rating: int,
    comment: str | None,
    deps: IntakeDeps,
) -> FeedbackGiven:
    record = await _reporters_complaint(request, deps)
    if record.get("decided_at") is None:
        raise NotNow("there is no answer to rate yet")
    return await _publish(
        record, FeedbackGiven, request=request, deps=deps, rating=rating, comment=comment
    )


async def provide_information(
    request: ReporterRequest,
    *,
    answer: str,
    evidence: list[EvidenceReference],
    deps: IntakeDeps,
) -> InformationProvided:
    record = await _reporters_complaint(request, deps)
    if record.get("information_requested_at") is None:
        raise NotNow("no information was asked for")
    provided = await _publish(
        record,
        InformationProvided,
        request=request,
        deps=deps,
        answer=answer,
        evidence=tuple(evidence),
    )
    await deps.submissions.note_progress(record["complaint_id"], information_requested_at=None)
    return provided


async def appeal(
    request: ReporterRequest,
    *,
    reasons: str,
    evidence: list[EvidenceReference],
    deps: IntakeDeps,
) -> AppealFiled:
    record = await _reporters_complaint(request, deps)
    decided_at = record.get("decided_at")
    if decided_at is None:
        raise NotNow("there is no decision to appeal yet")
    if deps.clock() - decided_at > APPEAL_WINDOW:
        raise NotNow("an appeal must be made within 6 months of the decision")
    return await _publish(
        record,
        AppealFiled,
        request=request,
        deps=deps,
        reasons=reasons,
        evidence=tuple(evidence),
    )


async def follow_progress(*, event: Event, deps: IntakeDeps) -> None:
    """What assignment decided, and erasure requests, as far as the reporter's next steps go."""
    match event:
        case ComplaintResolved():
            await deps.submissions.note_progress(event.complaint_id, decided_at=event.occurred_at)
        case InformationRequested():
            await deps.submissions.note_progress(
                event.complaint_id, information_requested_at=event.occurred_at
            )
        case ReporterDataErased():
            await deps.submissions.erase_personal_data(event.complaint_id)
