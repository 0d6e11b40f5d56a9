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
            **self.extra_env,
        }
