"""Where the local stack keeps its state and which ports it listens on."""

from dataclasses import dataclass, field
from pathlib import Path

SERVICES = ("intake", "classifier", "assignment", "notification", "archive")


@dataclass(frozen=True)
class StackConfig:
    state_dir: Path  # logs, pids, Kafka and FerretDB data, received mail
    cache_dir: Path  # the Kafka jars and the FerretDB binary, built once by `make`
    kafka_port: int = 9092
    controller_port: int = 9093
    mongo_port: int = 27017
    smtp_port: int = 1025
    # Kannel: bearerbox admin, bearerbox-smsbox, the fake SMSC, and smsbox's sendsms, in a row.
    kannel_port: int = 13000
    kannel_username: str = "ombud"
    kannel_password: str = "local-stack-sms-gateway"  # noqa: S105 - the local stack's own
    first_service_port: int = 8001
    partitions: int = 12
    services: tuple[str, ...] = SERVICES
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def kafka_bootstrap(self) -> str:
        return f"127.0.0.1:{self.kafka_port}"

    @property
    def mongo_url(self) -> str:
        return f"mongodb://127.0.0.1:{self.mongo_port}/"

    @property
    def mail_dir(self) -> Path:
        return self.state_dir / "mail"

    @property
    def sms_dir(self) -> Path:
        return self.state_dir / "sms"

    @property
    def sms_received_log(self) -> Path:
        """Every SMS the fake SMSC received, one line each: the tests' handset."""
        return self.sms_dir / "received.log"

    @property
    def kannel_admin_port(self) -> int:
        return self.kannel_port

    @property
    def kannel_smsbox_port(self) -> int:
        return self.kannel_port + 1

    @property
    def kannel_smsc_port(self) -> int:
        return self.kannel_port + 2

    @property
    def kannel_sendsms_port(self) -> int:
        return self.kannel_port + 3

    @property
    def kannel_sendsms_url(self) -> str:
        return f"http://127.0.0.1:{self.kannel_sendsms_port}/cgi-bin/sendsms"

    @property
    def log_dir(self) -> Path:
        return self.state_dir / "logs"

    def service_port(self, service: str) -> int:
        return self.first_service_port + SERVICES.index(service)

    def service_url(self, service: str) -> str:
        return f"http://127.0.0.1:{self.service_port(service)}"

    def service_env(self, service: str) -> dict[str, str]:
        prefix = f"OMBUD_{service.upper()}_"
        return {
            "OMBUD_KAFKA_BOOTSTRAP": self.kafka_bootstrap,
            "OMBUD_MONGO_URL": self.mongo_url,
            "OMBUD_SMTP_HOST": "127.0.0.1",
            "OMBUD_SMTP_PORT": str(self.smtp_port),
            f"{prefix}PORT": str(self.service_port(service)),
            **(self.notification_env() if service == "notification" else {}),
            **self.extra_env,
        }

    def notification_env(self) -> dict[str, str]:
        """SMS through the stack's Kannel; messages point reporters at the local intake."""
        return {
            "OMBUD_NOTIFICATION_SMS_PROVIDER": "kannel",
            "OMBUD_NOTIFICATION_KANNEL_URL": self.kannel_sendsms_url,
            "OMBUD_NOTIFICATION_KANNEL_USERNAME": self.kannel_username,
            "OMBUD_NOTIFICATION_KANNEL_PASSWORD": self.kannel_password,
            "OMBUD_NOTIFICATION_PUBLIC_BASE_URL": self.service_url("intake"),
        }
