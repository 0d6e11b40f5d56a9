"""Intake's HTTP edge: the public contract channel integrations code against."""

import hmac
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from intake import service
from shared.submission import ComplaintSubmission


class ComplaintAccepted(BaseModel):
    complaint_id: str
    number: str
    status: str
    access_code: str


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

    router = APIRouter(prefix="/v1", tags=["complaints"], dependencies=[Depends(require_channel)])

    @router.post(
        "/complaints",
        status_code=status.HTTP_202_ACCEPTED,
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

    return router
