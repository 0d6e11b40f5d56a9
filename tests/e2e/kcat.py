"""kcat plays a channel integration (producing) and an operator reading a topic (consuming)."""

import subprocess
import time
from collections.abc import Callable


def produce(bootstrap: str, topic: str, key: str, value: str, partition: int | None = None) -> None:
    command = ["kcat", "-P", "-b", bootstrap, "-t", topic, "-k", key]
    if partition is not None:
        command += ["-p", str(partition)]
    subprocess.run(command, input=value.encode(), check=True, timeout=30)


def consume_until(
    bootstrap: str,
    topic: str,
    wanted: Callable[[str, str, str], bool],
    *,
    timeout: float = 60,
) -> tuple[str, str, str]:
    """Read `topic` from the beginning until a (key, headers, value) matches `wanted`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = subprocess.run(
            [
                "kcat",
                "-C",
                "-b",
                bootstrap,
                "-t",
                topic,
                "-o",
                "beginning",
                "-e",
                "-q",
                "-f",
                "%k\t%h\t%s\n",
            ],
            capture_output=True,
            check=True,
            timeout=30,
        ).stdout.decode()
        for line in out.splitlines():
            key, headers, value = ([*line.split("\t", 2), "", ""])[:3]
            if wanted(key, headers, value):
                return key, headers, value
        time.sleep(0.5)
    raise AssertionError(f"nothing wanted on {topic} within {timeout}s")


def read_all(bootstrap: str, topic: str) -> list[str]:
    """Every message value on `topic` right now."""
    out = subprocess.run(
        ["kcat", "-C", "-b", bootstrap, "-t", topic, "-o", "beginning", "-e", "-q", "-f", "%s\n"],
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout.decode()
    return [line for line in out.splitlines() if line.strip()]
