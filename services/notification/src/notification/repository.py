"""Every MongoDB query of notification: the delivery log, the reporters' contacts, rate limits."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pymongo import ReturnDocument
from pymongo.asynchronous.database import AsyncDatabase

# Written in the delivery log only for reporters, and removed when their data is erased.
_PERSONAL = ("recipient",)


class DeliveryLog:
    def __init__(self, database: AsyncDatabase[dict[str, Any]]) -> None:
        self._deliveries = database["deliveries"]

    async def ensure_indexes(self) -> None:
        await self._deliveries.create_index("notification_id", unique=True, name="notification_id")
        await self._deliveries.create_index("complaint_id", name="complaint_id")

    async def outcome_of(self, notification_id: str) -> dict[str, Any] | None:
        """The recorded status and channel of a notification, if it has one yet."""
        return await self._deliveries.find_one(
            {"notification_id": notification_id}, {"_id": 0, "status": 1, "channel": 1}
        )

    async def record_attempt(
        self, *, notification_id: str, channel: str, outcome: str, reason: str | None, at: datetime
    ) -> None:
        await self._deliveries.update_one(
            {"notification_id": notification_id},
            {
                "$push": {
                    "attempts": {"channel": channel, "outcome": outcome, "reason": reason, "at": at}
                },
                "$setOnInsert": {"notification_id": notification_id, "created_at": at},
            },
            upsert=True,
        )

    async def record(
        self,
        *,
        notification_id: str,
        complaint_id: str,
        kind: str,
        role: str,
        channel: str | None,
        recipient: str | None,
        status: str,
        at: datetime,
        reason: str | None = None,
        segments: int | None = None,
    ) -> None:
        await self._deliveries.update_one(
            {"notification_id": notification_id},
            {
                "$set": {
                    "complaint_id": complaint_id,
                    "kind": kind,
                    "role": role,
                    "channel": channel,
                    "recipient": recipient,
                    "status": status,
                    "reason": reason,
                    "segments": segments,
                    "updated_at": at,
                },
                "$setOnInsert": {"notification_id": notification_id, "created_at": at},
            },
            upsert=True,
        )

    async def scrub_reporter(self, complaint_id: str, *, at: datetime) -> int:
        """Forget whom the reporter's messages went to; what was sent, when and how stays."""
        result = await self._deliveries.update_many(
            {"complaint_id": complaint_id, "role": "reporter"},
            {"$unset": dict.fromkeys(_PERSONAL, ""), "$set": {"erased_at": at}},
        )
        return result.modified_count

    async def find(self, notification_id: str) -> dict[str, Any] | None:
        return await self._deliveries.find_one({"notification_id": notification_id}, {"_id": 0})


@dataclass(frozen=True)
class Contact:
    number: str
    email: str | None = None
    phone: str | None = None
    preferred: str = "email"
    locale: str | None = None
    erased: bool = False


class Contacts:
    """How to reach each complaint's reporter; an erased one leaves a tombstone, not its data."""

    def __init__(self, database: AsyncDatabase[dict[str, Any]]) -> None:
        self._contacts = database["contacts"]

    async def ensure_indexes(self) -> None:
        await self._contacts.create_index("complaint_id", unique=True, name="complaint_id")

    async def remember(self, *, complaint_id: str, contact: Contact, at: datetime) -> None:
        # $setOnInsert only: a late copy of the complaint never revives an erased contact.
        await self._contacts.update_one(
            {"complaint_id": complaint_id},
            {
                "$setOnInsert": {
                    "complaint_id": complaint_id,
                    "email": contact.email,
                    "phone": contact.phone,
                    "preferred": contact.preferred,
                    "locale": contact.locale,
                    "number": contact.number,
                    "created_at": at,
                }
            },
            upsert=True,
        )

    async def get(self, complaint_id: str) -> Contact | None:
        """The contact (an erased one has no data left), or None if the complaint is unknown."""
        entry = await self._contacts.find_one({"complaint_id": complaint_id}, {"_id": 0})
        if entry is None:
            return None
        if entry.get("erased_at"):
            return Contact(number=entry.get("number", ""), erased=True)
        # .get: a missing value may come back as an absent field rather than null.
        return Contact(
            number=entry["number"],
            email=entry.get("email"),
            phone=entry.get("phone"),
            preferred=entry.get("preferred", "email"),
            locale=entry.get("locale"),
        )

    async def erase(self, complaint_id: str, *, at: datetime) -> None:
        await self._contacts.update_one(
            {"complaint_id": complaint_id},
            {
                "$unset": {"email": "", "phone": "", "locale": "", "preferred": ""},
                "$set": {"erased_at": at},
                "$setOnInsert": {"complaint_id": complaint_id},
            },
            upsert=True,
        )


class RateLimits:
    """Messages per address and fixed window, counted under a keyed fingerprint of the address."""

    def __init__(self, database: AsyncDatabase[dict[str, Any]]) -> None:
        self._windows = database["rate_limits"]

    async def ensure_indexes(self) -> None:
        await self._windows.create_index("window_start", name="window_start")

    async def take(self, *, key: str, limit: int, window: timedelta, at: datetime) -> bool:
        """Count one message for `key`; False if that exceeds `limit` in the current window."""
        start = datetime.fromtimestamp(
            at.timestamp() // window.total_seconds() * window.total_seconds(), tz=at.tzinfo
        )
        entry = await self._windows.find_one_and_update(
            {"_id": f"{key}:{int(start.timestamp())}"},
            {"$inc": {"count": 1}, "$setOnInsert": {"window_start": start}},
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )
        if entry["count"] == 1:
            # A new window began: older ones can go (the store has no TTL indexes).
            await self._windows.delete_many({"window_start": {"$lt": start - window}})
        return bool(entry["count"] <= limit)
