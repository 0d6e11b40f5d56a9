import re

import pytest
from jinja2 import UndefinedError

from notification.templates import TEMPLATE_DIR, Templates

LANGUAGES = ("en", "nl", "ru", "zh")
VALUES = {
    "acknowledgment": {
        "number": "OMB-7K3F-9Q2X",
        "received_at": "2026-11-22 10:00 UTC",
        "access_code": "ABCD-EFGH-IJKL-MNOP",
    },
    "handler_assigned": {
        "handler_name": "Anna de Vries",
        "number": "OMB-7K3F-9Q2X",
        "team": "content-moderation",
        "category": "content",
        "priority": "P1",
        "reporter_language": "nl",
    },
}


def kinds() -> set[str]:
    return {re.sub(r"\.(subject|txt)\.j2$", "", p.name) for p in TEMPLATE_DIR.glob("*/*.j2")}


def test_every_template_kind_has_test_values():
    assert kinds() == set(VALUES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(VALUES))
def test_every_template_renders_in_every_language(kind, language):
    rendered = Templates().render(kind, language=language, values=VALUES[kind])
    assert rendered.subject and "\n" not in rendered.subject
    assert VALUES[kind]["number"] in rendered.subject + rendered.text
    assert "{{" not in rendered.text


@pytest.mark.parametrize("kind", sorted(VALUES))
def test_a_missing_variable_fails_instead_of_rendering_blank(kind):
    values = dict(VALUES[kind])
    values.pop("number")
    with pytest.raises(UndefinedError):
        Templates().render(kind, language="en", values=values)


def test_acknowledgments_exist_in_the_four_required_languages():
    templates = Templates()
    assert {templates.language_for(lang, "acknowledgment") for lang in LANGUAGES} == set(LANGUAGES)


@pytest.mark.parametrize(
    ("requested", "chosen"), [("nl-BE", "nl"), ("zh-Hant", "zh"), ("fr", "en"), (None, "en")]
)
def test_regional_and_unknown_languages(requested, chosen):
    assert Templates().language_for(requested, "acknowledgment") == chosen
