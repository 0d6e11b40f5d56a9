"""Every MongoDB query of intake: one record per submission, keyed by channel + external id."""

from datetime import datetime
from typing import Any

from pymongo import ReturnDocument
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from intake.service import NumberTaken


class SubmissionRepository:
    def __init__(self, database: AsyncDatabase[dict[str, Any]]) -> None:
        self._submissions: AsyncCollection[dict[str, Any]] = database["submissions"]

    async def ensure_indexes(self) -> None:
        await self._submissions.create_index("key", unique=True, name="idempotency_key")
        await self._submissions.create_index("number", unique=True, name="number")
        await self._submissions.create_index("complaint_id", unique=True, name="complaint_id")
        await self._submissions.create_index(
            [("duplicate_key", 1), ("received_at", 1)], name="duplicates"
        )

    async def claim(self, *, key: str, new_record: dict[str, Any]) -> dict[str, Any]:
        """The record stored under `key`: the existing one, or `new_record` once inserted."""
        try:
            record = await self._submissions.find_one_and_update(
                {"key": key},
                {"$setOnInsert": {"key": key, **new_record}},
                upsert=True,
                return_document=ReturnDocument.AFTER,
            )
        except DuplicateKeyError as error:
            existing = await self._submissions.find_one({"key": key})
            if existing is not None:  # a concurrent first submission of the same key won
                return existing
            raise NumberTaken from error
        assert record is not None
        return record

    async def find_duplicate(self, duplicate_key: str, *, since: datetime) -> dict[str, Any] | None:
        return await self._submissions.find_one(
            {"duplicate_key": duplicate_key, "received_at": {"$gte": since}}, {"_id": 0}
        )

    async def find_by_number(self, number: str) -> dict[str, Any] | None:
        return await self._submissions.find_one({"number": number}, {"_id": 0})

    async def note_progress(self, complaint_id: str, **moments: datetime | None) -> None:
        """Remember what the reporter may do next (rate, answer, appeal)."""
        await self._submissions.update_one({"complaint_id": complaint_id}, {"$set": moments})

    async def erase_personal_data(self, complaint_id: str) -> None:
        """Keep the complaint's number and channel for statistics; drop who sent it and what."""
        await self._submissions.update_one(
            {"complaint_id": complaint_id},
            {
                "$set": {"submission.text": "[erased]", "erased": True, "duplicate_key": None},
                "$unset": {
                    "submission.reporter": "",
                    "submission.subject": "",
                    "submission.attachments": "",
                    "submission.reported_object": "",
                },
            },
        )
