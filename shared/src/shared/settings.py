"""Settings every service shares; each service subclasses `ServiceSettings` once.

Infrastructure comes from `OMBUD_*` environment variables. A service's own values use its own
prefix (`OMBUD_INTAKE_PORT`, ...). Outside development, insecure defaults are refused at start.
"""

from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "development-only-secret-not-for-production"  # noqa: S105 - refused outside development


def shared(name: str) -> AliasChoices:
    """Read a shared setting from its `OMBUD_<NAME>` variable whatever the service's prefix."""
    return AliasChoices(f"OMBUD_{name.upper()}", name)


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True, frozen=True)

    environment: Literal["development", "test", "production"] = Field(
        "development", validation_alias=shared("environment")
    )
    kafka_bootstrap: str = Field("127.0.0.1:9092", validation_alias=shared("kafka_bootstrap"))
    mongo_url: str = Field("mongodb://127.0.0.1:27017", validation_alias=shared("mongo_url"))
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", validation_alias=shared("log_level")
    )
    log_json: bool = Field(True, validation_alias=shared("log_json"))
    # A message is tried this many times in-process before it goes to the dead-letter topic.
    consumer_max_attempts: int = Field(
        4, ge=1, le=20, validation_alias=shared("consumer_max_attempts")
    )
    consumer_retry_max_seconds: float = Field(
        5.0, gt=0, validation_alias=shared("consumer_retry_max_seconds")
    )
    host: str = "127.0.0.1"
    port: int = Field(ge=1, le=65535)
    mongo_database: str

    def secrets_to_check(self) -> dict[str, SecretStr]:
        """Secrets that must not keep their development default outside development."""
        return {}

    @model_validator(mode="after")
    def _no_insecure_defaults(self) -> "ServiceSettings":
        if self.environment == "development":
            return self
        weak = [
            name
            for name, value in self.secrets_to_check().items()
            if value.get_secret_value() in ("", DEVELOPMENT_SECRET)
            or len(value.get_secret_value()) < 16
        ]
        if weak:
            raise ValueError(f"set strong values for {', '.join(weak)} outside development")
        return self
