from prometheus_client import CollectorRegistry, Counter


class AssignmentMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.assigned = Counter(
            "ombud_assignment_complaints_assigned_total",
            "Cases given a team and a named handler",
            ["team", "priority"],
            registry=registry,
        )
        self.transitions = Counter(
            "ombud_assignment_transitions_total",
            "Status changes of cases",
            ["status"],
            registry=registry,
        )
        self.warnings = Counter(
            "ombud_assignment_deadline_warnings_total",
            "Deadlines that reached 75 % with their step not done",
            ["deadline"],
            registry=registry,
        )
        self.escalated = Counter(
            "ombud_assignment_escalations_total",
            "Cases escalated to a team lead",
            ["team", "reason"],
            registry=registry,
        )
        self.reopened = Counter(
            "ombud_assignment_reopened_total", "Cases reopened", ["reason"], registry=registry
        )
        self.appeals = Counter(
            "ombud_assignment_appeals_decided_total",
            "Appeals decided",
            ["decision"],
            registry=registry,
        )
