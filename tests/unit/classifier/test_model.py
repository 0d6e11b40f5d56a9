import numpy as np

from classifier import dataset
from classifier import model as text_model
from classifier.text import Normaliser


def test_features_are_the_fitted_vectorizers_own_numbers():
    """`featurise` builds TF-IDF itself for speed; it must equal sklearn's transform()."""
    loaded = text_model.load()
    normalise = Normaliser()
    texts = [normalise(e.text) for e in dataset.read(dataset.TRAIN)[:200]]
    theirs = loaded.vectorizer.transform(texts).toarray()
    ours = np.zeros_like(theirs)
    vocabulary = theirs.shape[1]
    for row, features in enumerate(
        loaded.featurise(texts, [None] * len(texts), [None] * len(texts))
    ):
        n_grams = features.columns < vocabulary  # the rest are channel signals and cue concepts
        ours[row, features.columns[n_grams]] = features.values[n_grams]
    assert np.abs(ours - theirs).max() < 1e-9


def test_the_artifact_is_plain_data_and_small():
    folder = text_model.BUNDLED
    size = sum(path.stat().st_size for path in folder.iterdir())
    assert size < 6_000_000  # about 76,000 n-grams and words x 29 labels in float16, and names
    with np.load(folder / "weights.npz", allow_pickle=False) as arrays:
        assert set(arrays.files) == {"weights", "bias", "harm_weights", "idf_chars", "idf_words"}


def test_scores_have_one_row_per_complaint_and_one_column_per_label():
    loaded = text_model.load()
    scores = loaded.score(
        ["my account was hacked", "please add dark mode"], [None, "app"], [None, None]
    )
    assert scores.logits.shape == (2, len(loaded.labels))
    assert len(scores.features) == 2
