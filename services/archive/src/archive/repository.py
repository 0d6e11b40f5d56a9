"""Every MongoDB query of the archive: the append-only history, the read model, erasures."""

from datetime import datetime
from typing import Any

from pymongo import ASCENDING
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

Document = dict[str, Any]
# Personal data inside stored events, by event type: erased, while what counts stays.
_ERASURE: dict[str, Document] = {
    "complaint.received": {
        "$unset": {
            "submission.reporter": "",
            "submission.subject": "",
            "submission.attachments": "",
            "submission.reported_object.url": "",
        },
        "$set": {"submission.text": "[erased]"},
    },
    "complaint.feedback_given": {"$unset": {"comment": ""}},
    "complaint.information_provided": {"$set": {"answer": "[erased]", "evidence": []}},
    "complaint.appeal_filed": {"$set": {"reasons": "[erased]", "evidence": []}},
    "complaint.note_added": {"$set": {"note": "[erased]", "evidence": []}},
}


class ArchiveRepository:
    def __init__(self, database: AsyncDatabase[Document]) -> None:
        self._events = database["events"]
        self._complaints = database["complaints"]
        self._erasures = database["erasures"]

    async def ensure_indexes(self) -> None:
        await self._events.create_index("event_id", unique=True, name="event_id")
        await self._events.create_index(
            [("complaint_id", ASCENDING), ("occurred_at", ASCENDING)], name="complaint_history"
        )
        await self._complaints.create_index("complaint_id", unique=True, name="complaint_id")
        await self._complaints.create_index("number", name="number")
        await self._complaints.create_index("contact_fingerprints", name="contacts")
        await self._complaints.create_index("last_event_at", name="last_event")

    async def append(self, event: Document) -> bool:
        """Append to the history; False if this event id is already there."""
        try:
            await self._events.insert_one(dict(event))
        except DuplicateKeyError:
            return False
        return True

    async def project(
        self,
        complaint_id: str,
        *,
        at: datetime,
        fields: Document,
        earliest: Document,
        status: str | None,
        only_over: tuple[str, ...] | None,
        latest_fields: Document,
    ) -> None:
        """Fold one event into the read model with order-independent updates only."""
        update: Document = {
            "$setOnInsert": {"complaint_id": complaint_id},
            "$max": {"last_event_at": at},
        }
        if earliest:
            update["$min"] = earliest
        if fields:
            update["$set"] = fields
        await self._complaints.update_one({"complaint_id": complaint_id}, update, upsert=True)
        if status is not None:
            await self._replace_if_later(
                complaint_id, "status", at, {"status": status}, only_over=only_over
            )
        if latest_fields:
            group = next(iter(latest_fields))
            await self._replace_if_later(complaint_id, group, at, latest_fields)

    async def _replace_if_later(
        self,
        complaint_id: str,
        group: str,
        at: datetime,
        values: Document,
        *,
        only_over: tuple[str, ...] | None = None,
    ) -> None:
        stamp = f"set_at.{group}"
        query: Document = {
            "complaint_id": complaint_id,
            "$or": [{stamp: {"$lte": at}}, {stamp: {"$exists": False}}],
        }
        if only_over is not None:
            query["status"] = {"$in": list(only_over)}
        await self._complaints.update_one(query, {"$set": {**values, stamp: at}})

    async def find_by_number(self, number: str) -> Document | None:
        return await self._complaints.find_one({"number": number}, {"_id": 0})

    async def history(self, complaint_id: str) -> list[Document]:
        cursor = self._events.find({"complaint_id": complaint_id}, {"_id": 0}).sort(
            [("occurred_at", ASCENDING), ("event_type", ASCENDING)]
        )
        return await cursor.to_list(length=1000)

    async def complaints_of(self, fingerprint: str) -> list[Document]:
        cursor = self._complaints.find({"contact_fingerprints": fingerprint}, {"_id": 0})
        return await cursor.to_list(length=None)

    async def expired(self, before: datetime) -> list[Document]:
        cursor = self._complaints.find(
            {"last_event_at": {"$lt": before}, "anonymised": {"$ne": True}}, {"_id": 0}
        )
        return await cursor.to_list(length=500)

    async def erase(self, complaint_id: str) -> None:
        for event_type, update in _ERASURE.items():
            await self._events.update_many(
                {"complaint_id": complaint_id, "event_type": event_type}, update
            )
        await self._complaints.update_one(
            {"complaint_id": complaint_id},
            {"$set": {"contact_fingerprints": [], "anonymised": True}},
        )

    async def tombstone(self, entry: Document) -> None:
        """The auditable trace of an erasure: what, when, why and by whom — never whose."""
        await self._erasures.update_one({"_id": entry["_id"]}, {"$setOnInsert": entry}, upsert=True)

    async def statistics(self) -> Document:
        out: Document = {
            "total": await self._complaints.count_documents({"number": {"$exists": True}})
        }
        for dimension in (
            "status",
            "category",
            "priority",
            "channel",
            "language",
            "reported_object_type",
            "team",
        ):
            pipeline = [
                {"$match": {"number": {"$exists": True}}},
                {"$group": {"_id": f"${dimension}", "count": {"$sum": 1}}},
            ]
            rows = await (await self._complaints.aggregate(pipeline)).to_list(None)
            out[dimension] = {str(r["_id"]): r["count"] for r in rows if r["_id"] is not None}
        hotspots = [
            {"$match": {"reported_object_key": {"$ne": None}}},
            {"$group": {"_id": "$reported_object_key", "reports": {"$sum": 1}}},
            {"$sort": {"reports": -1}},
            {"$limit": 10},
        ]
        rows = await (await self._complaints.aggregate(hotspots)).to_list(None)
        out["hotspots"] = [{"object": r["_id"], "reports": r["reports"]} for r in rows]
        return out
