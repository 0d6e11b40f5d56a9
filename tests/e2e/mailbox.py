"""Reading what the real SMTP server received: one file per message in a Maildir."""

import time
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from pathlib import Path


def messages_to(mail_dir: Path, address: str) -> list[EmailMessage]:
    found = []
    for path in sorted(mail_dir.glob("new/*")) + sorted(mail_dir.glob("cur/*")):
        message = BytesParser(policy=default).parsebytes(path.read_bytes())
        if address == message["To"].addresses[0].addr_spec:
            found.append(message)
    return found


def wait_for_messages(
    mail_dir: Path, address: str, *, count: int = 1, timeout: float = 90
) -> list[EmailMessage]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = messages_to(mail_dir, address)
        if len(found) >= count:
            return found
        time.sleep(0.3)
    raise AssertionError(f"expected {count} message(s) to {address} within {timeout}s")


def body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())
