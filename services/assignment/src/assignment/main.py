"""Composition root of assignment."""

from functools import partial

from fastapi import FastAPI

from assignment.directory import Directory
from assignment.handlers import register_handlers
from assignment.metrics import AssignmentMetrics
from assignment.repository import CaseRepository
from assignment.service import AssignmentDeps
from assignment.settings import AssignmentSettings
from shared import topics
from shared.app import create_service_app, run_service
from shared.clock import utc_now
from shared.events import ComplaintAssigned
from shared.messaging import make_broker, publish_event
from shared.mongo import make_mongo_client
from shared.observability import new_registry

SERVICE = "assignment"


def create_app(settings: AssignmentSettings) -> FastAPI:
    registry = new_registry()
    broker = make_broker(settings, service=SERVICE, registry=registry)
    mongo = make_mongo_client(settings)
    cases = CaseRepository(mongo[settings.mongo_database])
    assigned = broker.publisher(topics.ASSIGNED, schema=ComplaintAssigned)
    deps = AssignmentDeps(
        cases=cases,
        directory=Directory.load(settings.directory_file),
        publish_assigned=partial(publish_event, assigned),
        clock=utc_now,
        metrics=AssignmentMetrics(registry),
    )
    register_handlers(broker, deps=deps)
    return create_service_app(
        service=SERVICE,
        description="Routes every classified complaint to a team and a named handler.",
        broker=broker,
        mongo=mongo,
        registry=registry,
        on_startup=[cases.ensure_indexes],
    )


def run() -> None:
    run_service(service=SERVICE, settings=AssignmentSettings(), create_app=create_app)
