from typing import Literal

from pydantic import Field, SecretStr, model_validator
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
    # How long a transient failure is retried on one channel before the other is tried. Both
    # together stay under the consumer's poll interval (5 min), so the group keeps the consumer.
    smtp_retry_seconds: float = Field(120.0, gt=0, le=200)
    sms_retry_seconds: float = Field(60.0, gt=0, le=200)
    mail_from: str = "Ombud <no-reply@ombud.example>"

    sms_provider: Literal["none", "kannel", "twilio"] = "none"
    sms_sender: str = "Ombud"
    sms_timeout_seconds: float = Field(10.0, gt=0)
    # A longer text is refused (and the reporter mailed instead) rather than sent as a saga.
    sms_max_segments: int = Field(6, ge=1, le=10)
    kannel_url: str = "http://127.0.0.1:13013/cgi-bin/sendsms"
    kannel_username: str = "ombud"
    kannel_password: SecretStr = SecretStr(DEVELOPMENT_SECRET)
    twilio_base_url: str = "https://api.twilio.com"
    twilio_account_sid: str = ""
    twilio_auth_token: SecretStr = SecretStr(DEVELOPMENT_SECRET)

    # After this many transient failures in a row a channel is left alone for a while.
    breaker_failure_threshold: int = Field(5, ge=1)
    breaker_recovery_seconds: float = Field(30.0, gt=0)
    # Per address and hour; staff receive one mail per assignment, so they get more room.
    reporter_messages_per_hour: int = Field(10, ge=1)
    staff_messages_per_hour: int = Field(500, ge=1)
    # Where reporters reach the public API (feedback, appeal, answers), as written in messages.
    public_base_url: str = "https://complaints.ombud.example"

    access_code_key: SecretStr = Field(
        SecretStr(DEVELOPMENT_SECRET), validation_alias=shared("access_code_key")
    )

    @model_validator(mode="after")
    def _retries_fit_the_poll_interval(self) -> "NotificationSettings":
        if self.smtp_retry_seconds + self.sms_retry_seconds > 240:
            raise ValueError("smtp_retry_seconds + sms_retry_seconds must stay within 240")
        return self

    def secrets_to_check(self) -> dict[str, SecretStr]:
        secrets = {"access_code_key": self.access_code_key}
        if self.sms_provider == "kannel":
            secrets["kannel_password"] = self.kannel_password
        if self.sms_provider == "twilio":
            secrets["twilio_auth_token"] = self.twilio_auth_token
        return secrets
