"""Every MongoDB query of the classifier: one decision per complaint, with the rules version."""

from typing import Any

from pymongo.asynchronous.database import AsyncDatabase


class DecisionRepository:
    def __init__(self, database: AsyncDatabase[dict[str, Any]]) -> None:
        self._decisions = database["decisions"]

    async def ensure_indexes(self) -> None:
        await self._decisions.create_index("complaint_id", unique=True, name="complaint_id")

    async def keep_first(self, *, complaint_id: str, decision: dict[str, Any]) -> dict[str, Any]:
        """Store `decision` unless one exists; return the stored one either way."""
        await self._decisions.update_one(
            {"complaint_id": complaint_id},
            {"$setOnInsert": {"complaint_id": complaint_id, **decision}},
            upsert=True,
        )
        stored = await self._decisions.find_one({"complaint_id": complaint_id}, {"_id": 0})
        assert stored is not None
        return stored
