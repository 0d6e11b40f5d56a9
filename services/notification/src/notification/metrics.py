from prometheus_client import CollectorRegistry, Counter, Histogram


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
            "Notifications that failed for good",
            ["channel", "kind", "reason"],
            registry=registry,
        )
        self.duplicates = Counter(
            "ombud_notification_duplicates_suppressed_total",
            "Redelivered events whose notification had already been sent",
            ["kind"],
            registry=registry,
        )
        self.delay = Histogram(
            "ombud_notification_event_to_delivery_seconds",
            "Time from the triggering event to delivery",
            ["channel"],
            buckets=(0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600),
            registry=registry,
        )
