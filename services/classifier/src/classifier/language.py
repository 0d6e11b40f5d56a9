"""Which language a complaint is written in, with py3langid's bundled model (nothing is fetched)."""

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from classifier.text import letter_count

# Below this many letters the text says too little; a declared language is the better guess.
_SHORT = 20
_CONFIDENT = 0.5


class LanguageDetector:
    def __init__(self) -> None:
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(self, text: str, *, declared: str | None = None) -> tuple[str, float]:
        """The language and how sure we are: the text's own, unless it is too short to tell."""
        declared = declared.split("-")[0].lower() if declared else None
        detected, probability = self._identifier.classify(text)
        if declared and (letter_count(text) < _SHORT or probability < _CONFIDENT):
            return declared, 1.0
        return detected, float(probability)
