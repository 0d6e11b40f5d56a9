"""Composition root of intake: settings -> clients -> rules -> edges -> app."""

from functools import partial

from fastapi import FastAPI

from intake.api import build_router
from intake.handlers import register_handlers
from intake.metrics import IntakeMetrics
from intake.repository import SubmissionRepository
from intake.service import IntakeDeps
from intake.settings import IntakeSettings
from shared import topics
from shared.app import create_service_app, run_service
from shared.clock import utc_now
from shared.events import ComplaintReceived, ComplaintRejected
from shared.messaging import make_broker, publish_event
from shared.mongo import make_mongo_client
from shared.observability import new_registry

SERVICE = "intake"


def create_app(settings: IntakeSettings) -> FastAPI:
    registry = new_registry()
    broker = make_broker(settings, service=SERVICE, registry=registry)
    mongo = make_mongo_client(settings)
    submissions = SubmissionRepository(mongo[settings.mongo_database])
    received = broker.publisher(topics.RECEIVED, schema=ComplaintReceived)
    rejected = broker.publisher(topics.REJECTED, schema=ComplaintRejected)
    feedback = broker.publisher(topics.FEEDBACK, description="Ratings, answers and appeals")
    timeout = settings.publish_timeout_seconds
    deps = IntakeDeps(
        submissions=submissions,
        publish_received=partial(publish_event, received, timeout_seconds=timeout),
        publish_rejected=partial(publish_event, rejected, timeout_seconds=timeout),
        publish_feedback=partial(publish_event, feedback, timeout_seconds=timeout),
        clock=utc_now,
        access_key=settings.access_code_key.get_secret_value(),
        metrics=IntakeMetrics(registry),
    )
    register_handlers(broker, deps=deps)
    return create_service_app(
        service=SERVICE,
        description="Takes in complaints from every channel, numbers them and makes them durable.",
        broker=broker,
        mongo=mongo,
        registry=registry,
        routers=[build_router(deps=deps, channel_keys=settings.channel_keys)],
        on_startup=[submissions.ensure_indexes],
    )


def run() -> None:
    run_service(service=SERVICE, settings=IntakeSettings(), create_app=create_app)
