"""The labels other services rely on: categories, subcategories, priorities, rejection reasons."""

from typing import Final

from shared.submission import Category, Priority

# Subcategory -> (category, priority when nothing points to imminent harm).
SUBCATEGORIES: Final[dict[str, tuple[Category, Priority]]] = {
    "hate_speech": ("content", "P3"),
    "harassment_bullying": ("content", "P3"),
    "violence_threats": ("content", "P3"),
    "sexual_content": ("content", "P3"),
    "misinformation": ("content", "P3"),
    "spam_scam": ("content", "P3"),
    "self_harm": ("content", "P3"),
    "child_safety": ("content", "P3"),
    "dangerous_acts": ("content", "P3"),
    "hacked": ("account", "P2"),
    "banned_appeal": ("account", "P2"),
    "login_issue": ("account", "P3"),
    "impersonation": ("account", "P2"),
    "personal_data_exposed": ("privacy_security", "P2"),
    "data_request": ("privacy_security", "P3"),
    "privacy_settings": ("privacy_security", "P3"),
    "security_vulnerability": ("privacy_security", "P2"),
    "copyright": ("legal", "P2"),
    "trademark": ("legal", "P2"),
    "defamation": ("legal", "P2"),
    "law_enforcement": ("legal", "P2"),
    "bug": ("other", "P3"),
    "feature_request": ("other", "P4"),
    "ads_business": ("other", "P3"),
    "monetization": ("other", "P3"),
    "general_feedback": ("other", "P4"),
}

# Initial review: submissions that are not complaints, with the reason the reporter is given.
REJECTIONS: Final[dict[str, str]] = {
    "junk": "The message contains no complaint: it is empty, a test, or unreadable text.",
    "advertising": "The message is advertising posted as a complaint, not a complaint.",
    "staff_abuse": "The message is abuse aimed at our staff and contains no complaint.",
}

# What the model chooses between: every subcategory, and every reason to reject at intake.
LABELS: Final[tuple[str, ...]] = (*SUBCATEGORIES, *(f"rejected:{r}" for r in REJECTIONS))

# Category hints the in-app report button sends, besides the subcategory names themselves.
HINT_ALIASES: Final[dict[str, str]] = {
    "harassment": "harassment_bullying",
    "bullying": "harassment_bullying",
    "hate": "hate_speech",
    "violence": "violence_threats",
    "threat": "violence_threats",
    "nudity": "sexual_content",
    "sexual": "sexual_content",
    "misleading": "misinformation",
    "false_information": "misinformation",
    "spam": "spam_scam",
    "scam": "spam_scam",
    "fraud": "spam_scam",
    "suicide": "self_harm",
    "self_injury": "self_harm",
    "minor_safety": "child_safety",
    "dangerous": "dangerous_acts",
    "intellectual_property": "copyright",
    "privacy": "personal_data_exposed",
}


def category_of(subcategory: str) -> Category:
    return SUBCATEGORIES[subcategory][0]


def default_priority(subcategory: str) -> Priority:
    return SUBCATEGORIES[subcategory][1]


def hinted_subcategory(hint: str | None) -> str | None:
    """The subcategory an in-app hint names, if it names one."""
    if not hint:
        return None
    key = hint.strip().lower().replace("-", "_").replace(" ", "_")
    return key if key in SUBCATEGORIES else HINT_ALIASES.get(key)
