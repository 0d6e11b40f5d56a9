"""Deadlines from receipt — initial review 24 h, investigation 48 h, result 72 h, appeal 14 days —
configurable per category and priority, with a warning at 75 % of each."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.events import Deadline

DEFAULT_HOURS: dict[Deadline, float] = {
    "initial_review": 24,
    "investigation": 48,
    "result": 72,
    "appeal": 14 * 24,
}
RECEIPT_DEADLINES: tuple[Deadline, ...] = ("initial_review", "investigation", "result")


@dataclass(frozen=True)
class DeadlinePolicy:
    """Hours per deadline; overrides keyed 'category', 'priority' or 'category/priority',
    the most specific winning."""

    overrides: dict[str, dict[Deadline, float]]
    warn_fraction: float = 0.75

    def hours(self, deadline: Deadline, *, category: str, priority: str) -> float:
        for key in (f"{category}/{priority}", priority, category):
            if deadline in self.overrides.get(key, {}):
                return self.overrides[key][deadline]
        return DEFAULT_HOURS[deadline]

    def schedule(
        self, deadline: Deadline, *, start: datetime, category: str, priority: str
    ) -> dict[str, datetime]:
        length = timedelta(hours=self.hours(deadline, category=category, priority=priority))
        return {"warn_at": start + length * self.warn_fraction, "due_at": start + length}
