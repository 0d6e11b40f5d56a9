"""Composition root of the archive."""

from fastapi import FastAPI

from archive.api import build_router
from archive.handlers import register_handlers
from archive.metrics import ArchiveMetrics
from archive.repository import ArchiveRepository
from archive.service import ArchiveDeps
from archive.settings import ArchiveSettings
from shared.app import create_service_app, run_service
from shared.messaging import make_broker
from shared.mongo import make_mongo_client
from shared.observability import new_registry

SERVICE = "archive"


def create_app(settings: ArchiveSettings) -> FastAPI:
    registry = new_registry()
    broker = make_broker(settings, service=SERVICE, registry=registry)
    mongo = make_mongo_client(settings)
    archive = ArchiveRepository(mongo[settings.mongo_database])
    deps = ArchiveDeps(
        archive=archive,
        access_key=settings.access_code_key.get_secret_value(),
        metrics=ArchiveMetrics(registry),
    )
    register_handlers(broker, deps=deps)
    return create_service_app(
        service=SERVICE,
        description="Keeps every event and shows reporters their complaint's status and history.",
        broker=broker,
        mongo=mongo,
        registry=registry,
        routers=[build_router(deps=deps)],
        on_startup=[archive.ensure_indexes],
    )


def run() -> None:
    run_service(service=SERVICE, settings=ArchiveSettings(), create_app=create_app)
