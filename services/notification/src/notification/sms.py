"""SMS through a provider's HTTP API: Kannel's sendsms interface, or a Twilio-style Messages API.

Each adapter turns the provider's answer into success, a transient failure (retried) or a
permanent one (recorded, and the reporter is tried by email instead). URLs here carry numbers
and credentials, which is why the composition root keeps httpx's request log quiet.
"""

import urllib.parse
from collections.abc import Mapping

import httpx
import phonenumbers

from notification.failures import PermanentFailure, TransientFailure
from notification.sms_encoding import SmsPlan

# Twilio error codes that mean "this number cannot receive SMS", not "try again".
_TWILIO_INVALID_NUMBER = {21211, 21214, 21217, 21401, 21407, 21408, 21421, 21610, 21612, 21614}


def check_number(number: str) -> None:
    """Refuse a number no network can reach before paying a provider to find out."""
    try:
        valid = phonenumbers.is_valid_number(phonenumbers.parse(number, None))
    except phonenumbers.NumberParseException:
        valid = False
    if not valid:
        raise PermanentFailure("invalid_number")


def concatenation_header(*, reference: int, total: int, index: int) -> bytes:
    """The user data header of part `index` of `total` (3GPP TS 23.040, IEI 0x00, 8-bit ref)."""
    return bytes((0x05, 0x00, 0x03, reference & 0xFF, total, index))


def _classify(response: httpx.Response, *, invalid_number: bool) -> None:
    if response.is_success:
        return
    if response.status_code >= 500 or response.status_code == 429:
        raise TransientFailure(f"provider_{response.status_code}")
    if invalid_number:
        raise PermanentFailure("invalid_number")
    if response.status_code in (401, 403):
        raise PermanentFailure("provider_auth")
    raise PermanentFailure(f"provider_{response.status_code}")


class _HttpProvider:
    def __init__(self, *, timeout_seconds: float, transport: httpx.AsyncBaseTransport | None):
        self._timeout = timeout_seconds
        self._transport = transport

    async def _request(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        try:
            async with httpx.AsyncClient(
                timeout=self._timeout, transport=self._transport
            ) as client:
                return await client.request(method, url, **kwargs)  # type: ignore[arg-type]
        except httpx.TimeoutException as error:
            raise TransientFailure("timeout") from error
        except httpx.TransportError as error:
            raise TransientFailure("unreachable") from error


class KannelSms(_HttpProvider):
    """Kannel's smsbox `/cgi-bin/sendsms`; long texts go as concatenated parts we cut ourselves."""

    name = "kannel"

    def __init__(
        self,
        *,
        url: str,
        username: str,
        password: str,
        sender: str,
        timeout_seconds: float = 10.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(timeout_seconds=timeout_seconds, transport=transport)
        self._url = url
        self._credentials = {"username": username, "password": password}
        self._sender = sender

    async def send(self, *, to: str, plan: SmsPlan, reference: int) -> None:
        total = len(plan.segments)
        for index, segment in enumerate(plan.segments, start=1):
            params: dict[str, str | bytes] = {
                **self._credentials,
                "from": self._sender,
                "to": to,
                "text": segment,
                "charset": "UTF-8",
                "coding": str(plan.coding),
            }
            if total > 1:
                params["udh"] = concatenation_header(reference=reference, total=total, index=index)
            # urlencode, not httpx's params: the header is raw bytes, percent-encoded as such.
            response = await self._request("GET", f"{self._url}?{urllib.parse.urlencode(params)}")
            # Kannel answers 400 "denied by white- and/or black-lists" or "Garbage 'to'" for a
            # number it will never deliver to.
            _classify(response, invalid_number=response.status_code == 400)


class TwilioSms(_HttpProvider):
    """A Twilio-style Messages API: form-encoded, basic auth; the provider cuts long texts."""

    name = "twilio"

    def __init__(
        self,
        *,
        base_url: str,
        account_sid: str,
        auth_token: str,
        sender: str,
        timeout_seconds: float = 10.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(timeout_seconds=timeout_seconds, transport=transport)
        self._url = f"{base_url.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self._auth = (account_sid, auth_token)
        self._sender = sender

    async def send(self, *, to: str, plan: SmsPlan, reference: int) -> None:
        form = {"To": to, "From": self._sender, "Body": "".join(plan.segments)}
        response = await self._request("POST", self._url, data=form, auth=self._auth)
        _classify(response, invalid_number=_error_code(response) in _TWILIO_INVALID_NUMBER)


def _error_code(response: httpx.Response) -> int | None:
    if response.is_success:
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    code = body.get("code") if isinstance(body, Mapping) else None
    return code if isinstance(code, int) else None
