"""Every Kafka topic name Ombud uses. No topic string literal appears anywhere else.

A topic carries a version suffix; a breaking contract change gets a new topic, not a new shape
on the old one.
"""

SUBMITTED = "complaints.submitted.v1"
RECEIVED = "complaints.received.v1"
REJECTED = "complaints.rejected.v1"
CLASSIFIED = "complaints.classified.v1"
ASSIGNED = "complaints.assigned.v1"
NOTIFICATION_SENT = "notifications.sent.v1"
NOTIFICATION_FAILED = "notifications.failed.v1"

COMPLAINT_TOPICS = (SUBMITTED, RECEIVED, REJECTED, CLASSIFIED, ASSIGNED)
NOTIFICATION_TOPICS = (NOTIFICATION_SENT, NOTIFICATION_FAILED)

# What the archive keeps: every lifecycle event. Submissions are raw channel input, not events.
ARCHIVED_TOPICS = (RECEIVED, REJECTED, CLASSIFIED, ASSIGNED, *NOTIFICATION_TOPICS)


def dead_letter(topic: str) -> str:
    """The dead-letter topic for messages of `topic` that kept failing."""
    return f"{topic}.dlq"


# Topics consumers read from; each gets a dead-letter twin.
CONSUMED_TOPICS = (SUBMITTED, RECEIVED, CLASSIFIED, ASSIGNED, *NOTIFICATION_TOPICS, REJECTED)

ALL_TOPICS = tuple(
    dict.fromkeys((*COMPLAINT_TOPICS, *NOTIFICATION_TOPICS, *map(dead_letter, CONSUMED_TOPICS)))
)
