"""Managing the directory (teams, handlers, languages, capacity, availability) and, where
enabled for tests and drills, moving the clock."""

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends

from assignment.directory import Handler, Team
from assignment.repository import DirectoryRepository
from assignment.schemas import ClockAdvance, HandlerIn
from assignment.service import Forbidden
from shared.auth import Principal, require_role
from shared.errors import NotFound

Authenticate = Callable[..., Awaitable[Principal]]


def build_directory_router(
    *, directory: DirectoryRepository, authenticate: Authenticate
) -> APIRouter:
    router = APIRouter(prefix="/v1/teams", tags=["directory"])
    Caller = Annotated[Principal, Depends(authenticate)]
    Supervisor = Annotated[Principal, Depends(require_role(authenticate, "supervisor"))]

    @router.get("")
    async def list_teams(caller: Caller) -> list[Team]:
        return await directory.teams()

    @router.put("/{team_id}")
    async def put_team(team_id: str, team: Team, caller: Supervisor) -> Team:
        stored = team.model_copy(update={"id": team_id})
        await directory.put_team(stored)
        return stored

    @router.get("/{team_id}/handlers")
    async def list_handlers(team_id: str, caller: Caller) -> list[Handler]:
        if not caller.works_in(team_id):
            raise NotFound("no such team")
        return await directory.handlers(team_id)

    @router.put("/{team_id}/handlers/{handler_id}")
    async def put_handler(
        team_id: str, handler_id: str, body: HandlerIn, caller: Caller
    ) -> Handler:
        """Add or change a handler: languages, capacity, availability (team lead, supervisor;
        a handler may change their own availability only)."""
        existing = await directory.handler(handler_id)
        own_availability_only = (
            caller.subject == handler_id
            and existing is not None
            and existing.model_dump(include={"name", "email", "languages", "capacity"})
            == Handler(id=handler_id, team=team_id, **body.model_dump()).model_dump(
                include={"name", "email", "languages", "capacity"}
            )
        )
        if not (caller.leads(team_id) or own_availability_only):
            raise Forbidden("the directory is managed by team leads and supervisors")
        if await directory.team(team_id) is None:
            raise NotFound("no such team")
        handler = Handler(id=handler_id, team=team_id, **body.model_dump())
        await directory.put_handler(handler)
        return handler

    return router


def build_clock_router(
    *,
    directory: DirectoryRepository,
    authenticate: Authenticate,
    on_moved: Callable[[timedelta], None],
) -> APIRouter:
    router = APIRouter(prefix="/v1/clock", tags=["clock"])
    Supervisor = Annotated[Principal, Depends(require_role(authenticate, "supervisor"))]

    @router.post("/advance")
    async def advance(body: ClockAdvance, caller: Supervisor) -> dict[str, float]:
        """Move this service's clock forward (persisted, so it survives a restart)."""
        offset = await directory.advance_clock(body.seconds)
        on_moved(offset)
        return {"offset_seconds": offset.total_seconds()}

    @router.post("/reset")
    async def reset(caller: Supervisor) -> dict[str, float]:
        """Back to real time (deadlines that fired meanwhile stay fired)."""
        await directory.reset_clock()
        on_moved(timedelta())
        return {"offset_seconds": 0.0}

    return router
