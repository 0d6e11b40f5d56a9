from prometheus_client import CollectorRegistry, Counter


class IntakeMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.accepted = Counter(
            "ombud_intake_complaints_accepted_total",
            "Complaints taken in and durable on Kafka",
            ["channel", "path"],
            registry=registry,
        )
        self.repeated = Counter(
            "ombud_intake_repeated_submissions_total",
            "Submissions whose channel and external id were already known",
            ["channel"],
            registry=registry,
        )
        self.merged = Counter(
            "ombud_intake_duplicates_merged_total",
            "Same reporter, same text within 24 h: merged into the earlier complaint",
            ["channel"],
            registry=registry,
        )
        self.rejected = Counter(
            "ombud_intake_submissions_rejected_total",
            "Channel messages that could not be taken in",
            registry=registry,
        )
