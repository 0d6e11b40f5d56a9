"""Bearer tokens (JWT) for the operators' APIs: who is calling, in which team, with which roles.

Tokens are issued by the platform's identity provider and signed with a key Ombud shares with
it (HS256 here; the algorithm list is the one place to change for RS256). `ombud-token` mints
tokens for development and tests.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Literal, get_args

import jwt
from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import Field, SecretStr

from shared.settings import DEVELOPMENT_SECRET, ServiceSettings, shared

Role = Literal["handler", "team_lead", "supervisor"]
ROLES: frozenset[str] = frozenset(get_args(Role))
_ALGORITHMS = ["HS256"]


class AuthSettings(ServiceSettings):
    jwt_secret: SecretStr = Field(
        SecretStr(DEVELOPMENT_SECRET), validation_alias=shared("auth_jwt_secret")
    )
    jwt_issuer: str = Field("ombud-identity", validation_alias=shared("auth_jwt_issuer"))
    jwt_audience: str = Field("ombud-operators", validation_alias=shared("auth_jwt_audience"))

    def secrets_to_check(self) -> dict[str, SecretStr]:
        return {"auth_jwt_secret": self.jwt_secret}


@dataclass(frozen=True)
class Principal:
    subject: str
    team: str | None
    roles: frozenset[str]

    @property
    def is_supervisor(self) -> bool:
        return "supervisor" in self.roles

    def leads(self, team: str) -> bool:
        return self.is_supervisor or ("team_lead" in self.roles and self.team == team)

    def works_in(self, team: str) -> bool:
        return self.is_supervisor or self.team == team


def issue_token(
    *,
    settings: AuthSettings,
    subject: str,
    roles: list[str],
    team: str | None,
    now: datetime,
    lifetime: timedelta = timedelta(hours=8),
) -> str:
    claims = {
        "sub": subject,
        "roles": roles,
        "team": team,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + lifetime,
    }
    return jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm=_ALGORITHMS[0])


def _unauthorised(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"}
    )


def authenticator(settings: AuthSettings) -> Callable[..., Awaitable[Principal]]:
    """A FastAPI dependency that turns a valid bearer token into a `Principal`, or answers 401."""
    bearer = HTTPBearer(auto_error=False, description="An operator's JWT")
    secret = settings.jwt_secret.get_secret_value()

    async def principal(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Principal:
        if credentials is None:
            raise _unauthorised("a bearer token is required")
        try:
            claims = jwt.decode(
                credentials.credentials,
                secret,
                algorithms=_ALGORITHMS,
                audience=settings.jwt_audience,
                issuer=settings.jwt_issuer,
                options={"require": ["exp", "sub", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise _unauthorised("the bearer token is not valid") from error
        roles = frozenset(claims.get("roles") or ()) & ROLES
        if not roles:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "the token carries no Ombud role")
        return Principal(subject=claims["sub"], team=claims.get("team"), roles=roles)

    return principal


def require_role(
    authenticate: Callable[..., Awaitable[Principal]], *allowed: Role
) -> Callable[..., Awaitable[Principal]]:
    async def check(principal: Annotated[Principal, Depends(authenticate)]) -> Principal:
        if not principal.roles & set(allowed):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, f"this needs one of the roles: {', '.join(allowed)}"
            )
        return principal

    return check
