"""Every MongoDB query of assignment: cases, deadline timers, the directory and the test clock."""

from datetime import datetime, timedelta
from typing import Any

from pymongo import ASCENDING, ReturnDocument
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from assignment.directory import Handler, Team
from assignment.lifecycle import OPEN

Document = dict[str, Any]


class CaseRepository:
    def __init__(self, database: AsyncDatabase[Document]) -> None:
        self._cases = database["cases"]
        self._timers = database["timers"]

    async def ensure_indexes(self) -> None:
        await self._cases.create_index("complaint_id", unique=True, name="complaint_id")
        await self._cases.create_index("number", name="number")
        await self._cases.create_index([("team", 1), ("status", 1)], name="team_status")
        await self._cases.create_index([("handler_id", 1), ("status", 1)], name="handler_status")
        await self._cases.create_index([("object_key", 1), ("received_at", 1)], name="object")
        await self._timers.create_index([("state", 1), ("fire_at", 1)], name="due")
        await self._timers.create_index("complaint_id", name="complaint_id")

    async def find(self, complaint_id: str) -> Document | None:
        return await self._cases.find_one({"complaint_id": complaint_id}, {"_id": 0})

    async def find_by_number(self, number: str) -> Document | None:
        return await self._cases.find_one({"number": number}, {"_id": 0})

    async def members(self, case_id: str) -> list[Document]:
        cursor = self._cases.find({"case_id": case_id, "primary": False}, {"_id": 0})
        return await cursor.to_list(length=None)

    async def with_unsent_events(self, older_than: datetime) -> list[Document]:
        cursor = self._cases.find(
            {"outbox": {"$exists": True, "$ne": []}, "updated_at": {"$lt": older_than}},
            {"_id": 0},
        )
        return await cursor.to_list(length=100)

    async def clear_outbox(self, complaint_id: str, *, version: int) -> None:
        """Forget published events, unless someone saved the case since (they publish then)."""
        await self._cases.update_one(
            {"complaint_id": complaint_id, "version": version}, {"$set": {"outbox": []}}
        )

    async def insert(self, case: Document) -> bool:
        """False if the complaint already has a case (a redelivered event)."""
        # insert_one, not an upsert: FerretDB's $setOnInsert drops empty arrays.
        try:
            await self._cases.insert_one({**case, "version": 1})
        except DuplicateKeyError:
            return False
        case.pop("_id", None)
        return True

    async def save(self, case: Document) -> bool:
        """Write `case` if nobody changed it since it was read; False on a concurrent change."""
        version = case["version"]
        fields = {k: v for k, v in case.items() if k not in ("_id", "version")}
        result = await self._cases.update_one(
            {"complaint_id": case["complaint_id"], "version": version},
            {"$set": fields, "$inc": {"version": 1}},
        )
        if result.modified_count:
            case["version"] = version + 1
        return bool(result.modified_count)

    async def open_case_about(self, object_key: str, *, since: datetime) -> Document | None:
        return await self._cases.find_one(
            {
                "object_key": object_key,
                "received_at": {"$gte": since},
                "status": {"$in": sorted(OPEN)},
                "primary": True,
            },
            {"_id": 0},
        )

    async def queue(self, *, team: str | None, handler_id: str | None) -> list[Document]:
        query: Document = {"status": {"$in": sorted(OPEN)}}
        if team is not None:
            query["team"] = team
        if handler_id is not None:
            query["handler_id"] = handler_id
        cursor = self._cases.find(query, {"_id": 0, "timeline": 0})
        return await cursor.to_list(length=1000)

    async def open_load(self, handler_ids: list[str]) -> dict[str, int]:
        load = dict.fromkeys(handler_ids, 0)
        pipeline = [
            {"$match": {"handler_id": {"$in": handler_ids}, "status": {"$in": sorted(OPEN)}}},
            {"$group": {"_id": "$handler_id", "open": {"$sum": 1}}},
        ]
        async for row in await self._cases.aggregate(pipeline):
            load[row["_id"]] = row["open"]
        return load

    # Deadline timers: one document per warning or escalation, claimed atomically when due,
    # so each fires once however many replicas run and however often they restart.

    async def set_timers(self, complaint_id: str, timers: list[Document]) -> None:
        for timer in timers:
            await self._timers.update_one(
                {"_id": timer["_id"]},
                {"$set": {**timer, "complaint_id": complaint_id, "state": "pending"}},
                upsert=True,
            )

    async def cancel_timers(self, complaint_id: str, deadline: str) -> None:
        await self._timers.update_many(
            {"complaint_id": complaint_id, "deadline": deadline, "state": "pending"},
            {"$set": {"state": "cancelled"}},
        )

    async def pause_timers(self, complaint_id: str) -> None:
        await self._timers.update_many(
            {"complaint_id": complaint_id, "state": "pending"}, {"$set": {"state": "paused"}}
        )

    async def resume_timers(self, complaint_id: str, by: timedelta) -> None:
        cursor = self._timers.find({"complaint_id": complaint_id, "state": "paused"})
        for timer in await cursor.to_list(length=None):
            await self._timers.update_one(
                {"_id": timer["_id"], "state": "paused"},
                {"$set": {"fire_at": timer["fire_at"] + by, "state": "pending"}},
            )

    async def claim_due_timer(self, now: datetime) -> Document | None:
        return await self._timers.find_one_and_update(
            {"state": "pending", "fire_at": {"$lte": now}},
            {"$set": {"state": "firing", "claimed_at": now}},
            sort=[("fire_at", ASCENDING)],
            return_document=ReturnDocument.AFTER,
        )

    async def reclaim_stuck_timers(self, older_than: datetime) -> None:
        """A replica that died while firing leaves a timer 'firing': fire it again (same ids)."""
        await self._timers.update_many(
            {"state": "firing", "claimed_at": {"$lt": older_than}}, {"$set": {"state": "pending"}}
        )

    async def mark_fired(self, timer_id: str) -> None:
        await self._timers.update_one({"_id": timer_id}, {"$set": {"state": "fired"}})


class DirectoryRepository:
    def __init__(self, database: AsyncDatabase[Document]) -> None:
        self._teams = database["teams"]
        self._handlers = database["handlers"]
        self._clock = database["clock"]

    async def seed(self, teams: list[Team], handlers: list[Handler]) -> None:
        """Insert what is missing; what was changed through the API stays changed."""
        for team in teams:
            await self._teams.update_one(
                {"_id": team.id}, {"$setOnInsert": team.model_dump(mode="json")}, upsert=True
            )
        for handler in handlers:
            await self._handlers.update_one(
                {"_id": handler.id}, {"$setOnInsert": handler.model_dump(mode="json")}, upsert=True
            )

    async def teams(self) -> list[Team]:
        return [Team(**doc) for doc in await self._teams.find({}, {"_id": 0}).to_list(None)]

    async def team(self, team_id: str) -> Team | None:
        doc = await self._teams.find_one({"_id": team_id}, {"_id": 0})
        return Team(**doc) if doc else None

    async def team_for(self, category: str) -> Team | None:
        doc = await self._teams.find_one({"categories": category}, {"_id": 0})
        return Team(**doc) if doc else None

    async def put_team(self, team: Team) -> None:
        await self._teams.replace_one({"_id": team.id}, team.model_dump(mode="json"), upsert=True)

    async def handlers(self, team_id: str) -> list[Handler]:
        cursor = self._handlers.find({"team": team_id}, {"_id": 0}).sort("id", ASCENDING)
        return [Handler(**doc) for doc in await cursor.to_list(None)]

    async def handler(self, handler_id: str) -> Handler | None:
        doc = await self._handlers.find_one({"_id": handler_id}, {"_id": 0})
        return Handler(**doc) if doc else None

    async def put_handler(self, handler: Handler) -> None:
        await self._handlers.replace_one(
            {"_id": handler.id}, handler.model_dump(mode="json"), upsert=True
        )

    async def clock_offset(self) -> timedelta:
        doc = await self._clock.find_one({"_id": "offset"})
        return timedelta(seconds=doc["seconds"]) if doc else timedelta()

    async def reset_clock(self) -> None:
        await self._clock.delete_one({"_id": "offset"})

    async def advance_clock(self, seconds: float) -> timedelta:
        doc = await self._clock.find_one_and_update(
            {"_id": "offset"},
            {"$inc": {"seconds": seconds}},
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )
        assert doc is not None
        return timedelta(seconds=doc["seconds"])
