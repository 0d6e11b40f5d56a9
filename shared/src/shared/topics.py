"""Every Kafka topic name Ombud uses. No topic string literal appears anywhere else.

A topic carries a version suffix; a breaking contract change gets a new topic, not a new shape
on the old one.
"""

SUBMITTED = "complaints.submitted.v1"
RECEIVED = "complaints.received.v1"
REJECTED = "complaints.rejected.v1"
CLASSIFIED = "complaints.classified.v1"
ASSIGNED = "complaints.assigned.v1"
RECLASSIFIED = "complaints.reclassified.v1"
# Handling: investigation started, information requested, internal notes.
INVESTIGATING = "complaints.investigating.v1"
RESOLVED = "complaints.resolved.v1"
DEADLINES = "complaints.deadlines.v1"
ESCALATED = "complaints.escalated.v1"
# From the reporter, through intake: ratings, answers to questions, appeals.
FEEDBACK = "complaints.feedback.v1"
REOPENED = "complaints.reopened.v1"
APPEALS = "complaints.appeals.v1"
OVERTURNED = "complaints.overturned.v1"
MERGED = "complaints.merged.v1"
CLOSED = "complaints.closed.v1"
ERASURE = "privacy.erasure.v1"
NOTIFICATION_SENT = "notifications.sent.v1"
NOTIFICATION_FAILED = "notifications.failed.v1"

COMPLAINT_TOPICS = (
    SUBMITTED,
    RECEIVED,
    REJECTED,
    CLASSIFIED,
    RECLASSIFIED,
    ASSIGNED,
    MERGED,
    INVESTIGATING,
    RESOLVED,
    DEADLINES,
    ESCALATED,
    FEEDBACK,
    REOPENED,
    APPEALS,
    OVERTURNED,
    CLOSED,
    ERASURE,
)
NOTIFICATION_TOPICS = (NOTIFICATION_SENT, NOTIFICATION_FAILED)

# What the archive keeps: every lifecycle event. Submissions are raw channel input, not events.
ARCHIVED_TOPICS = (*COMPLAINT_TOPICS[1:], *NOTIFICATION_TOPICS)


def dead_letter(topic: str) -> str:
    """The dead-letter topic for messages of `topic` that kept failing."""
    return f"{topic}.dlq"


# Every topic is consumed by someone (the archive reads them all), so each has a dead-letter twin.
CONSUMED_TOPICS = (*COMPLAINT_TOPICS, *NOTIFICATION_TOPICS)

ALL_TOPICS = tuple(
    dict.fromkeys((*COMPLAINT_TOPICS, *NOTIFICATION_TOPICS, *map(dead_letter, CONSUMED_TOPICS)))
)
