"""Intake's rules: every submission gets one complaint, a number, and a durable event."""

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, Protocol

import structlog
from pydantic import ValidationError

from intake.metrics import IntakeMetrics
from shared.access import access_code
from shared.clock import Clock
from shared.events import ComplaintReceived, ComplaintRejected, Event, RejectionReason, new_event
from shared.submission import ComplaintSubmission

log = structlog.get_logger(__name__)

PRODUCER = "intake"
# Crockford's base32: no I, L, O or U, so a number read over the phone is not misheard.
_NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_NUMBER_ATTEMPTS = 5
DUPLICATE_WINDOW = timedelta(hours=24)

Publish = Callable[[Event], Awaitable[None]]


class Submissions(Protocol):
    async def claim(self, *, key: str, new_record: dict[str, Any]) -> dict[str, Any]: ...
    async def find_by_number(self, number: str) -> dict[str, Any] | None: ...
    async def note_progress(self, complaint_id: str, **moments: datetime | None) -> None: ...
    async def erase_personal_data(self, complaint_id: str) -> None: ...
    async def find_duplicate(
        self, duplicate_key: str, *, since: datetime
    ) -> dict[str, Any] | None: ...


class NumberTaken(Exception):
    """The freshly drawn complaint number already belongs to another complaint."""


@dataclass(frozen=True)
class IntakeDeps:
    """What intake's rules work with; built once in the composition root."""

    submissions: Submissions
    publish_received: Publish
    publish_rejected: Publish
    publish_feedback: Publish
    clock: Clock
    access_key: str
    metrics: IntakeMetrics


@dataclass(frozen=True)
class Accepted:
    complaint_id: str
    number: str
    access_code: str
    first_time: bool
    status: Literal["received", "merged"] = "received"


def _accepted(
    record: dict[str, Any],
    deps: "IntakeDeps",
    *,
    status: Literal["received", "merged"] = "received",
) -> Accepted:
    return Accepted(
        complaint_id=record["complaint_id"],
        number=record["number"],
        access_code=access_code(key=deps.access_key, complaint_id=record["complaint_id"]),
        first_time=False,
        status=status,
    )


def duplicate_key(submission: ComplaintSubmission, *, secret: str) -> str:
    """Who sent it and what it says, as a keyed hash: no readable personal data is kept."""
    reporter = submission.reporter
    contact = str(reporter.email or reporter.phone or "").lower()
    text = " ".join(submission.text.lower().split())
    return hmac.new(secret.encode(), f"{contact}|{text}".encode(), hashlib.sha256).hexdigest()


def draw_number() -> str:
    """A short, unguessable complaint number such as `OMB-7K3F-9Q2X`."""
    code = "".join(secrets.choice(_NUMBER_ALPHABET) for _ in range(8))
    return f"OMB-{code[:4]}-{code[4:]}"


async def accept_submission(
    *,
    submission: ComplaintSubmission,
    path: Literal["http", "kafka"],
    trace_id: str,
    deps: IntakeDeps,
) -> Accepted:
    """Store the submission once, then make `complaints.received` durable.

    The stored submission, not the repeated one, is what the event carries: a channel that
    sends the same id twice gets the same complaint and the same event id.
    """
    key = submission.idempotency_key
    duplicate = duplicate_key(submission, secret=deps.access_key)
    earlier = await deps.submissions.find_duplicate(
        duplicate, since=deps.clock() - DUPLICATE_WINDOW
    )
    if earlier is not None and earlier["key"] != key:
        # The same reporter sent the same text again through another channel or id: merged
        # into the complaint they already have, and told so, rather than opened twice.
        deps.metrics.merged.labels(channel=submission.channel).inc()
        log.info("duplicate submission merged", complaint_id=earlier["complaint_id"], path=path)
        return _accepted(earlier, deps, status="merged")
    for _ in range(_NUMBER_ATTEMPTS):
        candidate = {
            "complaint_id": str(uuid.uuid4()),
            "number": draw_number(),
            "received_at": deps.clock(),
            "trace_id": trace_id,
            "submission": submission.model_dump(mode="json"),
            "duplicate_key": duplicate,
        }
        try:
            record = await deps.submissions.claim(key=key, new_record=candidate)
        except NumberTaken:
            continue
        break
    else:
        raise RuntimeError("could not draw a free complaint number")

    first_time = record["complaint_id"] == candidate["complaint_id"]
    if record.get("erased"):
        # Its personal data is gone on request: the number stands, nothing is sent again.
        return _accepted(record, deps)
    event = new_event(
        ComplaintReceived,
        complaint_id=record["complaint_id"],
        producer=PRODUCER,
        trace_id=record["trace_id"],
        occurred_at=record["received_at"],
        number=record["number"],
        submission=ComplaintSubmission.model_validate(record["submission"]),
    )
    # Published again on a repeat too: the first attempt may have died before Kafka had it.
    await deps.publish_received(event)
    if first_time:
        deps.metrics.accepted.labels(channel=submission.channel, path=path).inc()
    else:
        deps.metrics.repeated.labels(channel=submission.channel).inc()
    log.info(
        "complaint accepted", complaint_id=event.complaint_id, path=path, repeat=not first_time
    )
    return Accepted(
        complaint_id=event.complaint_id,
        number=event.number,
        access_code=access_code(key=deps.access_key, complaint_id=event.complaint_id),
        first_time=first_time,
    )


async def take_in_channel_message(
    *,
    raw: bytes,
    source: str,
    trace_id: str,
    deps: IntakeDeps,
) -> None:
    """A channel's message from Kafka: accepted like an HTTP submission, or rejected with reasons.

    `source` names the message (its key, or its partition and offset) so a redelivered invalid
    message produces the same rejection event.
    """
    try:
        submission = ComplaintSubmission.model_validate_json(raw)
    except ValidationError as error:
        reasons = [
            RejectionReason(
                field=".".join(map(str, problem["loc"])) or "body", message=problem["msg"]
            )
            for problem in error.errors(include_input=False, include_url=False)
        ]
        await deps.publish_rejected(
            new_event(
                ComplaintRejected,
                complaint_id=source,
                producer=PRODUCER,
                trace_id=trace_id,
                occurred_at=deps.clock(),
                reasons=reasons,
            )
        )
        deps.metrics.rejected.inc()
        log.warning("channel message rejected", source=source, problems=len(reasons))
        return
    await accept_submission(
        submission=submission,
        path="kafka",
        trace_id=trace_id,
        deps=deps,
    )
