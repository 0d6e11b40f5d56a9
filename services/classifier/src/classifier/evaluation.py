"""`ombud-classifier-evaluate`: the held-out report, per language, and confusion-matrix plots.

The test suite calls `evaluate` too, so the targets it checks are the numbers printed here.
"""

import argparse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score

from classifier import dataset
from classifier.classification import Classifier, ComplaintText, Decision
from classifier.taxonomy import category_of

REPORTS = Path(__file__).resolve().parents[2] / "reports"
TARGETS = {"category_accuracy": 0.90, "p1_recall": 0.98, "language_floor": 0.80}


@dataclass(frozen=True)
class Scores:
    complaints: int
    category_accuracy: float
    subcategory_macro_f1: float
    p1_recall: float | None  # None where the group has no P1 complaint
    p1_complaints: int
    p1_precision: float | None  # of the complaints marked P1, the share that are
    wrongly_rejected: int  # real complaints rejected at initial review


@dataclass(frozen=True)
class Report:
    model_version: str
    overall: Scores
    by_language: dict[str, Scores]
    unseen_languages: Scores | None
    truth: list[tuple[str, str]]  # (category, label) per trained-language example
    predicted: list[tuple[str, str]]

    def meets_targets(self) -> bool:
        return (
            self.overall.category_accuracy >= TARGETS["category_accuracy"]
            and (self.overall.p1_recall or 0) >= TARGETS["p1_recall"]
            and all(
                s.category_accuracy >= TARGETS["language_floor"] for s in self.by_language.values()
            )
        )


def outcome(decision: Decision) -> tuple[str, str, str | None]:
    """(category, label, priority) of a decision, in the dataset's terms."""
    if decision.rejection:
        return "rejected", f"rejected:{decision.rejection}", None
    assert decision.category and decision.subcategory
    return decision.category, decision.subcategory, decision.priority


def expected(example: dataset.Example) -> tuple[str, str, str | None]:
    category = "rejected" if example.rejected else category_of(example.label)
    return category, example.label, example.priority


def _scores(pairs: list[tuple[tuple[str, str, str | None], tuple[str, str, str | None]]]) -> Scores:
    truth, predicted = [t for t, _ in pairs], [p for _, p in pairs]
    p1 = [p[2] == "P1" for t, p in pairs if t[2] == "P1"]
    marked = [t[2] == "P1" for t, p in pairs if p[2] == "P1"]
    return Scores(
        complaints=len(pairs),
        category_accuracy=accuracy_score([t[0] for t in truth], [p[0] for p in predicted]),
        subcategory_macro_f1=f1_score(
            [t[1] for t in truth], [p[1] for p in predicted], average="macro", zero_division=0
        ),
        p1_recall=sum(p1) / len(p1) if p1 else None,
        p1_complaints=len(p1),
        p1_precision=sum(marked) / len(marked) if marked else None,
        wrongly_rejected=sum(t[0] != "rejected" and p[0] == "rejected" for t, p in pairs),
    )


def evaluate(classifier: Classifier, examples: list[dataset.Example]) -> Report:
    decisions = classifier.classify_many(
        [
            ComplaintText(
                text=e.text,
                channel=e.channel,
                reported_object_type=e.reported_object_type,
                category_hint=e.category_hint,
            )
            for e in examples
        ]
    )
    trained, unseen = [], []
    by_language = defaultdict(list)
    for example, decision in zip(examples, decisions, strict=True):
        pair = (expected(example), outcome(decision))
        if example.language in classifier.model.languages:
            trained.append(pair)
            by_language[example.language].append(pair)
        else:
            unseen.append(pair)
    return Report(
        model_version=classifier.model.version,
        overall=_scores(trained),
        by_language={lang: _scores(pairs) for lang, pairs in sorted(by_language.items())},
        unseen_languages=_scores(unseen) if unseen else None,
        truth=[(t[0], t[1]) for t, _ in trained],
        predicted=[(p[0], p[1]) for _, p in trained],
    )


def _row(name: str, s: Scores) -> str:
    p1 = f"{s.p1_recall:.3f} ({s.p1_complaints})" if s.p1_recall is not None else "-"
    precision = f"{s.p1_precision:.3f}" if s.p1_precision is not None else "-"
    return (
        f"{name:<10}{s.complaints:>6}{s.category_accuracy:>10.3f}"
        f"{s.subcategory_macro_f1:>10.3f}   {p1:<13}{precision:>10}{s.wrongly_rejected:>10}"
    )


def render(report: Report) -> str:
    lines = [
        f"held-out report, model {report.model_version}",
        f"{'language':<10}{'n':>6}{'cat acc':>10}{'sub F1':>10}   {'P1 recall (n)':<13}"
        f"{'P1 prec':>10}{'rejected*':>10}",
        *(_row(lang, s) for lang, s in report.by_language.items()),
        _row("overall", report.overall),
    ]
    if report.unseen_languages:
        lines.append(_row("unseen**", report.unseen_languages))
    lines.append("* real complaints wrongly rejected at initial review")
    if report.unseen_languages:
        lines.append("** languages the model never trained on; not part of the targets")
    verdict = "met" if report.meets_targets() else "NOT met"
    lines.append(
        f"targets (category accuracy >= {TARGETS['category_accuracy']}, P1 recall >= "
        f"{TARGETS['p1_recall']}, every language >= {TARGETS['language_floor']}): {verdict}"
    )
    return "\n".join(lines)


def plot(report: Report, out: Path) -> list[Path]:
    """Confusion matrices of categories and of subcategories, as PNG files."""
    # A development dependency, imported only when plots are asked for.
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index, (name, size) in enumerate((("category", 7), ("subcategory", 16))):
        figure, axes = plt.subplots(figsize=(size + 1, size))
        ConfusionMatrixDisplay.from_predictions(
            [t[index] for t in report.truth],
            [p[index] for p in report.predicted],
            ax=axes,
            xticks_rotation="vertical",
            colorbar=False,
        )
        axes.set_title(f"Held-out {name} confusion ({report.model_version})")
        figure.tight_layout()
        path = out / f"confusion_{name}.png"
        figure.savefig(path, dpi=80)
        plt.close(figure)
        written.append(path)
    return written


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=dataset.HELDOUT)
    parser.add_argument("--plots", type=Path, default=REPORTS)
    arguments = parser.parse_args()
    report = evaluate(Classifier.load(), dataset.read(arguments.data))
    print(render(report))
    for path in plot(report, arguments.plots):
        print(f"wrote {path}")
