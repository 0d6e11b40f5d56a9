"""The whole system on one machine: Kafka, FerretDB, an SMTP server, an SMS gateway (Kannel)
and the five services."""

import socket
import subprocess
import sys
import warnings
from pathlib import Path

import httpx
from pymongo import MongoClient

from ombud_stack import kafka, kannel
from ombud_stack.config import StackConfig
from ombud_stack.processes import Managed, StartupFailed
from shared.topics import ALL_TOPICS


def _mongo_answers(url: str) -> bool:
    client: MongoClient[dict[str, object]] = MongoClient(url, serverSelectionTimeoutMS=500)
    try:
        client.admin.command("ping")
    except Exception:
        return False
    finally:
        client.close()
    return True


def _http_ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/ready", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _smtp_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            return sock.recv(3) == b"220"
    except OSError:
        return False


def _kannel_answers(config: StackConfig) -> bool:
    """smsbox takes requests and the (fake) SMSC is connected to bearerbox."""
    admin = f"http://127.0.0.1:{config.kannel_admin_port}/status.txt"
    try:
        status = httpx.get(admin, params={"password": config.kannel_password}, timeout=2).text
        httpx.get(config.kannel_sendsms_url, timeout=2)
    except httpx.HTTPError:
        return False
    return "online" in status


def _port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


class Stack:
    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.processes: dict[str, Managed] = {}
        self.sms_gateway = kannel.installed()

    def _managed(
        self,
        name: str,
        command: list[str],
        env: dict[str, str] | None = None,
        log_path: Path | None = None,
    ) -> Managed:
        managed = Managed(
            name=name,
            command=command,
            log_path=log_path or self.config.log_dir / f"{name}.log",
            pid_path=self.config.state_dir / "pids" / f"{name}.pid",
            env=env or {},
        )
        self.processes[name] = managed
        return managed

    def start(self, *, with_kafka_and_store: bool = True) -> None:
        """Start everything and wait until each part is ready; stop what started on failure.

        Without Kafka and the store, they are expected at the configured addresses already
        (containers started by the tests when a Docker engine answers).
        """
        try:
            if with_kafka_and_store:
                self.start_kafka_and_store()
            self.start_mail()
            self.start_sms_gateway()
            kafka.create_topics(self.config.kafka_bootstrap, ALL_TOPICS, self.config.partitions)
            for service in self.config.services:
                self.start_service(service, wait=False)
            for service in self.config.services:
                self.wait_for_service(service)
        except BaseException:
            self.stop()
            raise

    def start_kafka_and_store(self) -> None:
        config = self.config
        binaries = config.cache_dir
        if not (binaries / "kafka" / "libs").is_dir() or not (binaries / "ferretdb").is_dir():
            raise StartupFailed(f"Kafka or FerretDB is not built in {binaries}: run `make stack`")
        fmt, broker = kafka.prepare(config)
        config.log_dir.mkdir(parents=True, exist_ok=True)
        with (config.log_dir / "kafka-format.log").open("ab") as log:
            subprocess.run(fmt, check=True, stdout=log, stderr=subprocess.STDOUT)
        mongo_data = config.state_dir / "ferretdb"
        mongo_data.mkdir(parents=True, exist_ok=True)
        kafka_process = self._managed("kafka", broker)
        ferret = self._managed(
            "ferretdb",
            [
                str(binaries / "ferretdb" / "ferretdb"),
                f"-listen=127.0.0.1:{config.mongo_port}",
                f"-data={mongo_data}",
            ],
        )
        for process in (kafka_process, ferret):
            process.start()
        ferret.wait_until(lambda: _mongo_answers(config.mongo_url), timeout=60)
        kafka_process.wait_until(lambda: kafka.answers(config.kafka_bootstrap), timeout=120)

    def start_mail(self) -> None:
        """A real SMTP server that files every message it receives in a Maildir."""
        config = self.config
        smtp = self._managed(
            "smtp",
            [
                sys.executable,
                "-m",
                "aiosmtpd",
                "-n",
                "-u",
                "-l",
                f"127.0.0.1:{config.smtp_port}",
                "-c",
                "aiosmtpd.handlers.Mailbox",
                str(config.mail_dir),
            ],
        )
        smtp.start()
        smtp.wait_until(lambda: _smtp_answers(config.smtp_port), timeout=30)

    def stop_mail(self) -> None:
        """The SMTP server goes away, as in an outage; `start_mail` brings it back."""
        self.processes.pop("smtp").stop()

    def start_sms_gateway(self) -> None:
        """Kannel with a fake SMSC that logs what it receives; skipped if not installed."""
        if not self.sms_gateway:
            warnings.warn(
                "Kannel is not installed (`make tools`): SMS is off in this stack", stacklevel=2
            )
            return
        config = self.config
        steps = kannel.commands(config)
        bearerbox = self._managed("kannel-bearerbox", steps["kannel-bearerbox"])
        bearerbox.start()
        bearerbox.wait_until(lambda: _port_answers(config.kannel_smsc_port), timeout=30)
        fake = self._managed(
            "kannel-fakesmsc", steps["kannel-fakesmsc"], log_path=config.sms_received_log
        )
        fake.start()
        smsbox = self._managed("kannel-smsbox", steps["kannel-smsbox"])
        smsbox.start()
        smsbox.wait_until(lambda: _kannel_answers(config), timeout=30)

    def start_service(self, service: str, *, wait: bool = True) -> None:
        executable = Path(sys.executable).parent / f"ombud-{service}"
        env = self.config.service_env(service)
        if service == "notification" and not self.sms_gateway:
            env["OMBUD_NOTIFICATION_SMS_PROVIDER"] = "none"
        managed = self._managed(service, [str(executable)], env)
        managed.start()
        if wait:
            self.wait_for_service(service)

    def wait_for_service(self, service: str) -> None:
        url = self.config.service_url(service)
        self.processes[service].wait_until(lambda: _http_ready(url), timeout=90)

    def exited(self) -> set[str]:
        return {name for name, process in self.processes.items() if not process.alive()}

    def kill(self, name: str) -> None:
        self.processes[name].kill()

    def stop(self) -> None:
        """Services first (they finish in-flight work and commit), infrastructure last."""
        for name in reversed(list(self.processes)):
            self.processes[name].stop()
        self.processes.clear()
