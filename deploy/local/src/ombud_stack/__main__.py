"""`ombud-stack up|down`: run the whole system locally without Docker.
`ombud-stack docs`: write the OpenAPI and AsyncAPI documents to docs/api/.
`ombud-stack token --subject h-anna --role handler --team content-moderation`: an operator's
bearer token for development, signed with OMBUD_AUTH_JWT_SECRET."""

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

from ombud_stack.config import StackConfig
from ombud_stack.processes import StartupFailed, stop_leftovers
from ombud_stack.stack import Stack
from shared.auth import ROLES, AuthSettings, issue_token
from shared.clock import utc_now


def _urls(config: StackConfig) -> str:
    lines = ["Ombud is running:"]
    for service in config.services:
        url = config.service_url(service)
        lines.append(f"  {service:<13} {url}/docs   metrics {url}/metrics")
    lines += [
        f"  Kafka         {config.kafka_bootstrap}",
        f"  MongoDB       {config.mongo_url} (FerretDB)",
        f"  SMTP          127.0.0.1:{config.smtp_port}; mail lands in {config.mail_dir}/new",
        f"  SMS (Kannel)  {config.kannel_sendsms_url}; texts land in {config.sms_received_log}",
        f"  Logs          {config.log_dir}/<part>.log",
        "Press Ctrl-C to stop everything.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="ombud-stack", description=__doc__)
    parser.add_argument("command", choices=["up", "down", "docs", "token"])
    parser.add_argument("--subject", help="token: the operator's handler id")
    parser.add_argument("--role", action="append", choices=sorted(ROLES), help="token: a role")
    parser.add_argument("--team", help="token: the operator's team")
    parser.add_argument("--state-dir", type=Path, default=Path(".stack"))
    parser.add_argument("--cache-dir", type=Path, default=Path(".cache"))
    args = parser.parse_args()
    # The broker is polled until it answers; the client's connection errors meanwhile are noise.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    config = StackConfig(state_dir=args.state_dir.resolve(), cache_dir=args.cache_dir.resolve())
    pid_dir = config.state_dir / "pids"

    if args.command == "token":
        settings = AuthSettings(port=1, mongo_database="unused")
        roles = args.role or ["handler"]
        print(
            issue_token(
                settings=settings, subject=args.subject, roles=roles, team=args.team, now=utc_now()
            )
        )
        return

    if args.command == "docs":
        from ombud_stack import contracts

        contracts.write(Path("docs/api"))
        print("wrote docs/api/")
        return

    if args.command == "down":
        stopped = stop_leftovers(pid_dir) if pid_dir.is_dir() else []
        print(f"stopped: {', '.join(stopped) or 'nothing was running'}")
        return

    if pid_dir.is_dir() and any(pid_dir.glob("*.pid")):
        stop_leftovers(pid_dir)
    stack = Stack(config)
    stopping = threading.Event()
    # Set explicitly: a runner started in the background inherits an ignored SIGINT.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    try:
        stack.start()
        print(_urls(config), flush=True)
        reported: set[str] = set()
        while not stopping.wait(2):
            for name in stack.exited() - reported:
                print(f"{name} exited; see {config.log_dir / name}.log", file=sys.stderr)
                reported.add(name)
    except StartupFailed as error:
        print(f"start-up failed: {error}", file=sys.stderr)
        sys.exit(1)
    finally:
        print("stopping...", flush=True)
        stack.stop()


if __name__ == "__main__":
    main()
