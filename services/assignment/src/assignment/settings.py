from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from shared.auth import AuthSettings
from shared.events import Deadline


class AssignmentSettings(AuthSettings):
    model_config = SettingsConfigDict(env_prefix="OMBUD_ASSIGNMENT_")

    port: int = 8003
    mongo_database: str = "ombud_assignment"
    directory_file: Path = Path(__file__).with_name("directory.json")
    # Hours per deadline, keyed by category, priority or "category/priority", e.g.
    # {"P1": {"result": 24}, "legal": {"investigation": 72}}; unset ones keep 24/48/72 h/14 d.
    deadline_overrides: dict[str, dict[Deadline, float]] = Field(default_factory=dict)
    warn_fraction: float = Field(0.75, gt=0, lt=1)
    clock_interval_seconds: float = Field(5.0, gt=0)
    # Lets a supervisor move this service's clock forward: for tests and drills, never production.
    clock_control: bool = False
    reopen_window_days: float = Field(14, gt=0)
    appeal_window_days: float = Field(183, gt=0)
    join_window_hours: float = Field(72, ge=0)

    @model_validator(mode="after")
    def _no_clock_control_in_production(self) -> "AssignmentSettings":
        if self.clock_control and self.environment == "production":
            raise ValueError("clock_control must stay off in production")
        return self
