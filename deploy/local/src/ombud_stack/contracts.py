"""The OpenAPI and AsyncAPI documents, generated from the services' own code.

`make docs` writes them to docs/api/; a test fails when the checked-in copies are stale, so a
contract change is always visible in review.
"""

import json
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from faststream.specification import AsyncAPI

from archive.main import create_app as archive_app
from archive.settings import ArchiveSettings
from assignment.main import create_app as assignment_app
from assignment.settings import AssignmentSettings
from classifier.main import create_app as classifier_app
from classifier.settings import ClassifierSettings
from intake.main import create_app as intake_app
from intake.settings import IntakeSettings
from notification.main import create_app as notification_app
from notification.settings import NotificationSettings

# Fixed values, so the documents do not depend on the environment they are generated in.
_DOCUMENTED = {"kafka_bootstrap": "kafka:9092", "environment": "development"}

APPS: dict[str, Callable[[], FastAPI]] = {
    "intake": lambda: intake_app(IntakeSettings(**_DOCUMENTED)),
    "classifier": lambda: classifier_app(ClassifierSettings(**_DOCUMENTED)),
    "assignment": lambda: assignment_app(AssignmentSettings(**_DOCUMENTED)),
    "notification": lambda: notification_app(NotificationSettings(**_DOCUMENTED)),
    "archive": lambda: archive_app(ArchiveSettings(**_DOCUMENTED)),
}


def documents() -> dict[str, str]:
    """File name -> content, for every service's OpenAPI and AsyncAPI document."""
    out = {}
    for service, build in APPS.items():
        app = build()
        asyncapi = AsyncAPI(
            app.state.broker,
            title=f"Ombud {service}",
            version=app.version,
            description=app.description,
            schema_version="3.0.0",
        )
        out[f"{service}.openapi.json"] = _json(app.openapi())
        out[f"{service}.asyncapi.json"] = _json(asyncapi.to_specification().to_jsonable())
    return out


def write(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in documents().items():
        (directory / name).write_text(content, encoding="utf-8")


def stale(directory: Path) -> list[str]:
    """Names of documents whose checked-in copy differs from what the code generates."""
    return [
        name
        for name, content in documents().items()
        if not (directory / name).exists()
        or (directory / name).read_text(encoding="utf-8") != content
    ]


def _json(document: object) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
