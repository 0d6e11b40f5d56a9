"""How a send can fail, with reasons from a small vocabulary that metrics and events can carry."""


class DeliveryFailure(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PermanentFailure(DeliveryFailure):
    """Retrying would fail the same way: SMTP 5xx, an invalid number, a refused message."""


class TransientFailure(DeliveryFailure):
    """The provider is away or asked us to come back later: SMTP 4xx, timeouts, provider 5xx."""
