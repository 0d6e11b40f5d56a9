from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings import DEVELOPMENT_SECRET, ServiceSettings, shared


class NotificationSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="OMBUD_NOTIFICATION_")

    port: int = 8004
    mongo_database: str = "ombud_notification"
    smtp_host: str = Field("127.0.0.1", validation_alias=shared("smtp_host"))
    smtp_port: int = Field(1025, ge=1, le=65535, validation_alias=shared("smtp_port"))
    smtp_username: str | None = Field(None, validation_alias=shared("smtp_username"))
    smtp_password: SecretStr | None = Field(None, validation_alias=shared("smtp_password"))
    # Implicit TLS (port 465) or STARTTLS on a plain connection; both off for a local catcher.
    smtp_tls: bool = Field(False, validation_alias=shared("smtp_tls"))
    smtp_starttls: bool = Field(False, validation_alias=shared("smtp_starttls"))
    smtp_timeout_seconds: float = Field(15.0, gt=0)
    # How long a transient SMTP failure is retried before the message is dead-lettered; kept
    # under the consumer's poll interval (5 min) so the group does not evict the consumer.
    smtp_retry_seconds: float = Field(120.0, gt=0, le=240)
    mail_from: str = "Ombud <no-reply@ombud.example>"
    access_code_key: SecretStr = Field(
        SecretStr(DEVELOPMENT_SECRET), validation_alias=shared("access_code_key")
    )

    def secrets_to_check(self) -> dict[str, SecretStr]:
        return {"access_code_key": self.access_code_key}
