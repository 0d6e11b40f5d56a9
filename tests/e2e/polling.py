import time
from typing import Any

import httpx


def wait_for_status(
    archive: httpx.Client,
    number: str,
    *,
    proof: dict[str, str],
    status: str,
    history_types: set[str],
    timeout: float = 90,
) -> dict[str, Any]:
    """Poll the archive until the complaint shows `status` and every event type wanted."""
    deadline = time.monotonic() + timeout
    seen: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = archive.get(f"/v1/complaints/{number}", headers=proof)
        if response.status_code == 200:
            seen = response.json()
            types = {entry["event_type"] for entry in seen["history"]}
            if seen["status"] == status and history_types <= types:
                return seen
        time.sleep(0.3)
    raise AssertionError(f"{number} did not reach {status} with {history_types}: {seen}")


def wait_until_assigned(archive: httpx.Client, complaint: dict[str, Any]) -> dict[str, Any]:
    """Poll until the complaint accepted by intake shows it has a handler."""
    return wait_for_status(
        archive,
        complaint["number"],
        proof={"X-Access-Code": complaint["access_code"]},
        status="assigned",
        history_types={"complaint.assigned"},
    )
