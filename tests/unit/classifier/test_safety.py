"""The P1 safety net: imminent harm is P1 whatever the model thinks, in many languages."""

import re

import pytest

from classifier import dataset
from classifier.classification import ComplaintText
from classifier.lexicon import CONCEPTS, words_of
from classifier.safety import RULES, imminent_harm
from classifier.text import Normaliser


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself, I wrote goodbye letters",
        "ik wil er niet meer zijn, vanavond maak ik er een einde aan",
        "не хочу больше жить, покончить с собой сегодня",
        "我不想活了，今晚就自杀",
        "我不想活了，今晚就自殺",
        "ich will mir heute das Leben nehmen",
        "je vais me suicider ce soir",
        "quiero quitarme la vida",
        "hoje vou me matar",
        "bu gece intihar edeceğim",
        "he wrote that he'll kill you tomorrow at school",
        "hij zei: ik maak je dood als ik je zie",
        "он написал: я тебя убью",
        "他说明天要杀了你",
        "a man asks my 12 year old daughter for nude photos and says keep it secret",
        "they posted my address and say they are coming for me tonight",
    ],
)
def test_imminent_harm_is_p1_in_many_languages(classifier, text):
    decision = classifier.classify(ComplaintText(text=text))
    assert decision.priority == "P1"
    assert decision.category == "content" or decision.subcategory == "personal_data_exposed"


def test_a_rule_names_itself_and_what_it_matched():
    [match] = imminent_harm(Normaliser()("I want to end my life"))
    assert match.subcategory == "self_harm"
    assert "end my life" in match.describe()


def test_harm_is_never_rejected_even_if_it_reads_like_junk(classifier):
    decision = classifier.classify(ComplaintText(text="kill myself lol"))
    assert decision.rejection is None
    assert decision.priority == "P1"


def test_cue_words_and_safety_phrases_hold_nothing_only_the_held_out_split_contains():
    """Cue words and rules are written from the training split: the held-out report stays honest."""
    normalise = Normaliser()
    train = [normalise(e.text) for e in dataset.read(dataset.TRAIN)]
    heldout = [normalise(e.text) for e in dataset.read(dataset.HELDOUT)]
    train_words = [words_of(t, pad=True) for t in train]
    heldout_words = [words_of(t, pad=True) for t in heldout]
    leaked = [
        stem
        for stems in CONCEPTS.values()
        for stem in stems
        if not any(words_of(stem, pad=False) in t for t in train_words)
        and any(words_of(stem, pad=False) in t for t in heldout_words)
    ]
    for rule in RULES:
        for phrases in rule.phrase_sets:
            for phrase in phrases:
                pattern = re.compile(phrase)
                if not any(map(pattern.search, train)) and any(map(pattern.search, heldout)):
                    leaked.append(phrase)
    assert leaked == []
