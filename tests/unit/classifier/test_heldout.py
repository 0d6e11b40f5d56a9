"""The held-out targets, computed by the report code that `make evaluate` prints."""

import pytest

from classifier import dataset
from classifier.evaluation import TARGETS, evaluate
from classifier.text import Normaliser


@pytest.fixture(scope="module")
def report(classifier):
    return evaluate(classifier, dataset.read(dataset.HELDOUT))


def test_no_held_out_complaint_is_also_a_training_complaint():
    normalise = Normaliser()
    trained = {normalise(e.text).strip() for e in dataset.read(dataset.TRAIN)}
    assert not [
        e.source for e in dataset.read(dataset.HELDOUT) if normalise(e.text).strip() in trained
    ]


def test_the_report_covers_every_trained_language(report, classifier):
    assert set(report.by_language) == set(classifier.model.languages)
    assert len(report.by_language) >= 8


def test_held_out_targets_hold(report):
    assert report.overall.category_accuracy >= TARGETS["category_accuracy"]
    assert report.overall.p1_recall >= TARGETS["p1_recall"]
    for language, scores in report.by_language.items():
        assert scores.category_accuracy >= TARGETS["language_floor"], language


def test_no_regression_below_the_measured_numbers(report):
    """Floors just under what the committed model measures beyond the targets."""
    assert report.overall.subcategory_macro_f1 >= 0.88
    assert report.overall.wrongly_rejected == 0
