"""Composition root of notification."""

from functools import partial

from fastapi import FastAPI

from notification.handlers import register_handlers
from notification.mailer import SmtpMailer
from notification.metrics import NotificationMetrics
from notification.repository import DeliveryLog
from notification.service import NotificationDeps
from notification.settings import NotificationSettings
from notification.templates import Templates
from shared import topics
from shared.app import create_service_app, run_service
from shared.clock import utc_now
from shared.events import NotificationFailed, NotificationSent
from shared.messaging import make_broker, publish_event
from shared.mongo import make_mongo_client
from shared.observability import new_registry

SERVICE = "notification"


def create_app(settings: NotificationSettings) -> FastAPI:
    registry = new_registry()
    broker = make_broker(settings, service=SERVICE, registry=registry)
    mongo = make_mongo_client(settings)
    deliveries = DeliveryLog(mongo[settings.mongo_database])
    sent = broker.publisher(topics.NOTIFICATION_SENT, schema=NotificationSent)
    failed = broker.publisher(topics.NOTIFICATION_FAILED, schema=NotificationFailed)
    deps = NotificationDeps(
        deliveries=deliveries,
        mailer=SmtpMailer(settings),
        templates=Templates(),
        publish_sent=partial(publish_event, sent),
        publish_failed=partial(publish_event, failed),
        clock=utc_now,
        access_key=settings.access_code_key.get_secret_value(),
        metrics=NotificationMetrics(registry),
        retry_seconds=settings.smtp_retry_seconds,
    )
    register_handlers(broker, deps=deps)
    return create_service_app(
        service=SERVICE,
        description="Tells reporters and handlers what they must hear, in their language.",
        broker=broker,
        mongo=mongo,
        registry=registry,
        on_startup=[deliveries.ensure_indexes],
    )


def run() -> None:
    run_service(service=SERVICE, settings=NotificationSettings(), create_app=create_app)
