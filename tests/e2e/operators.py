"""Bearer tokens for handlers, team leads and supervisors, signed like the identity provider's."""

from shared.auth import AuthSettings, issue_token
from shared.clock import utc_now
from tests.e2e.conftest import JWT_SECRET


def bearer(subject: str, *roles: str, team: str | None) -> dict[str, str]:
    settings = AuthSettings(
        port=1, mongo_database="unused", environment="test", jwt_secret=JWT_SECRET
    )
    token = issue_token(
        settings=settings, subject=subject, roles=list(roles), team=team, now=utc_now()
    )
    return {"Authorization": f"Bearer {token}"}


SUPERVISOR = bearer("s-root", "supervisor", team=None)
