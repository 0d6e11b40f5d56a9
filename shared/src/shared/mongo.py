"""MongoDB glue: PyMongo's async client, timezone-aware, failing fast when the store is away."""

from typing import Any

from pymongo import AsyncMongoClient

from shared.settings import ServiceSettings

MongoClient = AsyncMongoClient[dict[str, Any]]


def make_mongo_client(settings: ServiceSettings) -> MongoClient:
    return AsyncMongoClient(
        settings.mongo_url,
        tz_aware=True,
        uuidRepresentation="standard",
        serverSelectionTimeoutMS=5_000,
        appname=settings.mongo_database,
    )


async def is_reachable(client: MongoClient) -> bool:
    try:
        await client.admin.command("ping")
    except Exception:
        return False
    return True
