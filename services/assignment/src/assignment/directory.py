"""Teams and handlers complaints are routed to: managed through the API, seeded from a file."""

from pathlib import Path

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from shared.submission import Category


class Handler(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9-]{2,40}$")
    team: str
    name: str = Field(min_length=1, max_length=120)
    email: EmailStr
    languages: tuple[str, ...] = Field(min_length=1)
    # How many open cases the handler can carry; routing prefers the least loaded.
    capacity: int = Field(10, ge=0, le=500)
    available: bool = True


class Team(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9-]{2,40}$")
    name: str
    categories: tuple[Category, ...]
    lead_id: str


class _SeedTeam(Team):
    handlers: tuple[Handler, ...]


class Seed(BaseModel):
    teams: tuple[_SeedTeam, ...]

    @classmethod
    def load(cls, path: Path) -> "Seed":
        return cls.model_validate_json(path.read_text(encoding="utf-8"))

    def split(self) -> tuple[list[Team], list[Handler]]:
        teams = [Team(**t.model_dump(exclude={"handlers"})) for t in self.teams]
        handlers = [h for t in self.teams for h in t.handlers]
        return teams, handlers
