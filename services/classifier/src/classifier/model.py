"""The trained text model: character n-grams and words in, label probabilities and reasons out.

The artifact is plain data (a JSON file and a NumPy archive, no pickle), so loading a model can
never run code, and it stays small enough to commit.
"""

import json
from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from classifier.lexicon import Lexicon

BUNDLED = Path(__file__).parent / "model"

# Two views of the text, each weighted by TF-IDF and normalised on its own. Character n-grams
# within words are robust to typos, slang and inflection, and to languages written without
# spaces; the same vocabulary serves every language. Words and word pairs see what four
# characters cannot ("not hacked", "my daughter"). Accents are folded because people type
# without them ("securite", "hesabim", "perche"). In cross-validation over whole training files
# each of the two lifted category accuracy, most in French, Italian and Turkish. An n-gram must
# occur in five complaints, a word or pair in three: rarer ones are mostly names and typos, and
# these floors did best there, as did words weighing 0.7 of the n-grams (1.4, 1.0, 0.5 and 0.35
# did worse): a softer voice for words that are often rarer and misspelt.
VIEWS: dict[str, dict[str, Any]] = {
    "chars": {"analyzer": "char_wb", "ngram_range": (1, 4), "min_df": 5},
    "words": {
        "analyzer": "word",
        "ngram_range": (1, 2),
        "token_pattern": r"(?u)\b\w+\b",
        "min_df": 3,
    },
}
SHARED = {"strip_accents": "unicode", "sublinear_tf": True}
WEIGHTS = {"chars": 1.0, "words": 0.7}


_UNINFORMATIVE = frozenset({"channel=web", "object=none"})


def make_vectorizer(vocabularies: dict[str, list[str]] | None = None) -> FeatureUnion:
    """The views side by side, to fit or, given their vocabularies, to load."""
    return FeatureUnion(
        [
            (
                name,
                TfidfVectorizer(
                    **SHARED, **view, vocabulary=vocabularies[name] if vocabularies else None
                ),
            )
            for name, view in VIEWS.items()
        ],
        transformer_weights=WEIGHTS,
    )


def signal_names(channel: str | None, reported_object_type: str | None) -> list[str]:
    """Channel signals as features the model weighs against the text."""
    return [f"channel={channel or 'web'}", f"object={reported_object_type or 'none'}"]


def extra_features(
    lexicon: Lexicon, text: str, channel: str | None, reported_object_type: str | None
) -> list[str]:
    """Named features besides the n-grams: channel signals and multilingual cue concepts."""
    concepts = [f"concept={lexicon.names[i]}" for i in sorted(lexicon.concepts(text))]
    return [*signal_names(channel, reported_object_type), *concepts]


@dataclass(frozen=True)
class Features:
    """One complaint's non-zero features: their columns and their values."""

    columns: np.ndarray
    values: np.ndarray


@dataclass(frozen=True)
class Scores:
    logits: np.ndarray  # one row per complaint, one column per label
    imminent_harm: np.ndarray  # probability of P1 per complaint
    features: list[Features]  # per complaint


class TextModel:
    def __init__(
        self,
        *,
        version: str,
        labels: tuple[str, ...],
        languages: frozenset[str],
        vectorizer: FeatureUnion,
        signals: tuple[str, ...],
        weights: np.ndarray,
        bias: np.ndarray,
        harm_weights: np.ndarray,
        harm_bias: float,
        harm_threshold: float,
        hint_bonus: float,
    ) -> None:
        self.version = version
        self.labels = labels
        self.languages = languages
        self.harm_threshold = harm_threshold
        self.hint_bonus = hint_bonus
        self.vectorizer = vectorizer
        # sklearn's own analyzers and vocabularies; see `featurise` for why not its transform().
        views, weight = vectorizer.transformer_list, vectorizer.transformer_weights
        n_grams = [feature for _, view in views for feature in view.get_feature_names_out()]
        # Each view's columns follow the previous views' columns.
        offsets = np.cumsum([0, *(len(view.vocabulary_) for _, view in views)])
        self._views = [
            (view.build_analyzer(), view.vocabulary_, view.idf_, weight[name], offset)
            for (name, view), offset in zip(views, offsets[:-1], strict=True)
        ]
        self.lexicon = Lexicon()
        self._signals = {name: i + len(n_grams) for i, name in enumerate(signals)}
        # float64 like the features, so no product converts on every call; C order, so the
        # rows a complaint's features pick are contiguous.
        self._weights = np.ascontiguousarray(weights, dtype=np.float64)
        self._bias = bias.astype(np.float64)
        self._harm_weights = np.ascontiguousarray(harm_weights, dtype=np.float64)
        self._harm_bias = harm_bias
        self._names = [*n_grams, *signals]

    def featurise(
        self, texts: list[str], channels: list[str | None], objects: list[str | None]
    ) -> list[Features]:
        """Features of normalised texts with their channel and reported object type.

        The same numbers as the fitted views' transform() (sublinear tf, idf, l2 norm, the
        view's weight; a unit test holds them equal), built directly: for one complaint at a
        time, as the service classifies, transform()'s input checks and sparse matrices cost more
        than the work itself.
        """
        return [
            self._featurise(text, channel, kind)
            for text, channel, kind in zip(texts, channels, objects, strict=True)
        ]

    def _featurise(self, text: str, channel: str | None, kind: str | None) -> Features:
        columns, values = [], []
        for analyse, vocabulary, idf, weight, offset in self._views:
            counts = Counter(map(vocabulary.get, analyse(text), repeat(-1)))
            counts.pop(-1, None)  # n-grams outside the vocabulary
            view_columns = np.fromiter(counts, dtype=np.intp, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            tfidf = (1.0 + np.log(tf)) * idf[view_columns]
            norm = np.sqrt(tfidf @ tfidf)
            columns.append(view_columns + offset)
            values.append(tfidf * (weight / norm) if norm else tfidf)
        signals = [
            self._signals[name]
            for name in extra_features(self.lexicon, text, channel, kind)
            if name in self._signals
        ]
        return Features(
            columns=np.concatenate([*columns, np.array(signals, dtype=np.intp)]),
            values=np.concatenate([*values, np.ones(len(signals))]),
        )

    def score(
        self, texts: list[str], channels: list[str | None], objects: list[str | None]
    ) -> Scores:
        features = self.featurise(texts, channels, objects)
        logits = np.array([f.values @ self._weights[f.columns] for f in features])
        harm = np.array([f.values @ self._harm_weights[f.columns] for f in features])
        return Scores(
            logits=logits + self._bias,
            imminent_harm=1.0 / (1.0 + np.exp(-(harm + self._harm_bias))),
            features=features,
        )

    def top_features(self, features: Features, label: int, n: int = 4) -> list[str]:
        """The n-grams that pushed this complaint most towards `label`."""
        indices = features.columns
        contributions = features.values * self._weights[indices, label]
        names: list[str] = []
        for i in np.argsort(-contributions):
            name = self._names[indices[i]].strip()
            if contributions[i] <= 0 or len(names) == n:
                break
            # Defaults say nothing about this complaint; " mij" and "mij " read the same.
            if name not in names and name not in _UNINFORMATIVE:
                names.append(name)
        return names


def save(model_dir: Path, *, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    model_dir.mkdir(parents=True, exist_ok=True)
    (model_dir / "model.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    np.savez_compressed(model_dir / "weights.npz", **arrays)


def load(model_dir: Path = BUNDLED) -> TextModel:
    meta = json.loads((model_dir / "model.json").read_text(encoding="utf-8"))
    vectorizer = make_vectorizer(meta["vocabulary"])
    with np.load(model_dir / "weights.npz", allow_pickle=False) as arrays:
        weights = arrays["weights"].astype(np.float32)
        bias = arrays["bias"].astype(np.float32)
        harm_weights = arrays["harm_weights"].astype(np.float32)
        for name, view in vectorizer.transformer_list:
            view.idf_ = arrays[f"idf_{name}"].astype(np.float64)
    return TextModel(
        version=meta["version"],
        labels=tuple(meta["labels"]),
        languages=frozenset(meta["languages"]),
        vectorizer=vectorizer,
        signals=tuple(meta["signals"]),
        weights=weights,
        bias=bias,
        harm_weights=harm_weights,
        harm_bias=float(meta["harm_bias"]),
        harm_threshold=float(meta["harm_threshold"]),
        hint_bonus=float(meta["hint_bonus"]),
    )
