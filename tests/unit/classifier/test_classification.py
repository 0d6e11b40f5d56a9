import numpy as np
import pytest

from classifier.classification import (
    HARM_BEYOND_LABEL,
    Classifier,
    ComplaintText,
    flagged_by_harm_model,
)
from classifier.safety import SafetyMatch


@pytest.mark.parametrize(
    ("text", "category", "language"),
    [
        # The end-to-end tests send these three.
        ("Someone keeps harassing me in the comments under every video I post.", "content", "en"),
        ("Iemand pest mij elke dag in de reacties onder mijn video's.", "content", "nl"),
        ("Мой аккаунт взломали, кто-то сменил пароль и пишет моим друзьям.", "account", "ru"),
        ("我的账号被盗了，密码被改了", "account", "zh"),
        ("我的帳號被盜了，密碼被改掉了", "account", "zh"),
        ("the app crashes every time I open the camera", "other", "en"),
    ],
)
def test_complaints_in_many_languages_get_their_category(classifier, text, category, language):
    decision = classifier.classify(ComplaintText(text=text))
    assert (decision.category, decision.language) == (category, language)
    assert decision.rejection is None


def test_every_decision_names_its_model_version_and_main_reasons(classifier):
    decision = classifier.classify(ComplaintText(text="my account got hacked, password changed"))
    assert decision.model_version == classifier.model.version
    assert any(reason.startswith(f"model {decision.model_version}") for reason in decision.reasons)
    assert "concept=hacked" in " ".join(decision.reasons)


def test_a_hint_tips_a_vague_report_but_clear_text_outweighs_it(classifier):
    vague = classifier.classify(ComplaintText(text="look at this account", category_hint="spam"))
    assert vague.subcategory == "spam_scam"
    clear = classifier.classify(
        ComplaintText(
            text="my account was hacked, they changed my password and email", category_hint="spam"
        )
    )
    assert clear.subcategory == "hacked"
    assert any("hint 'spam'" in reason for reason in clear.reasons)


def test_a_declared_language_is_kept_when_the_text_is_too_short_to_tell(classifier):
    assert classifier.classify(ComplaintText(text="ok hack", language="nl-BE")).language == "nl"


def test_below_the_threshold_a_person_reviews_the_decision(classifier):
    strict = Classifier(model=classifier.model, review_threshold=0.99, reject_threshold=0.6)
    decision = strict.classify(ComplaintText(text="something is wrong with my thing"))
    assert decision.needs_review
    assert any("a person should check" in reason for reason in decision.reasons)


def test_an_unfamiliar_language_is_classified_not_rejected(classifier):
    decisions = classifier.classify_many(
        [
            ComplaintText(text="Moje konto zostało zhakowane, ktoś zmienił hasło."),
            ComplaintText(text="Saya tidak bisa login ke akun saya sejak kemarin, tolong bantu."),
        ]
    )
    assert all(d.rejection is None and d.category for d in decisions)


def test_a_batch_decides_each_complaint_as_alone(classifier):
    texts = ["I want to end my life tonight", "please add dark mode", "Мой аккаунт взломали"]
    together = classifier.classify_many([ComplaintText(text=t) for t in texts])
    alone = [classifier.classify(ComplaintText(text=t)) for t in texts]
    assert together == alone


def test_the_body_outweighs_a_canned_subject_but_a_short_body_reads_it(classifier):
    body = ComplaintText(
        subject="Harassment in comments",
        text="Мой аккаунт взломали, кто-то сменил пароль и пишет моим друзьям.",
    )
    assert classifier.classify(body).category == "account"
    short = ComplaintText(subject="My account was hacked", text="help pls")
    assert classifier.classify(short).subcategory == "hacked"


def test_the_safety_net_reads_the_subject_too(classifier):
    decision = classifier.classify(
        ComplaintText(subject="I want to end my life", text="I don't know who else to tell.")
    )
    assert decision.priority == "P1"


def _probabilities(classifier, **shares):
    """Label probabilities with the given shares and the rest spread evenly."""
    labels = classifier.model.labels
    rest = (1 - sum(shares.values())) / (len(labels) - len(shares))
    return np.array([shares.get(label, rest) for label in labels])


def test_the_category_is_chosen_by_all_its_subcategories_together(classifier):
    # hacked is the single likeliest label, but two content labels together outweigh it.
    probabilities = _probabilities(
        classifier, hacked=0.30, harassment_bullying=0.26, violence_threats=0.25
    )
    best = classifier.model.labels[classifier._best_label(probabilities)]
    assert best == "harassment_bullying"


def test_a_confident_harm_model_does_not_leave_imminent_harm_filed_as_a_bug(classifier):
    probabilities = _probabilities(classifier, bug=0.5, self_harm=0.2, violence_threats=0.1)
    assert classifier._harm_subcategory("bug", [], probabilities, 0.9) == "self_harm"
    # Unsure, it keeps the model's reading; outside "other" it always does.
    assert classifier._harm_subcategory("bug", [], probabilities, 0.2) == "bug"
    assert classifier._harm_subcategory("hacked", [], probabilities, 0.9) == "hacked"


def test_an_explicit_safety_phrase_outweighs_an_unsure_model(classifier):
    suicide = [SafetyMatch("self-harm intent", "self_harm", ("suicid",))]
    unsure = _probabilities(classifier, data_request=0.3, self_harm=0.2)
    sure = _probabilities(classifier, data_request=0.8)
    assert classifier._harm_subcategory("data_request", suicide, unsure, 0.1) == "self_harm"
    assert classifier._harm_subcategory("data_request", suicide, sure, 0.1) == "data_request"


def test_the_harm_model_alone_makes_p1_only_what_can_be_about_harm():
    threshold = 0.01
    assert flagged_by_harm_model("self_harm", 0.95, 0.02, threshold)
    assert not flagged_by_harm_model("self_harm", 0.95, 0.005, threshold)
    # A clear ban appeal is no emergency because its words sound urgent...
    below = HARM_BEYOND_LABEL / 2
    assert not flagged_by_harm_model("banned_appeal", 0.95, below, threshold)
    # ...but an unsure reading, or a harm model that rates it high enough despite the label, is.
    assert flagged_by_harm_model("banned_appeal", 0.3, below, threshold)
    assert flagged_by_harm_model("bug", 0.95, HARM_BEYOND_LABEL, threshold)


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("My account was banned for no reason, please restore it", "P2"),
        ("Мой аккаунт взломали, кто-то сменил пароль и пишет моим друзьям.", "P2"),
        ("please add dark mode", "P4"),
    ],
)
def test_urgent_sounding_everyday_complaints_are_not_p1(classifier, text, priority):
    assert classifier.classify(ComplaintText(text=text, channel="web")).priority == priority
