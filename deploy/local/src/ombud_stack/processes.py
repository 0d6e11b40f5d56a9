"""Child processes of the stack: each with its own log file and a pid file, stopped cleanly."""

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


class StartupFailed(RuntimeError):
    pass


@dataclass
class Managed:
    name: str
    command: Sequence[str]
    log_path: Path
    pid_path: Path
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.pid_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                list(self.command),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env={**os.environ, **self.env},
                start_new_session=True,  # Ctrl-C in the terminal reaches the runner, not each child
            )
        self.pid_path.write_text(str(self.process.pid))

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_until(self, ready: Callable[[], bool], *, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise StartupFailed(f"{self.name} exited during start-up; see {self.log_path}")
            if ready():
                return
            time.sleep(0.25)
        raise StartupFailed(f"{self.name} not ready after {timeout:.0f}s; see {self.log_path}")

    def kill(self) -> None:
        """SIGKILL, as a crash would: no shutdown hooks run."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
        self.pid_path.unlink(missing_ok=True)

    def stop(self, *, grace: float = 20.0) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.pid_path.unlink(missing_ok=True)


def stop_leftovers(pid_dir: Path, *, grace: float = 20.0) -> list[str]:
    """Stop processes a previous runner left behind (it was killed), newest first."""
    stopped = []
    pid_files = sorted(pid_dir.glob("*.pid"), key=lambda p: p.stat().st_mtime, reverse=True)
    for pid_file in pid_files:
        pid = int(pid_file.read_text())
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pid_file.unlink()
            continue
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and _exists(pid):
            time.sleep(0.2)
        if _exists(pid):
            os.kill(pid, signal.SIGKILL)
        pid_file.unlink()
        stopped.append(pid_file.stem)
    return stopped


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(ChildProcessError):  # a zombie of ours "exists" until reaped
        os.waitpid(pid, os.WNOHANG)
    return True
