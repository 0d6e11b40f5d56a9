from pathlib import Path

from ombud_stack import contracts

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api"


def test_checked_in_api_documents_match_the_code():
    assert contracts.stale(DOCS) == [], "contracts changed: run `make docs` and commit docs/api/"


def test_the_public_contract_is_documented():
    documents = contracts.documents()
    assert '"/v1/complaints"' in documents["intake.openapi.json"]
    assert '"/v1/complaints/{number}"' in documents["archive.openapi.json"]
    assert "complaints.submitted.v1" in documents["intake.asyncapi.json"]
    assert "complaints.received.v1.dlq" in documents["classifier.asyncapi.json"]
