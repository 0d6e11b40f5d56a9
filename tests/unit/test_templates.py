import re

import pytest
from jinja2 import UndefinedError

from notification.sms_encoding import plan
from notification.templates import TEMPLATE_DIR, Templates

LANGUAGES = ("en", "nl", "ru", "zh")
REPORTER_KINDS = (
    "acknowledgment",
    "information_requested",
    "result",
    "reopened",
    "appeal_received",
    "appeal_decided",
    "rejected",
)
URL = "https://complaints.ombud.example/v1/complaints/OMB-7K3F-9Q2X"
CODE = "ABCD-EFGH-IJKL-MNOP"
VALUES: dict[str, dict[str, object]] = {
    "acknowledgment": {
        "number": "OMB-7K3F-9Q2X",
        "received_at": "2026-11-22 10:00 UTC",
        "access_code": CODE,
    },
    "information_requested": {
        "number": "OMB-7K3F-9Q2X",
        "question": "Which video was it under?",
        "access_code": CODE,
        "answer_url": f"{URL}/information",
    },
    "result": {
        "number": "OMB-7K3F-9Q2X",
        "outcome": "content_removed_uploader_warned",
        "explanation": "The comments target you <personally>.",
        "policy_basis": "Community guidelines 4.2",
        "handler_name": "Anna de Vries",
        "access_code": CODE,
        "feedback_url": f"{URL}/feedback",
        "appeal_url": f"{URL}/appeal",
    },
    "reopened": {"number": "OMB-7K3F-9Q2X", "reason": "low_rating"},
    "appeal_received": {"number": "OMB-7K3F-9Q2X", "filed_at": "2026-11-23 09:00 UTC"},
    "appeal_decided": {
        "number": "OMB-7K3F-9Q2X",
        "decision": "overturned",
        "explanation": "New evidence.",
        "original_outcome": "no_violation_found",
        "handler_name": "Ivan Petrov",
    },
    "rejected": {
        "number": "OMB-7K3F-9Q2X",
        "reasons": [{"field": "text", "message": "must not be empty"}],
    },
    "handler_assigned": {
        "handler_name": "Anna de Vries",
        "number": "OMB-7K3F-9Q2X",
        "team": "content-moderation",
        "category": "content",
        "priority": "P1",
        "reporter_language": "nl",
    },
    "escalation": {
        "team_lead_name": "Sophie Janssen",
        "number": "OMB-7K3F-9Q2X",
        "reason": "deadline_passed",
        "deadline": "result",
        "due_at": "2026-11-25 10:00 UTC",
        "team": "content-moderation",
        "priority": "P2",
    },
    "deadline_warning": {
        "number": "OMB-7K3F-9Q2X",
        "deadline": "initial_review",
        "due_at": "2026-11-23 10:00 UTC",
        "team": "content-moderation",
    },
}
# Coded values the templates turn into words, with every value the contract allows.
CODED = {
    ("result", "outcome"): (
        "content_removed_uploader_warned",
        "account_restored_with_apology",
        "privacy_protection_applied",
        "no_violation_found",
        "insufficient_information",
        "forwarded_to_legal",
    ),
    ("reopened", "reason"): ("low_rating", "information_provided", "handler"),
    ("appeal_decided", "decision"): ("upheld", "overturned"),
}


def kinds() -> set[str]:
    return {
        re.sub(r"\.(subject|txt|sms)\.j2$", "", p.name)
        for p in TEMPLATE_DIR.glob("*/*.j2")
        if not p.name.startswith("_")
    }


def test_every_template_kind_has_test_values():
    assert kinds() == set(VALUES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(VALUES))
def test_every_template_renders_in_every_language(kind, language):
    rendered = Templates().render(kind, language=language, values=VALUES[kind])
    assert rendered.subject and "\n" not in rendered.subject
    assert VALUES[kind]["number"] in rendered.subject + rendered.text
    assert "{{" not in rendered.text + rendered.html
    if kind in REPORTER_KINDS:
        assert rendered.language == language
        assert rendered.sms is not None and "OMB-7K3F-9Q2X" in rendered.sms
        assert len(plan(rendered.sms).segments) <= 4  # short: a few SMS at most


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("kind", "field"), sorted(CODED))
def test_every_coded_value_has_words_in_every_language(kind, field, language):
    # An unknown key would fail to render; distinct texts show each value has its own words.
    texts = {
        Templates().render(kind, language=language, values={**VALUES[kind], field: value}).text
        for value in CODED[(kind, field)]
    }
    assert len(texts) == len(CODED[(kind, field)])


@pytest.mark.parametrize("language", LANGUAGES)
def test_results_tell_how_to_rate_and_appeal_with_the_access_code(language):
    rendered = Templates().render("result", language=language, values=VALUES["result"])
    for text in (rendered.text, rendered.sms):
        assert f"{URL}/feedback" in text and f"{URL}/appeal" in text and CODE in text
    assert "Community guidelines 4.2" in rendered.text


def test_html_is_escaped_and_plain_text_is_not():
    rendered = Templates().render("result", language="en", values=VALUES["result"])
    assert "&lt;personally&gt;" in rendered.html and "<personally>" not in rendered.html
    assert "<personally>" in rendered.text
    assert '<html lang="en">' in rendered.html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(VALUES))
def test_a_missing_variable_fails_instead_of_rendering_blank(kind, language):
    for name in VALUES[kind]:
        values = {k: v for k, v in VALUES[kind].items() if k != name}
        with pytest.raises(UndefinedError):
            Templates().render(kind, language=language, values=values)


def test_templates_exist_in_the_four_required_languages():
    templates = Templates()
    for kind in REPORTER_KINDS:
        assert {templates.language_for(lang, kind) for lang in LANGUAGES} == set(LANGUAGES)


@pytest.mark.parametrize(
    ("requested", "chosen"), [("nl-BE", "nl"), ("zh-Hant", "zh"), ("fr", "en"), (None, "en")]
)
def test_regional_and_unknown_languages(requested, chosen):
    assert Templates().language_for(requested, "acknowledgment") == chosen
