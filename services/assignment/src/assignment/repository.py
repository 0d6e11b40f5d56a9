"""Every MongoDB query of assignment: open cases and each team's round-robin cursor."""

from typing import Any

from pymongo import ReturnDocument
from pymongo.asynchronous.database import AsyncDatabase


class CaseRepository:
    def __init__(self, database: AsyncDatabase[dict[str, Any]]) -> None:
        self._cases = database["cases"]
        self._cursors = database["round_robin"]

    async def ensure_indexes(self) -> None:
        await self._cases.create_index("complaint_id", unique=True, name="complaint_id")
        await self._cases.create_index([("team", 1), ("status", 1)], name="team_status")

    async def find(self, complaint_id: str) -> dict[str, Any] | None:
        return await self._cases.find_one({"complaint_id": complaint_id}, {"_id": 0})

    async def next_turn(self, team_id: str) -> int:
        cursor = await self._cursors.find_one_and_update(
            {"_id": team_id},
            {"$inc": {"turn": 1}},
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )
        assert cursor is not None
        return int(cursor["turn"]) - 1

    async def keep_first(self, *, complaint_id: str, case: dict[str, Any]) -> dict[str, Any]:
        await self._cases.update_one(
            {"complaint_id": complaint_id},
            {"$setOnInsert": {"complaint_id": complaint_id, **case}},
            upsert=True,
        )
        stored = await self.find(complaint_id)
        assert stored is not None
        return stored
