"""Plain functions that build valid inputs; tests override only what they are about."""

from typing import Any


def submission(unique: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "channel": "web",
        "external_id": f"web-{unique}",
        "subject": "Harassment in comments",
        "text": "Someone keeps harassing me in the comments under every video I post.",
        "reporter": {
            "user_id": f"user-{unique}",
            "email": f"reporter-{unique}@example.com",
            "preferred_contact": "email",
            "locale": "en",
        },
        "reported_object": {"type": "comment", "id": f"c-{unique}"},
    }
    body.update(overrides)
    return body
