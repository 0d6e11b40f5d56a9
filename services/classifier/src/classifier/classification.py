"""One decision per complaint: the model, the P1 safety net, channel signals and initial review.

The service and the `ombud-classify` command both call `Classifier.classify_many`, so what is
evaluated is exactly what runs.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from classifier import model as text_model
from classifier.language import LanguageDetector
from classifier.safety import SafetyMatch, imminent_harm
from classifier.taxonomy import (
    REJECTIONS,
    category_of,
    default_priority,
    hinted_subcategory,
)
from classifier.text import Normaliser, letter_count
from shared.submission import Category, Priority

# A body shorter than this (in letters) is read together with its subject.
_SHORT_BODY = 20
# Where imminent harm can be what the complaint is about.
HARM_SUBCATEGORIES = frozenset(
    {"self_harm", "child_safety", "violence_threats", "personal_data_exposed"}
)
# A complaint the label model confidently files outside harm becomes P1 only if the imminent-harm
# model gives it at least this (a clear ban appeal is no emergency because its words sound
# urgent); one about harm, or one the label model is unsure of, needs only the trained threshold.
# In cross-validation 0.05-0.1 reached the target P1 recall with the fewest false alarms; 0.5
# missed indirect goodbyes the label model read as feedback or account requests.
HARM_BEYOND_LABEL = 0.1
# Above this the imminent-harm model also moves a complaint out of "other" into a harm
# subcategory.
CONFIDENT_HARM = 0.5
DEFAULT_REVIEW_THRESHOLD = 0.5


def flagged_by_harm_model(
    subcategory: str, confidence: float, harm_probability: float, threshold: float
) -> bool:
    return harm_probability >= threshold and (
        subcategory in HARM_SUBCATEGORIES
        or harm_probability >= HARM_BEYOND_LABEL
        or confidence < DEFAULT_REVIEW_THRESHOLD
    )


@dataclass(frozen=True)
class ComplaintText:
    text: str
    language: str | None = None  # declared by the channel or the reporter's locale
    subject: str | None = None
    channel: str | None = None
    reported_object_type: str | None = None
    category_hint: str | None = None


@dataclass(frozen=True)
class Decision:
    category: Category | None
    subcategory: str | None
    priority: Priority | None
    language: str
    confidence: float
    model_version: str
    reasons: tuple[str, ...]
    needs_review: bool = False
    rejection: str | None = None  # a key of REJECTIONS: not a complaint, rejected at review

    @property
    def rejection_message(self) -> str | None:
        return REJECTIONS[self.rejection] if self.rejection else None


class Classifier:
    def __init__(
        self,
        *,
        model: text_model.TextModel,
        review_threshold: float,
        reject_threshold: float,
    ) -> None:
        self.model = model
        self.review_threshold = review_threshold
        self.reject_threshold = reject_threshold
        self._normalise = Normaliser()
        self._languages = LanguageDetector()
        self._rejection_labels = {
            i: label.split(":", 1)[1]
            for i, label in enumerate(model.labels)
            if label.startswith("rejected:")
        }
        self._by_category = {
            category: np.array(
                [
                    i
                    for i, label in enumerate(model.labels)
                    if i not in self._rejection_labels and category_of(label) == category
                ]
            )
            for category in {category_of(label) for label in model.labels if ":" not in label}
        }

    @classmethod
    def load(
        cls,
        *,
        model_dir: Path | None = None,
        review_threshold: float = DEFAULT_REVIEW_THRESHOLD,
        reject_threshold: float = 0.6,
    ) -> "Classifier":
        return cls(
            model=text_model.load(model_dir or text_model.BUNDLED),
            review_threshold=review_threshold,
            reject_threshold=reject_threshold,
        )

    def classify(self, complaint: ComplaintText) -> Decision:
        return self.classify_many([complaint])[0]

    def classify_many(self, complaints: list[ComplaintText]) -> list[Decision]:
        if not complaints:
            return []
        texts = [self._normalise(_readable(c)) for c in complaints]
        model_texts = [
            self._normalise(_for_the_model(c)) if c.subject else text
            for c, text in zip(complaints, texts, strict=True)
        ]
        scores = self.model.score(
            model_texts,
            [c.channel for c in complaints],
            [c.reported_object_type for c in complaints],
        )
        return [
            self._decide(complaint, text, row, scores)
            for row, (complaint, text) in enumerate(zip(complaints, texts, strict=True))
        ]

    def _decide(
        self, complaint: ComplaintText, text: str, row: int, scores: text_model.Scores
    ) -> Decision:
        language, language_confidence = self._languages.detect(
            complaint.text, declared=complaint.language
        )
        reasons = [f"language {language} ({language_confidence:.2f})"]
        logits = scores.logits[row].copy()
        hinted = hinted_subcategory(complaint.category_hint)
        if hinted:
            # A hint tilts a close call; clear text still outweighs it.
            logits[self.model.labels.index(hinted)] += self.model.hint_bonus
            reasons.append(f"channel hint {complaint.category_hint!r} supports {hinted}")
        probabilities = _softmax(logits)
        harm = imminent_harm(text)
        ranked = np.argsort(-probabilities)

        # An unfamiliar language is not junk: only reject what the model can read.
        familiar = language in self.model.languages or language_confidence < 0.5
        rejection = self._rejection(complaint, harm, probabilities, ranked[0], familiar=familiar)
        if rejection:
            return Decision(
                category=None,
                subcategory=None,
                priority=None,
                language=language,
                confidence=round(float(probabilities[ranked[0]]), 3),
                model_version=self.model.version,
                reasons=(*reasons, rejection[1]),
                rejection=rejection[0],
            )

        best = self._best_label(probabilities)
        if hinted and probabilities[best] < self.review_threshold:
            # The text says too little to contradict the reason the reporter chose.
            best = self.model.labels.index(hinted)
        subcategory = self.model.labels[best]
        confidence = float(probabilities[best])
        features = self.model.top_features(scores.features[row], best)
        reasons.append(
            f"model {self.model.version}: {subcategory} {confidence:.2f}, "
            f"from {', '.join(repr(f) for f in features) or 'no strong feature'}"
        )
        priority = default_priority(subcategory)
        harm_probability = float(scores.imminent_harm[row])
        harm_model = flagged_by_harm_model(
            subcategory, confidence, harm_probability, self.model.harm_threshold
        )
        if harm or harm_model:
            priority = "P1"
            reasons.extend(match.describe() for match in harm)
            if harm_model:
                reasons.append(f"imminent-harm model {harm_probability:.2f}")
            subcategory = self._harm_subcategory(subcategory, harm, probabilities, harm_probability)
        needs_review = confidence < self.review_threshold
        if needs_review:
            reasons.append(f"confidence below {self.review_threshold}: a person should check")
        return Decision(
            category=category_of(subcategory),
            subcategory=subcategory,
            priority=priority,
            language=language,
            confidence=round(confidence, 3),
            model_version=self.model.version,
            reasons=tuple(reasons),
            needs_review=needs_review,
        )

    def _best_label(self, probabilities: np.ndarray) -> int:
        """The likeliest subcategory of the likeliest category.

        Several near-tied subcategories of one category (a threat that is also harassment) say
        more about the category together than the single best label of another does alone.
        """
        mass = {c: probabilities[i].sum() for c, i in self._by_category.items()}
        members = self._by_category[max(mass, key=mass.__getitem__)]
        return int(members[probabilities[members].argmax()])

    def _rejection(
        self,
        complaint: ComplaintText,
        harm: list[SafetyMatch],
        probabilities: np.ndarray,
        top: int,
        *,
        familiar: bool,
    ) -> tuple[str, str] | None:
        """Reject only what is clearly not a complaint; anything doubtful goes on as one."""
        if harm or complaint.category_hint:
            # A report with a chosen reason, or any sign of harm, is always a complaint.
            return None
        if letter_count(_readable(complaint)) == 0:
            return "junk", "initial review: the text has no words"
        if top not in self._rejection_labels or probabilities[top] < self.reject_threshold:
            return None
        if not familiar:
            return None
        reason = self._rejection_labels[top]
        return reason, f"initial review: {reason} {probabilities[top]:.2f} ({self.model.version})"

    def _harm_subcategory(
        self,
        subcategory: str,
        harm: list[SafetyMatch],
        probabilities: np.ndarray,
        harm_probability: float,
    ) -> str:
        """Keep what the model read, unless it cannot be what a P1 complaint is about.

        A P1 complaint is about a person at risk. An explicit safety phrase names the harm where
        the model reads an app bug or a feature request, or is unsure; a confident imminent-harm
        model moves a complaint out of "other" into the harm the model finds likeliest.
        """
        if subcategory in HARM_SUBCATEGORIES:
            return subcategory
        unsure = probabilities[self.model.labels.index(subcategory)] < self.review_threshold
        if harm and (unsure or category_of(subcategory) == "other"):
            return harm[0].subcategory
        if harm_probability >= CONFIDENT_HARM and category_of(subcategory) == "other":
            return max(HARM_SUBCATEGORIES, key=lambda s: probabilities[self.model.labels.index(s)])
        return subcategory


def _readable(complaint: ComplaintText) -> str:
    """Everything the reporter wrote: the safety net reads all of it."""
    return f"{complaint.subject}\n{complaint.text}" if complaint.subject else complaint.text


def _for_the_model(complaint: ComplaintText) -> str:
    """The body, which says what happened; a form's subject only when the body says too little.

    Subjects are often a form's canned title ("Harassment in comments") that the body goes on to
    contradict; the body is the reporter's own account.
    """
    if complaint.subject and letter_count(complaint.text) >= _SHORT_BODY:
        return complaint.text
    return _readable(complaint)


def _softmax(logits: np.ndarray) -> np.ndarray:
    exponentials = np.exp(logits - logits.max())
    return exponentials / exponentials.sum()
