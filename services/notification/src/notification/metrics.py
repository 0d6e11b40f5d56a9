from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class NotificationMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.sent = Counter(
            "ombud_notification_sent_total",
            "Notifications delivered to the provider",
            ["channel", "kind"],
            registry=registry,
        )
        self.failed = Counter(
            "ombud_notification_failed_total",
            "Notifications that failed on a channel, for good or after every retry",
            ["channel", "kind", "reason"],
            registry=registry,
        )
        self.retries = Counter(
            "ombud_notification_retries_total",
            "Transient failures that were retried",
            ["channel", "reason"],
            registry=registry,
        )
        self.fallbacks = Counter(
            "ombud_notification_fallbacks_total",
            "Notifications sent by the other channel after the preferred one failed",
            ["from_channel", "to_channel"],
            registry=registry,
        )
        self.sms_segments = Counter(
            "ombud_notification_sms_segments_total",
            "SMS parts handed to the provider",
            ["encoding"],
            registry=registry,
        )
        self.duplicates = Counter(
            "ombud_notification_duplicates_suppressed_total",
            "Redelivered events whose notification had already been sent",
            ["kind"],
            registry=registry,
        )
        self.skipped = Counter(
            "ombud_notification_skipped_total",
            "Events nobody was told about: the reporter's data was erased, or is unknown",
            ["kind", "reason"],
            registry=registry,
        )
        self.erasures = Counter(
            "ombud_notification_erasures_total",
            "Reporters' contacts erased and their delivery log entries scrubbed",
            registry=registry,
        )
        self.delay = Histogram(
            "ombud_notification_event_to_delivery_seconds",
            "Time from the triggering event to delivery",
            ["channel", "kind"],
            buckets=(0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600),
            registry=registry,
        )
        self.circuit_open = Gauge(
            "ombud_notification_circuit_open",
            "1 while a channel's circuit breaker is open (its provider is left alone)",
            ["channel"],
            registry=registry,
        )

    def watch_breaker(self, channel: str, is_open: Callable[[], bool]) -> None:
        self.circuit_open.labels(channel=channel).set_function(lambda: float(is_open()))
