"""Domain errors carry their HTTP status; `shared.app` maps them in one exception handler."""


class DomainError(Exception):
    status_code = 400
    headers: dict[str, str] | None = None

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(DomainError):
    status_code = 404


class Unavailable(DomainError):
    """A dependency we must not answer without (Kafka, the store) is away: try again soon."""

    status_code = 503

    def __init__(self, detail: str, *, retry_after_seconds: int = 5) -> None:
        super().__init__(detail)
        self.headers = {"Retry-After": str(retry_after_seconds)}
