"""Composition root of notification."""

import logging
from functools import partial

from fastapi import FastAPI

from notification.channels import Channel, EmailChannel, Guarded, SmsChannel, SmsProvider
from notification.delivery import DeliveryDeps
from notification.handlers import register_handlers
from notification.mailer import SmtpMailer
from notification.metrics import NotificationMetrics
from notification.repository import Contacts, DeliveryLog, RateLimits
from notification.service import NotificationDeps
from notification.settings import NotificationSettings
from notification.sms import KannelSms, TwilioSms, check_number
from notification.templates import Templates
from shared import topics
from shared.access import contact_fingerprint
from shared.app import create_service_app, run_service
from shared.clock import utc_now
from shared.events import NotificationFailed, NotificationSent
from shared.messaging import make_broker, publish_event
from shared.mongo import make_mongo_client
from shared.observability import new_registry
from shared.submission import ContactChannel

SERVICE = "notification"


def sms_provider(settings: NotificationSettings) -> SmsProvider | None:
    if settings.sms_provider == "kannel":
        return KannelSms(
            url=settings.kannel_url,
            username=settings.kannel_username,
            password=settings.kannel_password.get_secret_value(),
            sender=settings.sms_sender,
            timeout_seconds=settings.sms_timeout_seconds,
        )
    if settings.sms_provider == "twilio":
        return TwilioSms(
            base_url=settings.twilio_base_url,
            account_sid=settings.twilio_account_sid,
            auth_token=settings.twilio_auth_token.get_secret_value(),
            sender=settings.sms_sender,
            timeout_seconds=settings.sms_timeout_seconds,
        )
    return None


def channels(
    settings: NotificationSettings, metrics: NotificationMetrics
) -> dict[ContactChannel, Channel]:
    plain: list[Channel] = [EmailChannel(SmtpMailer(settings))]
    provider = sms_provider(settings)
    if provider is not None:
        plain.append(
            SmsChannel(provider, max_segments=settings.sms_max_segments, check_number=check_number)
        )
    guarded: dict[ContactChannel, Channel] = {}
    for channel in plain:
        breaker = Guarded(
            channel,
            failure_threshold=settings.breaker_failure_threshold,
            recovery_seconds=settings.breaker_recovery_seconds,
        )
        metrics.watch_breaker(channel.name, lambda b=breaker.breaker: bool(b.opened))
        guarded[channel.name] = breaker
    return guarded


def create_app(settings: NotificationSettings) -> FastAPI:
    # httpx logs every request URL at INFO, and an SMS gateway's URL holds the phone number.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    registry = new_registry()
    broker = make_broker(settings, service=SERVICE, registry=registry)
    mongo = make_mongo_client(settings)
    database = mongo[settings.mongo_database]
    deliveries, contacts, limits = DeliveryLog(database), Contacts(database), RateLimits(database)
    sent = broker.publisher(topics.NOTIFICATION_SENT, schema=NotificationSent)
    failed = broker.publisher(topics.NOTIFICATION_FAILED, schema=NotificationFailed)
    metrics = NotificationMetrics(registry)
    access_key = settings.access_code_key.get_secret_value()
    delivery = DeliveryDeps(
        deliveries=deliveries,
        limits=limits,
        channels=channels(settings, metrics),
        templates=Templates(),
        publish_sent=partial(publish_event, sent),
        publish_failed=partial(publish_event, failed),
        clock=utc_now,
        metrics=metrics,
        fingerprint=lambda address: contact_fingerprint(key=access_key, contact=address),
        retry_seconds={"email": settings.smtp_retry_seconds, "sms": settings.sms_retry_seconds},
        messages_per_hour={
            "reporter": settings.reporter_messages_per_hour,
            "handler": settings.staff_messages_per_hour,
            "team_lead": settings.staff_messages_per_hour,
        },
    )
    deps = NotificationDeps(
        delivery=delivery,
        contacts=contacts,
        delivery_log=deliveries,
        access_key=access_key,
        public_base_url=settings.public_base_url,
    )
    register_handlers(broker, deps=deps)
    return create_service_app(
        service=SERVICE,
        description="Tells reporters and handlers what they must hear, in their language.",
        broker=broker,
        mongo=mongo,
        registry=registry,
        on_startup=[deliveries.ensure_indexes, contacts.ensure_indexes, limits.ensure_indexes],
    )


def run() -> None:
    run_service(service=SERVICE, settings=NotificationSettings(), create_app=create_app)
