"""The handlers' API: queues, case detail, and every step of handling a case."""

from collections.abc import Awaitable, Callable
from typing import Annotated, Literal

from fastapi import APIRouter, Depends

from assignment import service
from assignment.cases import AssignmentDeps
from assignment.schemas import (
    AppealDecision,
    CaseDetail,
    CaseSummary,
    Classification,
    InformationRequest,
    Note,
    Reassignment,
    Resolution,
)
from shared.auth import Principal

Authenticate = Callable[..., Awaitable[Principal]]


def build_case_router(*, deps: AssignmentDeps, authenticate: Authenticate) -> APIRouter:
    router = APIRouter(prefix="/v1/cases", tags=["cases"])
    Caller = Annotated[Principal, Depends(authenticate)]

    @router.get("")
    async def list_cases(
        caller: Caller, scope: Literal["mine", "team", "triage", "all"] = "mine"
    ) -> list[CaseSummary]:
        """Open cases by priority, then by the nearest deadline."""
        cases = await service.queue(deps, caller, scope=scope)
        return [CaseSummary.model_validate(case) for case in cases]

    @router.get("/{reference}")
    async def case_detail(reference: str, caller: Caller) -> CaseDetail:
        """A case (by complaint id or number) with its whole timeline."""
        return CaseDetail.model_validate(await service.visible_case(deps, caller, reference))

    @router.post("/{reference}/claim")
    async def claim(reference: str, caller: Caller) -> CaseDetail:
        return CaseDetail.model_validate(await service.claim(deps, caller, reference))

    @router.post("/{reference}/reassign")
    async def reassign(reference: str, body: Reassignment, caller: Caller) -> CaseDetail:
        case = await service.reassign(deps, caller, reference, handler_id=body.handler_id)
        return CaseDetail.model_validate(case)

    @router.post("/{reference}/investigation")
    async def start_investigation(reference: str, caller: Caller) -> CaseDetail:
        return CaseDetail.model_validate(await service.start_investigation(deps, caller, reference))

    @router.post("/{reference}/notes")
    async def add_note(reference: str, body: Note, caller: Caller) -> CaseDetail:
        case = await service.add_note(
            deps, caller, reference, note=body.note, evidence=body.evidence
        )
        return CaseDetail.model_validate(case)

    @router.post("/{reference}/information-requests")
    async def request_information(
        reference: str, body: InformationRequest, caller: Caller
    ) -> CaseDetail:
        """Ask the reporter; the deadline clock pauses until they answer."""
        case = await service.request_information(deps, caller, reference, question=body.question)
        return CaseDetail.model_validate(case)

    @router.post("/{reference}/resolution")
    async def resolve(reference: str, body: Resolution, caller: Caller) -> CaseDetail:
        """Decide, with a user-facing explanation that cites the policy basis."""
        case = await service.resolve(
            deps,
            caller,
            reference,
            outcome=body.outcome,
            explanation=body.explanation,
            policy_basis=body.policy_basis,
        )
        return CaseDetail.model_validate(case)

    @router.post("/{reference}/appeal-decision")
    async def decide_appeal(reference: str, body: AppealDecision, caller: Caller) -> CaseDetail:
        case = await service.decide_appeal(
            deps, caller, reference, decision=body.decision, explanation=body.explanation
        )
        return CaseDetail.model_validate(case)

    @router.post("/{reference}/classification")
    async def reclassify(reference: str, body: Classification, caller: Caller) -> CaseDetail:
        """Correct the classifier (triage): recorded as a labelled example."""
        case = await service.reclassify(
            deps,
            caller,
            reference,
            category=body.category,
            subcategory=body.subcategory,
            priority=body.priority,
        )
        return CaseDetail.model_validate(case)

    return router
