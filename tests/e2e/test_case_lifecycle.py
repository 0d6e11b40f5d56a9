"""The complaint's whole life through the handlers' API, on the real stack."""

import json

from tests.e2e import kcat
from tests.e2e.mailbox import body, wait_for_messages
from tests.e2e.operators import SUPERVISOR, bearer
from tests.e2e.polling import wait_for_status, wait_until_assigned
from tests.factories import submission

DUTCH_HARASSMENT = "Iemand pest mij elke dag in de reacties onder mijn video's en noemt me dik."
RESOLUTION = {
    "outcome": "content_removed_uploader_warned",
    "explanation": "We removed the comments that targeted you and warned the account behind them.",
    "policy_basis": "Community Guidelines: Harassment and bullying, section 3",
}


def submit(intake, unique: str, **overrides) -> dict:
    response = intake.post("/v1/complaints", json=submission(unique, **overrides))
    assert response.status_code == 202, response.text
    return response.json()


def handler_of(assignment, complaint: dict) -> dict:
    case = assignment.get(f"/v1/cases/{complaint['number']}", headers=SUPERVISOR).json()
    return case


def as_handler(case: dict, role: str = "handler") -> dict[str, str]:
    return bearer(case["handler_id"], role, team=case["team"])


def test_received_assigned_by_language_investigated_resolved_rated_and_reopened(
    stack, intake, assignment, archive, unique
):
    address = f"lotte-{unique}@example.nl"
    complaint = submit(
        intake, unique, text=DUTCH_HARASSMENT, reporter={"email": address, "locale": "nl"}
    )
    proof = {"X-Access-Code": complaint["access_code"]}
    wait_until_assigned(archive, complaint)

    case = handler_of(assignment, complaint)
    team = assignment.get(f"/v1/teams/{case['team']}/handlers", headers=SUPERVISOR).json()
    handler = next(h for h in team if h["id"] == case["handler_id"])
    assert "nl" in handler["languages"], "routed to someone who reads the reporter's language"

    me = as_handler(case)
    queue = assignment.get("/v1/cases", params={"scope": "mine"}, headers=me).json()
    assert complaint["number"] in [c["number"] for c in queue]
    assert (
        assignment.post(f"/v1/cases/{complaint['number']}/investigation", headers=me).status_code
        == 200
    )
    note = {
        "note": "Checked the comment thread.",
        "evidence": [{"kind": "screenshot", "reference": "s3://evidence/1.png"}],
    }
    assert (
        assignment.post(f"/v1/cases/{complaint['number']}/notes", json=note, headers=me).status_code
        == 200
    )
    resolved = assignment.post(
        f"/v1/cases/{complaint['number']}/resolution", json=RESOLUTION, headers=me
    )
    assert resolved.status_code == 200, resolved.text
    assert [e["action"] for e in resolved.json()["timeline"]][-3:] == [
        "investigation started",
        "note",
        "resolved",
    ]

    result = _wait_for_mail_containing(stack, address, RESOLUTION["explanation"])
    assert complaint["number"] in result["Subject"]
    wait_for_status(
        archive,
        complaint["number"],
        proof=proof,
        status="resolved",
        history_types={"complaint.resolved"},
    )

    illegal = assignment.post(f"/v1/cases/{complaint['number']}/investigation", headers=me)
    assert illegal.status_code == 409
    assert "resolved" in illegal.json()["detail"]

    rated = intake.post(
        f"/v1/complaints/{complaint['number']}/feedback",
        json={"rating": 1, "comment": "Nothing changed"},
        headers=proof,
    )
    assert rated.status_code == 202, rated.text
    status = wait_for_status(
        archive,
        complaint["number"],
        proof=proof,
        status="reopened",
        history_types={"complaint.reopened"},
    )
    assert status["next_deadline"] is not None


def test_appeal_is_decided_by_a_different_handler_and_an_overturn_is_announced(
    stack, intake, assignment, archive, unique
):
    complaint = submit(
        intake,
        unique,
        text="My account was banned for no reason, please restore it",
        reported_object={"type": "account", "id": f"acc-{unique}"},
    )
    proof = {"X-Access-Code": complaint["access_code"]}
    wait_until_assigned(archive, complaint)
    case = handler_of(assignment, complaint)
    decider = as_handler(case)
    assignment.post(f"/v1/cases/{complaint['number']}/investigation", headers=decider)
    refusal = {
        "outcome": "no_violation_found",
        "explanation": "The ban followed repeated spam from this account.",
        "policy_basis": "Terms of Service 7.1",
    }
    assert (
        assignment.post(
            f"/v1/cases/{complaint['number']}/resolution", json=refusal, headers=decider
        ).status_code
        == 200
    )
    wait_for_status(
        archive,
        complaint["number"],
        proof=proof,
        status="resolved",
        history_types={"complaint.resolved"},
    )

    too_early_or_ok = intake.post(
        f"/v1/complaints/{complaint['number']}/appeal",
        headers=proof,
        json={
            "reasons": "I never sent spam; my account was hacked that week.",
            "evidence": [{"kind": "identity_document", "reference": "upload://id-123"}],
        },
    )
    assert too_early_or_ok.status_code == 202, too_early_or_ok.text
    wait_for_status(
        archive,
        complaint["number"],
        proof=proof,
        status="appealed",
        history_types={"complaint.appeal_filed"},
    )

    reviewer_case = _wait_for_new_handler(assignment, complaint, not_handler=case["handler_id"])
    decision = {
        "decision": "overturned",
        "explanation": "The spam came from an intruder; we restore the account.",
    }
    refused = assignment.post(
        f"/v1/cases/{complaint['number']}/appeal-decision",
        json=decision,
        headers=bearer(case["handler_id"], "handler", "team_lead", team=case["team"]),
    )
    assert refused.status_code == 403
    decided = assignment.post(
        f"/v1/cases/{complaint['number']}/appeal-decision",
        json=decision,
        headers=as_handler(reviewer_case),
    )
    assert decided.status_code == 200, decided.text
    wait_for_status(
        archive,
        complaint["number"],
        proof=proof,
        status="closed",
        history_types={"complaint.appeal_decided"},
    )
    _, _, value = kcat.consume_until(
        stack.config.kafka_bootstrap,
        "complaints.overturned.v1",
        lambda _k, _h, v: json.loads(v)["complaint_id"] == complaint["complaint_id"],
    )
    assert json.loads(value)["reported_object"]["id"] == f"acc-{unique}"


def test_handlers_cannot_read_or_act_on_another_teams_cases(intake, assignment, archive, unique):
    complaint = submit(intake, unique, text=DUTCH_HARASSMENT)
    wait_until_assigned(archive, complaint)
    case = handler_of(assignment, complaint)
    outsider = bearer("h-sam", "handler", team="account-support")
    outside_lead = bearer("h-marco", "handler", "team_lead", team="account-support")

    for headers in (outsider, outside_lead):
        assert (
            assignment.get(f"/v1/cases/{complaint['number']}", headers=headers).status_code == 404
        )
        assert (
            assignment.get(f"/v1/cases/{case['complaint_id']}", headers=headers).status_code == 404
        )
        for action in ("claim", "investigation"):
            assert (
                assignment.post(
                    f"/v1/cases/{complaint['number']}/{action}", headers=headers
                ).status_code
                == 404
            )
        assert (
            assignment.post(
                f"/v1/cases/{complaint['number']}/resolution", json=RESOLUTION, headers=headers
            ).status_code
            == 404
        )
        team_queue = assignment.get("/v1/cases", params={"scope": "team"}, headers=headers).json()
        assert complaint["number"] not in [c["number"] for c in team_queue]
    assert assignment.get(f"/v1/cases/{complaint['number']}").status_code == 401
    assert assignment.get(f"/v1/cases/{complaint['number']}", headers=SUPERVISOR).status_code == 200
    colleague = bearer("h-someone-else", "handler", team=case["team"])
    assert (
        assignment.post(
            f"/v1/cases/{complaint['number']}/resolution", json=RESOLUTION, headers=colleague
        ).status_code
        == 403
    )


def _wait_for_new_handler(
    assignment, complaint: dict, *, not_handler: str, timeout: float = 60
) -> dict:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        case = handler_of(assignment, complaint)
        if case["status"] == "appealed" and case["handler_id"] != not_handler:
            return case
        time.sleep(0.3)
    raise AssertionError("the appeal was not routed to a different handler")


def _wait_for_mail_containing(stack, address: str, text: str, timeout: float = 60):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in wait_for_messages(stack.config.mail_dir, address, timeout=timeout):
            if text in body(message):
                return message
        time.sleep(0.3)
    raise AssertionError(f"no mail to {address} containing the text")


def test_reports_about_the_same_object_join_one_case_and_each_reporter_hears_the_result(
    stack, intake, assignment, archive, unique
):
    reported = {"type": "post", "id": f"post-{unique}"}
    first = submit(intake, f"{unique}-a", text=DUTCH_HARASSMENT, reported_object=reported)
    wait_until_assigned(archive, first)
    second = submit(
        intake, f"{unique}-b", text="This post mocks me and my family", reported_object=reported
    )
    wait_for_status(
        archive,
        second["number"],
        proof={"X-Access-Code": second["access_code"]},
        status="assigned",
        history_types={"complaint.joined_case"},
    )

    case = handler_of(assignment, first)
    member = handler_of(assignment, second)
    assert member["case_id"] == first["complaint_id"]
    assert member["handler_id"] == case["handler_id"]
    response = assignment.post(
        f"/v1/cases/{first['number']}/resolution", json=RESOLUTION, headers=as_handler(case)
    )
    assert response.status_code == 200, response.text

    for complaint, tag in ((first, "a"), (second, "b")):
        wait_for_status(
            archive,
            complaint["number"],
            proof={"X-Access-Code": complaint["access_code"]},
            status="resolved",
            history_types={"complaint.resolved"},
        )
        mail = _wait_for_mail_containing(
            stack, f"reporter-{unique}-{tag}@example.com", RESOLUTION["explanation"]
        )
        assert complaint["number"] in mail["Subject"]
