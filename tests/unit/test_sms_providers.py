import base64
import urllib.parse

import httpx
import pytest

from notification.failures import PermanentFailure, TransientFailure
from notification.sms import KannelSms, TwilioSms, check_number
from notification.sms_encoding import plan


def recording(status: int, body: str = "", json: object | None = None):
    requests: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if json is not None:
            return httpx.Response(status, json=json)
        return httpx.Response(status, text=body)

    return requests, httpx.MockTransport(handle)


def kannel(transport: httpx.MockTransport) -> KannelSms:
    return KannelSms(
        url="http://kannel.test/cgi-bin/sendsms",
        username="ombud",
        password="secret",
        sender="Ombud",
        transport=transport,
    )


async def test_kannel_sends_each_part_with_a_concatenation_header():
    requests, transport = recording(202, "0: Accepted for delivery")
    parts = plan("Ж" * 100)

    await kannel(transport).send(to="+31612345678", plan=parts, reference=0x2A)

    assert len(requests) == 2
    for index, request in enumerate(requests, start=1):
        query = urllib.parse.parse_qs(request.url.query.decode(), encoding="latin-1")
        assert query["to"] == ["+31612345678"]
        assert query["coding"] == ["2"] and query["charset"] == ["UTF-8"]
        assert query["udh"][0].encode("latin-1") == bytes((5, 0, 3, 0x2A, 2, index))
        assert query["username"] == ["ombud"] and query["password"] == ["secret"]


async def test_kannel_sends_a_short_gsm_text_as_one_plain_message():
    requests, transport = recording(202)
    await kannel(transport).send(to="+31612345678", plan=plan("Hello €"), reference=1)

    [request] = requests
    query = urllib.parse.parse_qs(request.url.query.decode())
    assert query["text"] == ["Hello €"] and query["coding"] == ["0"] and "udh" not in query


@pytest.mark.parametrize(
    ("status", "failure", "reason"),
    [
        (400, PermanentFailure, "invalid_number"),
        (403, PermanentFailure, "provider_auth"),
        (503, TransientFailure, "provider_503"),
    ],
)
async def test_kannel_answers_are_classified(status, failure, reason):
    _, transport = recording(status, "Number(s) has/have been denied")
    with pytest.raises(failure) as raised:
        await kannel(transport).send(to="+31612345678", plan=plan("hi"), reference=1)
    assert raised.value.reason == reason


async def test_an_unreachable_gateway_is_transient():
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(TransientFailure, match="unreachable"):
        await kannel(httpx.MockTransport(refuse)).send(
            to="+31612345678", plan=plan("hi"), reference=1
        )


def twilio(transport: httpx.MockTransport) -> TwilioSms:
    return TwilioSms(
        base_url="https://sms.test",
        account_sid="AC123",
        auth_token="token",
        sender="+3197000000000",
        transport=transport,
    )


async def test_twilio_posts_the_whole_text_form_encoded_with_basic_auth():
    requests, transport = recording(201, json={"sid": "SM1", "num_segments": "2"})
    text = "a" * 200

    await twilio(transport).send(to="+31612345678", plan=plan(text), reference=1)

    [request] = requests
    assert request.url == "https://sms.test/2010-04-01/Accounts/AC123/Messages.json"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    expected = base64.b64encode(b"AC123:token").decode()
    assert request.headers["authorization"] == f"Basic {expected}"
    form = urllib.parse.parse_qs(request.content.decode())
    assert form == {"To": ["+31612345678"], "From": ["+3197000000000"], "Body": [text]}


@pytest.mark.parametrize(
    ("status", "body", "failure", "reason"),
    [
        (
            400,
            {"code": 21211, "message": "Invalid 'To' Phone Number"},
            PermanentFailure,
            "invalid_number",
        ),
        (
            400,
            {"code": 21602, "message": "Message body is required"},
            PermanentFailure,
            "provider_400",
        ),
        (401, {"code": 20003}, PermanentFailure, "provider_auth"),
        (429, {"code": 20429}, TransientFailure, "provider_429"),
        (500, {}, TransientFailure, "provider_500"),
    ],
)
async def test_twilio_answers_are_classified(status, body, failure, reason):
    _, transport = recording(status, json=body)
    with pytest.raises(failure) as raised:
        await twilio(transport).send(to="+31612345678", plan=plan("hi"), reference=1)
    assert raised.value.reason == reason


@pytest.mark.parametrize("number", ["+99912345678", "+3161234", "+1555"])
def test_numbers_no_network_can_reach_are_refused_before_sending(number):
    with pytest.raises(PermanentFailure, match="invalid_number"):
        check_number(number)


def test_a_real_mobile_number_passes():
    check_number("+31612345678")
