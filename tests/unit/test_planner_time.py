"""Sessions use the time a person set aside, pick what a coach would, and say why when not."""

from __future__ import annotations

from typing import Any

import pytest

from backtone.domain.plan import Plan
from backtone.domain.vocabulary import LoadKind
from backtone.planner.rules import hard_rule_breaches
from tests.unit.planner_support import catalogue, make_plan, plan_main_ids

NAMED: dict[str, dict[str, Any]] = {
    "no equipment": {"equipment": "home-none", "days": 3, "minutes": 30},
    "band only": {"equipment": "resistance-band", "days": 3, "minutes": 30},
    "dumbbells only": {"level": "intermediate", "equipment": "dumbbells", "minutes": 45},
    "bar only": {"level": "intermediate", "equipment": "pull-up-bar", "minutes": 30},
    "full gym": {"level": "advanced", "equipment": "gym", "days": 4, "minutes": 60},
    "no pull-up yet": {"equipment": "home-bar", "minutes": 30, "pull_ups": 0},
    "lower back": {
        "level": "intermediate", "equipment": "gym", "minutes": 45, "limitations": ("lower-back",),
    },
    "15 min x 2": {"equipment": "home-band", "days": 2, "minutes": 15},
    "6 days x 90 min": {"level": "intermediate", "equipment": "gym", "days": 6, "minutes": 90},
    "10 min x 1": {"equipment": "home-none", "days": 1, "minutes": 10},
    "no kit, 120 min": {"equipment": "home-none", "days": 3, "minutes": 120},
}  # fmt: skip
SHORT = "Some sessions run only"
LIGHT = "doing less is the point"


def short_sessions(plan: Plan, *, deload: bool) -> list[int]:
    minutes = plan.profile.minutes
    return [
        s.estimated_minutes
        for w in plan.weeks
        if w.deload is deload
        for s in w.sessions
        if s.estimated_minutes < 0.7 * minutes
    ]


@pytest.mark.parametrize("name", sorted(NAMED))
def test_every_session_uses_most_of_the_time_asked_for_or_the_notes_say_why(name: str) -> None:
    plan = make_plan(weeks=12, **NAMED[name])
    assert hard_rule_breaches(plan, catalogue()) == []
    if short_sessions(plan, deload=False):
        assert any(SHORT in n for n in plan.notes)
    if short_sessions(plan, deload=True):
        assert any(LIGHT in n for n in plan.notes)


@pytest.mark.parametrize(
    "profile",
    [
        {"equipment": "home-band", "weekdays": "mon,wed,fri", "minutes": 30},
        {"equipment": "home-none", "days": 3, "minutes": 30},
        {"equipment": "home-dumbbells", "days": 3, "minutes": 30},
    ],
)
def test_half_hour_plans_fill_their_loading_weeks_without_needing_an_excuse(
    profile: dict[str, Any],
) -> None:
    plan = make_plan(weeks=8, **profile)
    assert short_sessions(plan, deload=False) == []
    assert not any(SHORT in n for n in plan.notes)


def test_an_hour_in_the_gym_that_the_back_cannot_use_is_explained_not_padded() -> None:
    plan = make_plan(level="intermediate", equipment="gym", days=4, minutes=60, weeks=8)
    note = next(n for n in plan.notes if SHORT in n)
    assert "full week of hard sets for an intermediate" in note
    stretching = [
        i for s in plan.sessions for i in s.items
        if catalogue().get(i.exercise_id).kind.value == "stretch"
    ]  # fmt: skip
    assert all(i.sets == 1 for i in stretching)


def test_a_long_session_with_no_kit_explains_that_the_back_has_its_weekly_sets() -> None:
    plan = make_plan(equipment="home-none", days=3, minutes=120, weeks=4)
    note = next(n for n in plan.notes if SHORT in n)
    assert "full week of hard sets" in note and "of your 120 minutes" in note


def test_spare_time_goes_to_working_sets_of_trunk_and_front_work() -> None:
    plan = make_plan(equipment="home-band", weekdays="mon,wed,fri", minutes=30, weeks=1)
    ids = plan_main_ids(plan)
    assert "dead-bug" in ids  # trunk work that spares the back's weekly sets
    assert {"band-chest-press", "incline-push-up"} & ids


@pytest.mark.parametrize(
    "profile",
    [
        {"equipment": "home-bar", "pull_ups": 0},
        {"equipment": "pull-up-bar,dumbbells", "pull_ups": 0},
        {"level": "intermediate", "equipment": "gym", "pull_ups": 0},
    ],
)
def test_a_move_that_needs_a_partner_is_never_chosen(profile: dict[str, Any]) -> None:
    plan = make_plan(weeks=12, days=3, minutes=40, **profile)
    assert "spotted-pull-up" not in plan.exercise_ids()


def test_a_template_does_not_stand_in_a_partner_move_for_pull_ups() -> None:
    plan = make_plan(equipment="home-bar", minutes=40, template="seed-003", weeks=2)
    assert "spotted-pull-up" not in plan.exercise_ids()


@pytest.mark.parametrize("days", [2, 3, 4, 5])
def test_someone_with_a_full_gym_gets_gym_staples_not_bands(days: int) -> None:
    plan = make_plan(level="advanced", equipment="gym", days=days, minutes=60, weeks=8)
    loads = {catalogue().get(i).load for i in plan_main_ids(plan)}
    assert LoadKind.BAND not in loads
    assert {LoadKind.BARBELL, LoadKind.DUMBBELL} & loads


def test_a_band_at_home_is_still_used_where_nothing_better_exists() -> None:
    plan = make_plan(equipment="home-band", days=3, minutes=30, weeks=1)
    loads = {catalogue().get(i).load for i in plan_main_ids(plan)}
    assert LoadKind.BAND in loads


def test_the_notes_say_when_the_deload_weeks_come() -> None:
    plan = make_plan(level="intermediate", equipment="home-dumbbells", minutes=40, weeks=10)
    assert any(n.startswith("Weeks 5 and 10 are deloads") for n in plan.notes)


def test_the_notes_list_the_pull_up_ladder_steps_week_by_week() -> None:
    plan = make_plan(equipment="pull-up-bar,resistance-band", minutes=30, weeks=12, pull_ups=0,
                     hang_seconds=20)  # fmt: skip
    ladder = next(n for n in plan.notes if n.startswith("Pull-up ladder"))
    assert "step 2 of 9 (scapular pull-up, 3 x 8-10)" in ladder
    assert "in weeks 1-6" in ladder and "in weeks 7-12" in ladder


def test_the_notes_say_how_long_sessions_take_and_what_fills_them() -> None:
    plan = make_plan(equipment="home-band", weekdays="mon,wed,fri", minutes=30, weeks=4)
    note = next(n for n in plan.notes if n.startswith("Sessions take about"))
    assert "of your 30 minutes" in note and "dead bug" in note
