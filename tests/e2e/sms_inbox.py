"""Reading what the SMS gateway delivered: the fake SMSC's log, one line per SMS it received.

A line is `Got message N: <from to type payload>`: type `text` with the text as is, `ucs-2`
with the UTF-16 bytes URL-encoded, or `udh <header> data <bytes>` for a part of a concatenated
SMS. The log says nothing of a part's alphabet, so the reader is told which to expect.
"""

import re
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

_LINE = re.compile(r"Got message \d+: <(\S+) (\S+) (\S+) (.*)>$")


def _decode(data: bytes, encoding: str) -> str:
    return data.decode("utf-16-be" if encoding == "ucs2" else "utf-8")


def messages_to(log: Path, phone: str, *, encoding: str) -> list[str]:
    """Every complete SMS to `phone`, concatenated parts joined, in the order received."""
    if not log.exists():
        return []
    messages: list[str] = []
    parts: dict[int, dict[int, bytes]] = defaultdict(dict)
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _LINE.search(line)
        if not match or match.group(2) != phone:
            continue
        kind, payload = match.group(3), match.group(4)
        if kind == "text":
            messages.append(payload)
        elif kind == "ucs-2":
            messages.append(_decode(urllib.parse.unquote_to_bytes(payload), "ucs2"))
        elif kind == "udh":
            header, _, data = payload.split(" ", 2)
            udh = urllib.parse.unquote_to_bytes(header)
            reference, total, index = udh[3], udh[4], udh[5]
            parts[reference][index] = urllib.parse.unquote_to_bytes(data.replace("+", " "))
            if len(parts[reference]) == total:
                complete = parts.pop(reference)
                joined = b"".join(complete[i] for i in range(1, total + 1))
                messages.append(_decode(joined, encoding))
    return messages


def wait_for_sms(
    log: Path, phone: str, *, encoding: str, count: int = 1, timeout: float = 90
) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = messages_to(log, phone, encoding=encoding)
        if len(found) >= count:
            return found
        time.sleep(0.3)
    raise AssertionError(f"expected {count} SMS to {phone} within {timeout}s")
