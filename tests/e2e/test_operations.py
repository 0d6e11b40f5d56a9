"""What an SRE relies on: every service reports health, readiness and metrics."""

import httpx
import pytest

from ombud_stack.config import SERVICES
from tests.e2e.metrics import sample
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
    url = stack.config.service_url("intake")
    series = 'ombud_intake_complaints_accepted_total{channel="web",path="http"}'
    before = sample(url, series)

    assert intake.post("/v1/complaints", json=submission(unique)).status_code == 202

    assert sample(url, series) == before + 1
    transport = httpx.get(f"{stack.config.service_url('classifier')}/metrics").text
    assert 'faststream_received_messages_total{app_name="classifier"' in transport
