"""The labelled complaints in the repository: what training learns from and evaluation checks."""

import json
from dataclasses import dataclass
from pathlib import Path

from classifier.taxonomy import REJECTIONS, SUBCATEGORIES

# The workspace's copy; the data is not shipped inside the package.
DATA = Path(__file__).resolve().parents[2] / "data"
TRAIN = DATA / "train"
HELDOUT = DATA / "heldout"
# Languages the model never trains on, reported apart from the targets.
UNSEEN_FILE = "other.jsonl"


@dataclass(frozen=True)
class Example:
    text: str
    language: str
    label: str  # a subcategory, or "rejected:<reason>"
    priority: str | None
    channel: str | None = None
    reported_object_type: str | None = None
    category_hint: str | None = None
    source: str = ""

    @property
    def rejected(self) -> bool:
        return self.label.startswith("rejected:")


def _example(record: dict[str, str], source: str) -> Example:
    if "rejected" in record:
        if record["rejected"] not in REJECTIONS:
            raise ValueError(f"{source}: unknown rejection {record['rejected']!r}")
        label, priority = f"rejected:{record['rejected']}", None
    else:
        if record["subcategory"] not in SUBCATEGORIES:
            raise ValueError(f"{source}: unknown subcategory {record['subcategory']!r}")
        label, priority = record["subcategory"], record["priority"]
    return Example(
        text=record["text"],
        language=record["language"],
        label=label,
        priority=priority,
        channel=record.get("channel"),
        reported_object_type=record.get("reported_object_type"),
        category_hint=record.get("category_hint"),
        source=source,
    )


def read(folder: Path, *, include_unseen: bool = True) -> list[Example]:
    examples = []
    for path in sorted(folder.glob("*.jsonl")):
        if path.name == UNSEEN_FILE and not include_unseen:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                examples.append(_example(json.loads(line), f"{path.name}:{number}"))
    return examples
