"""Opening cases and taking the reporter's feedback, on in-memory fakes."""

from datetime import UTC, datetime, timedelta

from prometheus_client import CollectorRegistry

from assignment.cases import AssignmentDeps
from assignment.deadlines import DeadlinePolicy
from assignment.directory import Seed
from assignment.metrics import AssignmentMetrics
from assignment.reactions import open_case, take_feedback
from assignment.settings import AssignmentSettings
from shared.events import ComplaintClassified, FeedbackGiven, new_event
from shared.submission import ReportedObject
from tests.unit.assignment.fakes import FakeCases, FakeDirectory

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


class Outbox(list):
    async def __call__(self, event) -> None:
        self.append(event)


def deps(cases: FakeCases, outbox: Outbox, now: datetime = T0) -> AssignmentDeps:
    seed = Seed.load(AssignmentSettings.model_fields["directory_file"].default)
    return AssignmentDeps(
        cases=cases,
        directory=FakeDirectory(seed),
        publish=outbox,  # type: ignore[arg-type]
        clock=lambda: now,
        policy=DeadlinePolicy({}),
        metrics=AssignmentMetrics(CollectorRegistry()),
    )


def classified(
    complaint_id: str,
    *,
    priority="P3",
    language="nl",
    needs_review=False,
    reported: ReportedObject | None = None,
) -> ComplaintClassified:
    return new_event(
        ComplaintClassified,
        complaint_id=complaint_id,
        producer="t",
        trace_id="t",
        occurred_at=T0,
        number=f"OMB-{complaint_id.upper():0>4}-0000",
        category="content",
        subcategory="harassment_bullying",
        priority=priority,
        language=language,
        confidence=0.4 if needs_review else 0.9,
        model_version="m",
        reasons=["r"],
        needs_review=needs_review,
        reported_object=reported,
        received_at=T0 - timedelta(minutes=5),
    )


def types(outbox: Outbox) -> list[str]:
    return [e.event_type for e in outbox]


async def test_a_case_goes_to_a_handler_who_reads_the_language_with_receipt_deadlines():
    cases, outbox = FakeCases(), Outbox()
    await open_case(classified=classified("c1", language="ru"), deps=deps(cases, outbox))

    case = cases.cases["c1"]
    assert case["status"] == "assigned" and case["handler_id"] == "h-ivan"
    assert case["deadlines"]["result"]["due_at"] == T0 - timedelta(minutes=5) + timedelta(hours=72)
    assert types(outbox) == ["complaint.assigned", "complaint.deadlines_updated"]
    assert len(cases.timers) == 6
    assert case["outbox"] == []


async def test_a_redelivered_classification_opens_nothing_new():
    cases, outbox = FakeCases(), Outbox()
    await open_case(classified=classified("c1"), deps=deps(cases, outbox))
    await open_case(classified=classified("c1"), deps=deps(cases, outbox))
    assert types(outbox).count("complaint.assigned") == 1


async def test_p1_is_escalated_to_the_team_lead_at_once():
    cases, outbox = FakeCases(), Outbox()
    await open_case(classified=classified("c1", priority="P1"), deps=deps(cases, outbox))
    escalation = next(e for e in outbox if e.event_type == "complaint.escalated")
    assert (escalation.reason, escalation.team_lead_id) == ("imminent_harm", "h-lena")
    assert cases.cases["c1"]["status"] == "escalated"


async def test_an_unsure_classification_waits_in_triage_without_a_handler():
    cases, outbox = FakeCases(), Outbox()
    await open_case(classified=classified("c1", needs_review=True), deps=deps(cases, outbox))
    case = cases.cases["c1"]
    assert case["in_triage"] and case["status"] == "classified" and case.get("handler_id") is None
    assert "complaint.assigned" not in types(outbox)


async def test_a_second_report_about_the_same_object_joins_the_open_case():
    cases, outbox = FakeCases(), Outbox()
    post = ReportedObject(type="post", id="p-1")
    await open_case(classified=classified("c1", reported=post), deps=deps(cases, outbox))
    await open_case(classified=classified("c2", reported=post), deps=deps(cases, outbox))
    member = cases.cases["c2"]
    assert (member["case_id"], member["primary"]) == ("c1", False)
    assert member["handler_id"] == cases.cases["c1"]["handler_id"]
    assert "complaint.joined_case" in types(outbox)


async def test_a_low_rating_within_14_days_reopens_and_a_good_one_closes():
    for rating, days, status in ((1, 3, "reopened"), (5, 3, "closed"), (1, 20, "resolved")):
        cases, outbox = FakeCases(), Outbox()
        await open_case(classified=classified("c1"), deps=deps(cases, outbox))
        cases.cases["c1"].update(status="resolved", resolved_at=T0, decided_by="h-anna")
        later = T0 + timedelta(days=days)
        feedback = new_event(
            FeedbackGiven,
            complaint_id="c1",
            producer="t",
            trace_id="t",
            occurred_at=later,
            number="n",
            rating=rating,
        )
        await take_feedback(feedback=feedback, deps=deps(cases, outbox, now=later))
        await take_feedback(feedback=feedback, deps=deps(cases, outbox, now=later))
        assert cases.cases["c1"]["status"] == status, (rating, days)
        assert types(outbox).count("complaint.reopened") == (1 if status == "reopened" else 0)


async def test_erasure_removes_handlers_notes_and_keeps_the_case():
    from assignment.reactions import erase_personal_data
    from shared.events import ReporterDataErased

    cases, outbox = FakeCases(), Outbox()
    await open_case(classified=classified("c1"), deps=deps(cases, outbox))
    cases.cases["c1"]["timeline"].append(
        {
            "at": T0,
            "actor": "h-anna",
            "action": "note",
            "note": "reporter is jan@example.nl",
            "evidence": [{"kind": "chat_log", "reference": "jan@example.nl chat"}],
        }
    )
    erased = new_event(
        ReporterDataErased,
        complaint_id="c1",
        producer="t",
        trace_id="t",
        occurred_at=T0,
        requested_by="s",
        reason="gdpr_request",
    )
    await erase_personal_data(erased=erased, deps=deps(cases, outbox))

    case = cases.cases["c1"]
    assert "jan@example.nl" not in str(case)
    assert case["status"] == "assigned" and case["category"] == "content"
