"""The archive's HTTP edge: a reporter reads their complaint's status and history."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header
from pydantic import BaseModel

from archive import service


class HistoryEntryOut(BaseModel):
    event_type: str
    occurred_at: datetime
    summary: str


class ComplaintStatusOut(BaseModel):
    number: str
    status: str
    next_step: str
    received_at: datetime | None
    category: str | None
    priority: str | None
    team: str | None
    handler_name: str | None
    history: list[HistoryEntryOut]


def build_router(*, deps: service.ArchiveDeps) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["complaints"])

    @router.get(
        "/complaints/{number}",
        responses={
            401: {"description": "No proof of being the reporter was given"},
            404: {"description": "No complaint matches that number and proof"},
        },
    )
    async def complaint_status(
        number: str,
        access_code: Annotated[str | None, Header(alias="X-Access-Code", max_length=64)] = None,
        contact: Annotated[str | None, Header(alias="X-Reporter-Contact", max_length=320)] = None,
    ) -> ComplaintStatusOut:
        """Status and history for the reporter, who proves it with the access code from the
        acknowledgment or the email/phone given at submission (headers, never the URL)."""
        status = await service.status_for_reporter(
            number=number, access_code=access_code, contact=contact, deps=deps
        )
        return ComplaintStatusOut.model_validate(status, from_attributes=True)

    return router
