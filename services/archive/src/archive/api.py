"""The archive's HTTP edge: a reporter reads their complaint; operators read timelines and
statistics and request erasures."""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header
from pydantic import BaseModel, Field

from archive import service
from shared.auth import Principal, require_role

Authenticate = Callable[..., Awaitable[Principal]]


class ErasureRequest(BaseModel):
    contact: str = Field(min_length=3, max_length=320, description="The reporter's email or phone")


def build_router(*, deps: service.ArchiveDeps, authenticate: Authenticate) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["complaints"])
    Operator = Annotated[Principal, Depends(authenticate)]
    Supervisor = Annotated[Principal, Depends(require_role(authenticate, "supervisor"))]
    Analyst = Annotated[Principal, Depends(require_role(authenticate, "team_lead", "supervisor"))]

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
    ) -> service.ComplaintStatus:
        """Status, next deadline and history for the reporter, who proves it with the access
        code from the acknowledgment or the email/phone given at submission (headers, never
        the URL)."""
        return await service.status_for_reporter(
            number=number, access_code=access_code, contact=contact, deps=deps
        )

    @router.get("/complaints/{number}/timeline")
    async def complaint_timeline(number: str, caller: Operator) -> list[dict[str, Any]]:
        """Every event, internal ones included: for the complaint's team and supervisors."""
        return await service.timeline(number=number, principal=caller, deps=deps)

    @router.get("/statistics")
    async def statistics(caller: Analyst) -> dict[str, Any]:
        """Counts by status, category, priority, channel, language and team; hotspots."""
        return await deps.archive.statistics()

    @router.post("/privacy/erasures", status_code=202)
    async def erase_reporter(body: ErasureRequest, caller: Supervisor) -> service.ErasureReport:
        """Erase one reporter's personal data in every service; leaves an auditable tombstone."""
        return await service.request_erasure(contact=body.contact, principal=caller, deps=deps)

    return router
