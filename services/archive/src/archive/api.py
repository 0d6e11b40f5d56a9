"""The archive's HTTP edge: a reporter reads their complaint's status and history."""

from typing import Annotated

from fastapi import APIRouter, Header

from archive import service


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
    ) -> service.ComplaintStatus:
        """Status and history for the reporter, who proves it with the access code from the
        acknowledgment or the email/phone given at submission (headers, never the URL)."""
        return await service.status_for_reporter(
            number=number, access_code=access_code, contact=contact, deps=deps
        )

    return router
