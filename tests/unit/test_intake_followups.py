from datetime import timedelta

import pytest

from intake.followups import (
    NotNow,
    ProofRequired,
    ReporterRequest,
    appeal,
    follow_progress,
    give_feedback,
    provide_information,
)
from shared.errors import NotFound
from shared.events import ComplaintResolved, InformationRequested, ReporterDataErased, new_event
from tests.factories import submission
from tests.unit.test_intake_service import NOW, FakeSubmissions, Outbox, accept, deps


async def accepted_complaint(store, feedback=None, clock=None):
    collaborators = deps(submissions=store, feedback=feedback, clock=clock)
    return await accept(submission("f1"), collaborators), collaborators


def decided(complaint_id: str, event_class=ComplaintResolved, **payload):
    defaults = {
        ComplaintResolved: {
            "handler_id": "h",
            "handler_name": "H",
            "outcome": "no_violation_found",
            "explanation": "We looked and found nothing against our rules.",
            "policy_basis": "Community Guidelines 4.2",
        },
        InformationRequested: {"handler_id": "h", "question": "Which video?"},
        ReporterDataErased: {"requested_by": "s", "reason": "gdpr_request"},
    }[event_class]
    fields = {"number": "x"} if event_class is not ReporterDataErased else {}
    return new_event(
        event_class,
        complaint_id=complaint_id,
        producer="t",
        trace_id="t",
        occurred_at=NOW,
        **fields,
        **defaults,
        **payload,
    )


async def test_rating_needs_proof_and_an_answer_to_rate():
    store, outbox = FakeSubmissions(), Outbox()
    accepted, collaborators = await accepted_complaint(store, feedback=outbox)
    rate = {"rating": 1, "comment": None, "deps": collaborators}
    number = accepted.number

    with pytest.raises(ProofRequired):
        await give_feedback(ReporterRequest(number), **rate)
    with pytest.raises(NotFound):
        await give_feedback(ReporterRequest(number, access_code="WRONG"), **rate)
    with pytest.raises(NotNow):
        await give_feedback(ReporterRequest(number, access_code=accepted.access_code), **rate)

    await follow_progress(event=decided(accepted.complaint_id), deps=collaborators)
    event = await give_feedback(ReporterRequest(number, contact="Reporter-F1@example.com"), **rate)
    assert outbox.events == [event]
    assert event.rating == 1


async def test_a_retried_request_with_the_same_idempotency_key_is_the_same_event():
    store = FakeSubmissions()
    accepted, collaborators = await accepted_complaint(store)
    await follow_progress(event=decided(accepted.complaint_id), deps=collaborators)
    request = ReporterRequest(accepted.number, accepted.access_code, request_id="retry-1")
    kwargs = {"rating": 5, "comment": "thanks", "deps": collaborators}
    assert (await give_feedback(request, **kwargs)).event_id == (
        await give_feedback(request, **kwargs)
    ).event_id


async def test_appeals_only_after_a_decision_and_within_six_months():
    store, now = FakeSubmissions(), [NOW]
    accepted, collaborators = await accepted_complaint(store, clock=lambda: now[0])
    request = ReporterRequest(accepted.number, accepted.access_code)
    kwargs = {
        "reasons": "The video was satire, not harassment.",
        "evidence": [],
        "deps": collaborators,
    }
    with pytest.raises(NotNow):
        await appeal(request, **kwargs)
    await follow_progress(event=decided(accepted.complaint_id), deps=collaborators)
    assert (await appeal(request, **kwargs)).reasons.startswith("The video")
    now[0] = NOW + timedelta(days=200)
    with pytest.raises(NotNow):
        await appeal(request, **kwargs)


async def test_information_is_taken_only_when_asked_for():
    store = FakeSubmissions()
    accepted, collaborators = await accepted_complaint(store)
    request = ReporterRequest(accepted.number, accepted.access_code)
    kwargs = {"answer": "The second video.", "evidence": [], "deps": collaborators}
    with pytest.raises(NotNow):
        await provide_information(request, **kwargs)
    await follow_progress(
        event=decided(accepted.complaint_id, InformationRequested), deps=collaborators
    )
    assert (await provide_information(request, **kwargs)).answer == "The second video."
    with pytest.raises(NotNow):
        await provide_information(request, **kwargs)


async def test_after_erasure_the_contact_no_longer_proves_anything():
    store = FakeSubmissions()
    accepted, collaborators = await accepted_complaint(store)
    await follow_progress(
        event=decided(accepted.complaint_id, ReporterDataErased), deps=collaborators
    )

    with pytest.raises(NotFound):
        await give_feedback(
            ReporterRequest(accepted.number, contact="reporter-f1@example.com"),
            rating=3,
            comment=None,
            deps=collaborators,
        )
    again = await accept(submission("f1"), collaborators)
    assert again.number == accepted.number
