import pytest

from classifier.rules import RULES, classify_text


@pytest.mark.parametrize(
    ("text", "category", "subcategory", "priority", "language"),
    [
        ("Someone hacked my account and posts as me", "account", "hacked", "P2", "en"),
        ("Iemand bedreigt mij, hij wil mij vermoorden", "content", "violence_threats", "P1", "nl"),
        ("Меня травят в комментариях каждый день", "content", "harassment_bullying", "P3", "ru"),
        ("有人冒充我，盗用我的照片", "account", "impersonation", "P2", "zh"),
        ("I want to end my life", "content", "self_harm", "P1", "en"),
        ("Please add a dark mode, it would be nice", "other", "feature_request", "P4", "en"),
        ("Someone reuploaded my video, copyright violation", "legal", "copyright", "P2", "en"),
    ],
)
def test_keywords_in_four_languages(text, category, subcategory, priority, language):
    decision = classify_text(text)
    assert (decision.category, decision.subcategory, decision.priority) == (
        category,
        subcategory,
        priority,
    )
    assert decision.language == language
    assert decision.reasons and decision.model_version


def test_with_equal_evidence_the_more_urgent_reading_wins():
    decision = classify_text("he keeps bullying me and says he will kill you")
    assert decision.priority == "P1"


def test_a_channel_hint_informs_but_the_text_can_outweigh_it():
    hinted = classify_text("look at this", hint="spam")
    assert hinted.subcategory == "spam_scam"
    outweighed = classify_text("someone hacked my account, stolen account", hint="spam")
    assert outweighed.subcategory == "hacked"


def test_nothing_recognised_is_general_feedback_with_low_confidence():
    decision = classify_text("hmm")
    assert (decision.category, decision.subcategory) == ("other", "general_feedback")
    assert decision.confidence < 0.5


def test_a_declared_language_is_kept():
    assert classify_text("ok", language="nl-BE").language == "nl"


def test_every_category_has_rules():
    assert {rule.category for rule in RULES} == {
        "content",
        "account",
        "privacy_security",
        "legal",
        "other",
    }
