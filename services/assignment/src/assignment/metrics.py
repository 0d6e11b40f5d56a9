from prometheus_client import CollectorRegistry, Counter


class AssignmentMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.assigned = Counter(
            "ombud_assignment_complaints_assigned_total",
            "Complaints given a team and a named handler",
            ["team", "priority"],
            registry=registry,
        )
