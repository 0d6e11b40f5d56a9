"""Every MongoDB query of the archive: the append-only event history and the read model."""

from typing import Any

from pymongo import ASCENDING
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError


class ArchiveRepository:
    def __init__(self, database: AsyncDatabase[dict[str, Any]]) -> None:
        self._events = database["events"]
        self._complaints = database["complaints"]

    async def ensure_indexes(self) -> None:
        await self._events.create_index("event_id", unique=True, name="event_id")
        await self._events.create_index(
            [("complaint_id", ASCENDING), ("occurred_at", ASCENDING)], name="complaint_history"
        )
        await self._complaints.create_index("complaint_id", unique=True, name="complaint_id")
        await self._complaints.create_index("number", name="number")

    async def append(self, event: dict[str, Any]) -> bool:
        """Append to the history; False if this event id is already there."""
        try:
            await self._events.insert_one(dict(event))
        except DuplicateKeyError:
            return False
        return True

    async def project(
        self,
        *,
        complaint_id: str,
        status_rank: int,
        fields: dict[str, Any],
        earliest: dict[str, Any],
        latest: dict[str, Any],
    ) -> None:
        """Fold one event into the read model. Every operator here is order-independent, so
        events arriving late or twice, from different topics, leave the same record."""
        update: dict[str, Any] = {
            "$setOnInsert": {"complaint_id": complaint_id},
            "$max": {"status_rank": status_rank, **latest},
        }
        if earliest:
            update["$min"] = earliest
        if fields:
            update["$set"] = fields
        await self._complaints.update_one({"complaint_id": complaint_id}, update, upsert=True)

    async def find_by_number(self, number: str) -> dict[str, Any] | None:
        return await self._complaints.find_one({"number": number}, {"_id": 0})

    async def history(self, complaint_id: str) -> list[dict[str, Any]]:
        cursor = self._events.find({"complaint_id": complaint_id}, {"_id": 0}).sort(
            [("occurred_at", ASCENDING), ("event_type", ASCENDING)]
        )
        return await cursor.to_list(length=1000)
