"""Every MongoDB query of notification: the delivery log, one entry per notification id."""

from datetime import datetime
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase


class DeliveryLog:
    def __init__(self, database: AsyncDatabase[dict[str, Any]]) -> None:
        self._deliveries = database["deliveries"]

    async def ensure_indexes(self) -> None:
        await self._deliveries.create_index("notification_id", unique=True, name="notification_id")
        await self._deliveries.create_index("complaint_id", name="complaint_id")

    async def status_of(self, notification_id: str) -> str | None:
        entry = await self._deliveries.find_one({"notification_id": notification_id}, {"status": 1})
        return entry["status"] if entry else None

    async def record(
        self,
        *,
        notification_id: str,
        complaint_id: str,
        kind: str,
        channel: str,
        status: str,
        at: datetime,
        reason: str | None = None,
    ) -> None:
        await self._deliveries.update_one(
            {"notification_id": notification_id},
            {
                "$set": {"status": status, "reason": reason, "updated_at": at},
                "$setOnInsert": {
                    "notification_id": notification_id,
                    "complaint_id": complaint_id,
                    "kind": kind,
                    "channel": channel,
                    "created_at": at,
                },
            },
            upsert=True,
        )
