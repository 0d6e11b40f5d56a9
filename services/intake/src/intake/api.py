"""Intake's HTTP edge: the public contract channel integrations code against, and the
reporter's follow-ups (answers, ratings, appeals)."""

import hmac
import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from intake import followups, service
from shared.events import EvidenceReference
from shared.submission import ComplaintSubmission


class ComplaintAccepted(BaseModel):
    complaint_id: str
    number: str
    status: str
    access_code: str


class Feedback(BaseModel):
    rating: int = Field(ge=1, le=5)
    comment: str | None = Field(None, max_length=2000)


class Information(BaseModel):
    answer: str = Field(min_length=1, max_length=10_000)
    evidence: list[EvidenceReference] = []


class Appeal(BaseModel):
    reasons: str = Field(min_length=10, max_length=10_000)
    evidence: list[EvidenceReference] = []


class FollowUpAccepted(BaseModel):
    status: Literal["accepted"] = "accepted"
    event_id: uuid.UUID


AccessCode = Annotated[str | None, Header(alias="X-Access-Code", max_length=64)]
Contact = Annotated[str | None, Header(alias="X-Reporter-Contact", max_length=320)]
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", max_length=100)]


def _reporter_request(
    number: str,
    access_code: AccessCode = None,
    contact: Contact = None,
    idempotency_key: IdempotencyKey = None,
) -> followups.ReporterRequest:
    return followups.ReporterRequest(number, access_code, contact, idempotency_key)


ReporterRequest = Annotated[followups.ReporterRequest, Depends(_reporter_request)]
_FOLLOW_UP_ERRORS = {
    401: {"description": "No proof of being the reporter"},
    404: {"description": "No complaint matches that number and proof"},
    409: {"description": "Not possible at this step of the complaint"},
    503: {"description": "Not durable yet; retry after the Retry-After seconds"},
}


def build_router(*, deps: service.IntakeDeps, channel_keys: frozenset[str]) -> APIRouter:
    bearer = HTTPBearer(auto_error=False, description="The channel integration's API key")

    async def require_channel(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> None:
        presented = credentials.credentials.encode() if credentials else b""
        if not any(hmac.compare_digest(presented, key.encode()) for key in channel_keys):
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "a valid channel API key is required",
                headers={"WWW-Authenticate": "Bearer"},
            )

    router = APIRouter(prefix="/v1/complaints", tags=["complaints"])

    @router.post(
        "",
        status_code=status.HTTP_202_ACCEPTED,
        dependencies=[Depends(require_channel)],
        responses={
            401: {"description": "Missing or unknown channel API key"},
            503: {"description": "Not durable yet; retry after the Retry-After seconds"},
        },
    )
    async def submit_complaint(
        submission: ComplaintSubmission,
        trace_id: Annotated[str | None, Header(alias="X-Trace-Id", max_length=64)] = None,
    ) -> ComplaintAccepted:
        """Take in a complaint. Answers 202 only once it is durable on Kafka.

        The same `channel` and `external_id` again answer with the same complaint.
        """
        accepted = await service.accept_submission(
            submission=submission,
            path="http",
            trace_id=trace_id or uuid.uuid4().hex,
            deps=deps,
        )
        return ComplaintAccepted(
            complaint_id=accepted.complaint_id,
            number=accepted.number,
            status=accepted.status,
            access_code=accepted.access_code,
        )

    @router.post("/{number}/feedback", status_code=202, responses=_FOLLOW_UP_ERRORS)
    async def rate_the_answer(request: ReporterRequest, body: Feedback) -> FollowUpAccepted:
        """Rate the answer 1–5; a low rating within 14 days reopens the complaint."""
        event = await followups.give_feedback(
            request, rating=body.rating, comment=body.comment, deps=deps
        )
        return FollowUpAccepted(event_id=event.event_id)

    @router.post("/{number}/information", status_code=202, responses=_FOLLOW_UP_ERRORS)
    async def answer_a_question(request: ReporterRequest, body: Information) -> FollowUpAccepted:
        """Answer the handler's request for information; the deadlines run again."""
        event = await followups.provide_information(
            request, answer=body.answer, evidence=body.evidence, deps=deps
        )
        return FollowUpAccepted(event_id=event.event_id)

    @router.post("/{number}/appeal", status_code=202, responses=_FOLLOW_UP_ERRORS)
    async def appeal_the_decision(request: ReporterRequest, body: Appeal) -> FollowUpAccepted:
        """Appeal within 6 months of the decision; a different handler reviews it."""
        event = await followups.appeal(
            request, reasons=body.reasons, evidence=body.evidence, deps=deps
        )
        return FollowUpAccepted(event_id=event.event_id)

    return router
