import pytest

from classifier.classification import Classifier


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    """The bundled model, loaded once: it is read-only."""
    return Classifier.load()
