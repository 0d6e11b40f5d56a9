"""The teams and handlers complaints are routed to, loaded and checked from a seed file."""

from pathlib import Path

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from shared.submission import Category


class Handler(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    email: EmailStr
    languages: tuple[str, ...]


class Team(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    categories: tuple[Category, ...]
    handlers: tuple[Handler, ...] = Field(min_length=1)


class Directory(BaseModel):
    model_config = ConfigDict(frozen=True)

    teams: tuple[Team, ...]

    @model_validator(mode="after")
    def _every_category_has_one_team(self) -> "Directory":
        owners = [category for team in self.teams for category in team.categories]
        if sorted(owners) != sorted(set(owners)) or len(set(owners)) != 5:
            raise ValueError("each of the five categories must belong to exactly one team")
        return self

    def team_for(self, category: Category) -> Team:
        return next(team for team in self.teams if category in team.categories)

    @classmethod
    def load(cls, path: Path) -> "Directory":
        return cls.model_validate_json(path.read_text(encoding="utf-8"))
