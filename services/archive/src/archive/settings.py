from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.auth import AuthSettings
from shared.settings import DEVELOPMENT_SECRET, shared


class ArchiveSettings(AuthSettings):
    model_config = SettingsConfigDict(env_prefix="OMBUD_ARCHIVE_")

    port: int = 8005
    mongo_database: str = "ombud_archive"
    access_code_key: SecretStr = Field(
        SecretStr(DEVELOPMENT_SECRET), validation_alias=shared("access_code_key")
    )
    # Personal data is kept this long after a complaint's last event; statistics stay.
    retention_days: float = Field(365, ge=365)
    retention_interval_seconds: float = Field(3600, gt=0)

    def secrets_to_check(self) -> dict[str, SecretStr]:
        return {**super().secrets_to_check(), "access_code_key": self.access_code_key}
