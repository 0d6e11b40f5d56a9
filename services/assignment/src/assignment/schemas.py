"""What the handlers' API reads and writes."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from shared.events import EvidenceReference, Outcome
from shared.submission import Category, Priority


class CaseSummary(BaseModel):
    model_config = ConfigDict(extra="ignore")

    complaint_id: str
    number: str
    status: str
    in_triage: bool = False
    team: str | None = None
    handler_id: str | None = None
    handler_name: str | None = None
    category: Category
    subcategory: str
    priority: Priority
    language: str
    received_at: datetime
    deadlines: dict[str, dict[str, Any]] = {}


class CaseDetail(CaseSummary):
    case_id: str
    outcome: Outcome | None = None
    explanation: str | None = None
    policy_basis: str | None = None
    decided_by: str | None = None
    timeline: list[dict[str, Any]]


class Reassignment(BaseModel):
    handler_id: str


class Note(BaseModel):
    note: str = Field(min_length=1, max_length=5000)
    evidence: list[EvidenceReference] = []


class InformationRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)


class Resolution(BaseModel):
    outcome: Outcome
    explanation: str = Field(min_length=10, max_length=5000, description="Shown to the user")
    policy_basis: str = Field(min_length=3, max_length=500, description="The policy applied")


class AppealDecision(BaseModel):
    decision: Literal["upheld", "overturned"]
    explanation: str = Field(min_length=10, max_length=5000)


class Classification(BaseModel):
    category: Category
    subcategory: str = Field(min_length=2, max_length=60)
    priority: Priority


class HandlerIn(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    email: EmailStr
    languages: list[str] = Field(min_length=1)
    capacity: int = Field(10, ge=0, le=500)
    available: bool = True


class ClockAdvance(BaseModel):
    seconds: float = Field(gt=0, le=366 * 24 * 3600)
