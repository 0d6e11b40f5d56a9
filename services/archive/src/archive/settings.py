from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import DEVELOPMENT_SECRET, ServiceSettings, shared


class ArchiveSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="OMBUD_ARCHIVE_")

    port: int = 8005
    mongo_database: str = "ombud_archive"
    access_code_key: SecretStr = Field(
        SecretStr(DEVELOPMENT_SECRET), validation_alias=shared("access_code_key")
    )

    def secrets_to_check(self) -> dict[str, SecretStr]:
        return {"access_code_key": self.access_code_key}
