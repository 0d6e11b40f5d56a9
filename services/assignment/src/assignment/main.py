"""Composition root of assignment."""

from datetime import datetime, timedelta
from functools import partial

from fastapi import FastAPI

from assignment.api import build_case_router
from assignment.api_directory import build_clock_router, build_directory_router
from assignment.cases import AssignmentDeps
from assignment.deadline_clock import run_clock
from assignment.deadlines import DeadlinePolicy
from assignment.directory import Seed
from assignment.handlers import register_handlers
from assignment.metrics import AssignmentMetrics
from assignment.repository import CaseRepository, DirectoryRepository
from assignment.settings import AssignmentSettings
from shared import topics
from shared.app import create_service_app, run_service
from shared.auth import authenticator
from shared.clock import utc_now
from shared.events import (
    AppealDecided,
    CaseNoteAdded,
    ComplaintAssigned,
    ComplaintClosed,
    ComplaintEscalated,
    ComplaintJoinedCase,
    ComplaintReclassified,
    ComplaintReopened,
    ComplaintResolved,
    DeadlinesUpdated,
    DeadlineWarning,
    DecisionOverturned,
    Event,
    InformationRequested,
    InvestigationStarted,
)
from shared.messaging import make_broker, publish_event
from shared.mongo import make_mongo_client
from shared.observability import new_registry

SERVICE = "assignment"

TOPIC_OF: dict[type[Event], str] = {
    ComplaintAssigned: topics.ASSIGNED,
    ComplaintJoinedCase: topics.MERGED,
    ComplaintReclassified: topics.RECLASSIFIED,
    InvestigationStarted: topics.INVESTIGATING,
    InformationRequested: topics.INVESTIGATING,
    CaseNoteAdded: topics.INVESTIGATING,
    ComplaintResolved: topics.RESOLVED,
    DeadlineWarning: topics.DEADLINES,
    DeadlinesUpdated: topics.DEADLINES,
    ComplaintEscalated: topics.ESCALATED,
    ComplaintReopened: topics.REOPENED,
    AppealDecided: topics.APPEALS,
    DecisionOverturned: topics.OVERTURNED,
    ComplaintClosed: topics.CLOSED,
}


class MovableClock:
    """UTC now plus an offset a supervisor may move where clock control is enabled."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return utc_now() + self.offset


def create_app(settings: AssignmentSettings) -> FastAPI:
    registry = new_registry()
    broker = make_broker(settings, service=SERVICE, registry=registry)
    mongo = make_mongo_client(settings)
    database = mongo[settings.mongo_database]
    cases, directory = CaseRepository(database), DirectoryRepository(database)
    publishers = {topic: broker.publisher(topic) for topic in set(TOPIC_OF.values())}

    async def publish(event: Event) -> None:
        await publish_event(publishers[TOPIC_OF[type(event)]], event)

    clock = MovableClock()
    deps = AssignmentDeps(
        cases=cases,
        directory=directory,
        publish=publish,
        clock=clock,
        policy=DeadlinePolicy(settings.deadline_overrides, settings.warn_fraction),
        metrics=AssignmentMetrics(registry),
        reopen_window=timedelta(days=settings.reopen_window_days),
        appeal_window=timedelta(days=settings.appeal_window_days),
        join_window=timedelta(hours=settings.join_window_hours),
    )
    register_handlers(broker, deps=deps)
    authenticate = authenticator(settings)

    async def refresh_clock() -> None:
        if settings.clock_control:
            clock.offset = await directory.clock_offset()

    async def prepare() -> None:
        await cases.ensure_indexes()
        await directory.seed(*Seed.load(settings.directory_file).split())
        await refresh_clock()

    routers = [
        build_case_router(deps=deps, authenticate=authenticate),
        build_directory_router(directory=directory, authenticate=authenticate),
    ]
    if settings.clock_control:
        routers.append(
            build_clock_router(
                directory=directory,
                authenticate=authenticate,
                on_moved=lambda offset: setattr(clock, "offset", offset),
            )
        )
    return create_service_app(
        service=SERVICE,
        description="Routes complaints to teams and handlers, runs their deadlines, and serves "
        "the handlers' API.",
        broker=broker,
        mongo=mongo,
        registry=registry,
        routers=routers,
        on_startup=[prepare],
        background=[
            partial(
                run_clock,
                deps,
                interval_seconds=settings.clock_interval_seconds,
                refresh_clock=refresh_clock,
            )
        ],
    )


def run() -> None:
    run_service(service=SERVICE, settings=AssignmentSettings(), create_app=create_app)
