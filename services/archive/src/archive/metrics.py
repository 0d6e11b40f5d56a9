from prometheus_client import CollectorRegistry, Counter


class ArchiveMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.archived = Counter(
            "ombud_archive_events_archived_total",
            "Events appended to the history",
            ["event_type"],
            registry=registry,
        )
        self.duplicates = Counter(
            "ombud_archive_duplicate_events_total",
            "Redelivered events already in the history",
            ["event_type"],
            registry=registry,
        )
        self.erasures = Counter(
            "ombud_archive_erasures_total",
            "Complaints whose personal data was erased",
            ["reason"],
            registry=registry,
        )
        self.lookups = Counter(
            "ombud_archive_status_lookups_total",
            "Reporters' status look-ups, by outcome",
            ["outcome"],
            registry=registry,
        )
