"""Composition root of the archive."""

from datetime import timedelta
from functools import partial

from fastapi import FastAPI

from archive.api import build_router
from archive.handlers import register_handlers
from archive.metrics import ArchiveMetrics
from archive.repository import ArchiveRepository
from archive.service import ArchiveDeps, run_retention
from archive.settings import ArchiveSettings
from shared import topics
from shared.app import create_service_app, run_service
from shared.auth import authenticator
from shared.clock import utc_now
from shared.events import ReporterDataErased
from shared.messaging import make_broker, publish_event
from shared.mongo import make_mongo_client
from shared.observability import new_registry

SERVICE = "archive"


def create_app(settings: ArchiveSettings) -> FastAPI:
    registry = new_registry()
    broker = make_broker(settings, service=SERVICE, registry=registry)
    mongo = make_mongo_client(settings)
    archive = ArchiveRepository(mongo[settings.mongo_database])
    erasures = broker.publisher(topics.ERASURE, schema=ReporterDataErased)
    deps = ArchiveDeps(
        archive=archive,
        access_key=settings.access_code_key.get_secret_value(),
        metrics=ArchiveMetrics(registry),
        clock=utc_now,
        publish_erasure=partial(publish_event, erasures),
        retention=timedelta(days=settings.retention_days),
    )
    register_handlers(broker, deps=deps)
    return create_service_app(
        service=SERVICE,
        description="Keeps every event, shows reporters their complaint, and erases personal "
        "data on request or after the retention period.",
        broker=broker,
        mongo=mongo,
        registry=registry,
        routers=[build_router(deps=deps, authenticate=authenticator(settings))],
        on_startup=[archive.ensure_indexes],
        background=[
            partial(run_retention, deps, interval_seconds=settings.retention_interval_seconds)
        ],
    )


def run() -> None:
    run_service(service=SERVICE, settings=ArchiveSettings(), create_app=create_app)
