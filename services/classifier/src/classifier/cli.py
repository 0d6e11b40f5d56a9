"""`ombud-classify`: JSONL complaints on stdin, one JSONL decision per line on stdout, in order.

Input fields: `text`, and optionally `language`, `channel`, `reported_object_type`,
`category_hint` (others are ignored, so a labelled dataset file can be piped in). A line that
is not a valid complaint gets an `{"line": n, "error": ...}` line in its place and the rest go
on; the exit status is then 1. It runs the service's own `Classifier`, with the same settings.
"""

import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from classifier.classification import Classifier, ComplaintText, Decision
from classifier.settings import ClassifierSettings

BATCH = 256


class ClassifyRequest(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    language: str | None = None
    channel: str | None = None
    reported_object_type: str | None = None
    category_hint: str | None = None


def parse(number: int, line: str) -> ComplaintText | dict[str, Any]:
    """A complaint, or the error line that stands in for it."""
    try:
        request = ClassifyRequest.model_validate_json(line)
    except ValidationError as error:
        problems = error.errors(include_input=False, include_url=False, include_context=False)
        message = "; ".join(
            f"{'.'.join(map(str, p['loc'])) or 'line'}: {p['msg']}" for p in problems
        )
        return {"line": number, "error": message}
    return ComplaintText(**request.model_dump())


def as_output(decision: Decision) -> dict[str, Any]:
    output: dict[str, Any] = {
        "category": decision.category,
        "subcategory": decision.subcategory,
        "priority": decision.priority,
        "language": decision.language,
        "confidence": decision.confidence,
        "needs_review": decision.needs_review,
        "model_version": decision.model_version,
        "reasons": list(decision.reasons),
    }
    if decision.rejection:
        output |= {"rejected": decision.rejection, "reason": decision.rejection_message}
    return output


def classify_lines(classifier: Classifier, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    numbered = ((n, line) for n, line in enumerate(lines, 1) if line.strip())
    while batch := list(itertools.islice(numbered, BATCH)):
        parsed = [parse(n, line) for n, line in batch]
        complaints = [p for p in parsed if isinstance(p, ComplaintText)]
        decisions = iter(classifier.classify_many(complaints))
        for item in parsed:
            yield as_output(next(decisions)) if isinstance(item, ComplaintText) else item


def run() -> None:
    settings = ClassifierSettings()
    classifier = Classifier.load(
        review_threshold=settings.review_threshold, reject_threshold=settings.reject_threshold
    )
    failed = 0
    for output in classify_lines(classifier, sys.stdin):
        failed += "error" in output
        sys.stdout.write(json.dumps(output, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if failed:
        print(f"ombud-classify: {failed} line(s) were not valid complaints", file=sys.stderr)
        sys.exit(1)
