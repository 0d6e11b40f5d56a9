from prometheus_client import CollectorRegistry, Counter, Histogram


class ClassifierMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.classified = Counter(
            "ombud_classifier_complaints_classified_total",
            "Complaints classified, by outcome",
            ["category", "priority", "language"],
            registry=registry,
        )
        self.rejected = Counter(
            "ombud_classifier_complaints_rejected_total",
            "Submissions rejected at initial review as no complaint, by reason",
            ["reason"],
            registry=registry,
        )
        self.needs_review = Counter(
            "ombud_classifier_needs_review_total",
            "Classifications below the confidence threshold, sent to a person in triage",
            registry=registry,
        )
        self.confidence = Histogram(
            "ombud_classifier_confidence",
            "Confidence of classification decisions",
            buckets=(0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0),
            registry=registry,
        )
