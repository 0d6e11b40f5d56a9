from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import DEVELOPMENT_SECRET, ServiceSettings, shared


class IntakeSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="OMBUD_INTAKE_")

    port: int = 8001
    mongo_database: str = "ombud_intake"
    # Bearer keys of the channel integrations allowed to submit, comma-separated.
    channel_api_keys: SecretStr = SecretStr(DEVELOPMENT_SECRET)
    access_code_key: SecretStr = Field(
        SecretStr(DEVELOPMENT_SECRET), validation_alias=shared("access_code_key")
    )
    publish_timeout_seconds: float = Field(10.0, gt=0)

    def secrets_to_check(self) -> dict[str, SecretStr]:
        return {"channel_api_keys": self.channel_api_keys, "access_code_key": self.access_code_key}

    @property
    def channel_keys(self) -> frozenset[str]:
        keys = self.channel_api_keys.get_secret_value().split(",")
        return frozenset(key.strip() for key in keys if key.strip())
