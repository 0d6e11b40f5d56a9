"""What an SRE relies on: every service reports health, readiness and metrics."""

import httpx
import pytest

from ombud_stack.config import SERVICES
from tests.factories import submission


@pytest.mark.parametrize("service", SERVICES)
def test_every_service_serves_health_readiness_and_metrics(stack, service):
    url = stack.config.service_url(service)

    assert httpx.get(f"{url}/health").json() == {"status": "ok"}
    ready = httpx.get(f"{url}/ready").json()
    assert ready == {"ready": True, "checks": {"kafka": True, "mongodb": True}}
    metrics = httpx.get(f"{url}/metrics")
    assert metrics.headers["content-type"].startswith("text/plain")
    assert "process_resident_memory_bytes" in metrics.text


def test_metrics_count_what_happened(stack, intake, unique):
    before = _sample(
        stack, "intake", 'ombud_intake_complaints_accepted_total{channel="web",path="http"}'
    )
    assert intake.post("/v1/complaints", json=submission(unique)).status_code == 202
    after = _sample(
        stack, "intake", 'ombud_intake_complaints_accepted_total{channel="web",path="http"}'
    )
    assert after == before + 1


def _sample(stack, service: str, series: str) -> float:
    text = httpx.get(f"{stack.config.service_url(service)}/metrics").text
    for line in text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0
