"""Assignment's pure rules: the life of a complaint, deadlines, routing, timers."""

from datetime import UTC, datetime, timedelta

import pytest

from assignment import timers
from assignment.cases import AssignmentDeps
from assignment.deadlines import DeadlinePolicy
from assignment.directory import Handler
from assignment.lifecycle import IllegalTransition, check_transition
from assignment.routing import choose_handler

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("assigned", "investigating"),
        ("investigating", "waiting_for_user"),
        ("waiting_for_user", "investigating"),
        ("investigating", "resolved"),
        ("resolved", "reopened"),
        ("resolved", "appealed"),
        ("closed", "appealed"),
        ("appealed", "closed"),
        ("escalated", "investigating"),
    ],
)
def test_allowed_steps(current, target):
    check_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("resolved", "investigating"),
        ("closed", "resolved"),
        ("received", "resolved"),
        ("rejected", "assigned"),
        ("appealed", "resolved"),
        ("waiting_for_user", "reopened"),
    ],
)
def test_illegal_steps_answer_409_with_the_reason(current, target):
    with pytest.raises(IllegalTransition) as error:
        check_transition(current, target)
    assert error.value.status_code == 409
    assert current in error.value.detail and target in error.value.detail


def test_deadlines_default_to_24_48_72_hours_and_14_days():
    policy = DeadlinePolicy({})
    hours = {
        d: policy.hours(d, category="content", priority="P3")
        for d in ("initial_review", "investigation", "result", "appeal")
    }
    assert hours == {"initial_review": 24, "investigation": 48, "result": 72, "appeal": 336}


def test_the_most_specific_override_wins_and_warns_at_75_percent():
    policy = DeadlinePolicy(
        {"P1": {"result": 24}, "legal": {"result": 120}, "legal/P1": {"result": 12}}
    )
    assert policy.hours("result", category="content", priority="P1") == 24
    assert policy.hours("result", category="legal", priority="P3") == 120
    assert policy.hours("result", category="legal", priority="P1") == 12
    schedule = policy.schedule("result", start=T0, category="legal", priority="P1")
    assert schedule == {"warn_at": T0 + timedelta(hours=9), "due_at": T0 + timedelta(hours=12)}


def handler(
    id_: str, languages: tuple[str, ...], capacity: int = 10, available: bool = True
) -> Handler:
    return Handler(
        id=id_,
        team="t",
        name=id_,
        email=f"{id_}@ombud.example",
        languages=languages,
        capacity=capacity,
        available=available,
    )


def test_routing_prefers_the_reporters_language_then_the_most_room():
    team = [
        handler("h-ann", ("nl", "en")),
        handler("h-bo", ("nl",), capacity=20),
        handler("h-cy", ("ru",)),
    ]
    load = {"h-ann": 5, "h-bo": 5, "h-cy": 0}
    assert choose_handler(team, language="nl", load=load).id == "h-bo"
    assert choose_handler(team, language="ru", load=load).id == "h-cy"
    assert choose_handler(team, language="fr", load=load).id == "h-cy", (
        "nobody speaks it: least loaded"
    )


def test_routing_skips_the_unavailable_and_the_excluded_and_the_full():
    team = [
        handler("h-ann", ("nl",), available=False),
        handler("h-bo", ("nl",), capacity=2),
        handler("h-cy", ("en",)),
    ]
    load = {"h-bo": 2, "h-cy": 1}
    assert choose_handler(team, language="nl", load=load).id == "h-bo", "full speakers before none"
    assert choose_handler(team, language="nl", load=load, exclude=frozenset({"h-bo"})).id == "h-cy"
    assert choose_handler([team[0]], language="nl", load={}) is None


def deps(policy: DeadlinePolicy) -> AssignmentDeps:
    return AssignmentDeps(
        cases=None,
        directory=None,
        publish=None,
        clock=lambda: T0,  # type: ignore[arg-type]
        policy=policy,
        metrics=None,
    )  # type: ignore[arg-type]


def test_a_pause_pushes_every_pending_deadline_back_and_silences_its_timers():
    case = {"complaint_id": "c", "category": "content", "priority": "P3", "deadlines": {}}
    started = timers.start(
        case, ("initial_review", "result"), start_at=T0, deps=deps(DeadlinePolicy({}))
    )
    assert {t["_id"] for t in started} == {
        "c:initial_review:1:warn",
        "c:initial_review:1:due",
        "c:result:1:warn",
        "c:result:1:due",
    }
    timers.meet(case, "initial_review", now=T0 + timedelta(hours=1))
    timers.pause(case, now=T0 + timedelta(hours=2))
    assert not timers.is_live(case, started[2])
    paused_for = timers.resume(case, now=T0 + timedelta(hours=12))
    assert paused_for == timedelta(hours=10)
    assert case["deadlines"]["result"]["due_at"] == T0 + timedelta(hours=82)
    assert case["deadlines"]["initial_review"]["due_at"] == T0 + timedelta(hours=24), "met stays"
    assert timers.is_live(case, started[2]) and not timers.is_live(case, started[0])


def test_a_restarted_deadline_retires_the_old_generation_of_timers():
    case = {"complaint_id": "c", "category": "content", "priority": "P3", "deadlines": {}}
    first = timers.start(case, ("result",), start_at=T0, deps=deps(DeadlinePolicy({})))
    second = timers.start(
        case, ("result",), start_at=T0 + timedelta(days=3), deps=deps(DeadlinePolicy({}))
    )
    assert not timers.is_live(case, first[1]) and timers.is_live(case, second[1])
    assert second[1]["_id"] == "c:result:2:due"
