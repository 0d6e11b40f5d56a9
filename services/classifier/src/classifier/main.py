"""Composition root of the classifier."""

from functools import partial

from fastapi import FastAPI

from classifier.classification import Classifier
from classifier.handlers import register_handlers
from classifier.metrics import ClassifierMetrics
from classifier.repository import DecisionRepository
from classifier.service import ClassifierDeps
from classifier.settings import ClassifierSettings
from shared import topics
from shared.app import create_service_app, run_service
from shared.clock import utc_now
from shared.events import ComplaintClassified, ComplaintRejected
from shared.messaging import make_broker, publish_event
from shared.mongo import make_mongo_client
from shared.observability import new_registry

SERVICE = "classifier"


def create_app(settings: ClassifierSettings) -> FastAPI:
    registry = new_registry()
    broker = make_broker(settings, service=SERVICE, registry=registry)
    mongo = make_mongo_client(settings)
    decisions = DecisionRepository(mongo[settings.mongo_database])
    classified = broker.publisher(topics.CLASSIFIED, schema=ComplaintClassified)
    rejected = broker.publisher(
        topics.REJECTED,
        schema=ComplaintRejected,
        description="Submissions rejected at initial review: junk, advertising, abuse of staff",
    )
    deps = ClassifierDeps(
        decisions=decisions,
        classifier=Classifier.load(
            review_threshold=settings.review_threshold,
            reject_threshold=settings.reject_threshold,
        ),
        publish_classified=partial(publish_event, classified),
        publish_rejected=partial(publish_event, rejected),
        clock=utc_now,
        metrics=ClassifierMetrics(registry),
    )
    register_handlers(broker, deps=deps)
    return create_service_app(
        service=SERVICE,
        description="Gives every complaint a category, priority and language, with its reasons.",
        broker=broker,
        mongo=mongo,
        registry=registry,
        on_startup=[decisions.ensure_indexes],
    )


def run() -> None:
    run_service(service=SERVICE, settings=ClassifierSettings(), create_app=create_app)
