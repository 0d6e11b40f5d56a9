"""In-memory stand-ins for assignment's repositories, with the same semantics."""

import copy
from datetime import datetime, timedelta
from typing import Any

from assignment.directory import Seed
from assignment.lifecycle import OPEN


class FakeCases:
    def __init__(self) -> None:
        self.cases: dict[str, dict[str, Any]] = {}
        self.timers: dict[str, dict[str, Any]] = {}

    async def find(self, complaint_id: str) -> dict[str, Any] | None:
        return copy.deepcopy(self.cases.get(complaint_id))

    async def find_by_number(self, number: str) -> dict[str, Any] | None:
        return copy.deepcopy(next((c for c in self.cases.values() if c["number"] == number), None))

    async def members(self, case_id: str) -> list[dict[str, Any]]:
        return [
            copy.deepcopy(c)
            for c in self.cases.values()
            if c["case_id"] == case_id and not c["primary"]
        ]

    async def insert(self, case: dict[str, Any]) -> bool:
        if case["complaint_id"] in self.cases:
            return False
        self.cases[case["complaint_id"]] = copy.deepcopy({**case, "version": 1})
        return True

    async def save(self, case: dict[str, Any]) -> bool:
        stored = self.cases[case["complaint_id"]]
        if stored["version"] != case["version"]:
            return False
        case["version"] += 1
        self.cases[case["complaint_id"]] = copy.deepcopy(case)
        return True

    async def clear_outbox(self, complaint_id: str, *, version: int) -> None:
        if self.cases[complaint_id]["version"] == version:
            self.cases[complaint_id]["outbox"] = []

    async def open_case_about(self, object_key: str, *, since: datetime) -> dict[str, Any] | None:
        return copy.deepcopy(
            next(
                (
                    c
                    for c in self.cases.values()
                    if c.get("object_key") == object_key
                    and c["primary"]
                    and c["received_at"] >= since
                    and c["status"] in OPEN
                ),
                None,
            )
        )

    async def open_load(self, handler_ids: list[str]) -> dict[str, int]:
        return {
            h: sum(
                1 for c in self.cases.values() if c.get("handler_id") == h and c["status"] in OPEN
            )
            for h in handler_ids
        }

    async def set_timers(self, complaint_id: str, timers: list[dict[str, Any]]) -> None:
        for timer in timers:
            self.timers[timer["_id"]] = {**timer, "complaint_id": complaint_id, "state": "pending"}

    async def cancel_timers(self, complaint_id: str, deadline: str) -> None:
        for timer in self.timers.values():
            if timer["complaint_id"] == complaint_id and timer["deadline"] == deadline:
                timer["state"] = "cancelled"

    async def pause_timers(self, complaint_id: str) -> None: ...

    async def resume_timers(self, complaint_id: str, by: timedelta) -> None: ...


class FakeDirectory:
    def __init__(self, seed: Seed) -> None:
        self._teams, handlers = seed.split()
        self._handlers = {h.id: h for h in handlers}

    async def team_for(self, category: str):
        return next((t for t in self._teams if category in t.categories), None)

    async def team(self, team_id: str):
        return next((t for t in self._teams if t.id == team_id), None)

    async def handlers(self, team_id: str):
        return sorted((h for h in self._handlers.values() if h.team == team_id), key=lambda h: h.id)

    async def handler(self, handler_id: str):
        return self._handlers.get(handler_id)
