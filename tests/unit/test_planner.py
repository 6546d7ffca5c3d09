"""The named profiles of issue 3, each planned from the real built-in catalogue."""

from __future__ import annotations

import pytest

from backtone.domain.errors import Infeasible
from backtone.domain.ladders import PULL_UP_LADDER
from backtone.domain.plan import Role
from backtone.domain.profile import EQUIPMENT_PRESETS
from backtone.domain.vocabulary import Equipment, Limitation, Pattern
from backtone.planner.rules import hard_rule_breaches, order_key
from tests.unit.planner_support import catalogue, main_ids, make_plan

FULL_PULL_UPS = {"pull-up", "chin-up", "wide-grip-pull-up", "close-grip-pull-up"}
LADDER_IDS = set(PULL_UP_LADDER.exercise_ids)


def patterns_of(ids: set[str]) -> set[Pattern]:
    return {catalogue().get(i).pattern for i in ids}


def kit_used(ids: set[str]) -> set[Equipment]:
    return set().union(*(catalogue().get(i).needs for i in ids))


def test_no_equipment_still_trains_vertical_and_horizontal_pulls_with_household_things() -> None:
    plan = make_plan(equipment="home-none", days=3, minutes=30)
    ids = plan.exercise_ids()
    assert hard_rule_breaches(plan, catalogue()) == []
    assert kit_used(ids) <= {Equipment.DOORFRAME, Equipment.WALL}
    assert {Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL} <= patterns_of(main_ids(plan.weeks[0]))


def test_no_equipment_still_trains_the_lower_back_and_claims_no_gap() -> None:
    plan = make_plan(equipment="home-none", days=3, minutes=30)
    assert {"superman", "floor-back-extension", "bird-dog"} & plan.exercise_ids()
    assert not any("hip hinge" in n for n in plan.notes)


def test_a_missing_pull_names_the_kit_that_would_add_it() -> None:
    plan = make_plan(equipment="home-none,no-doorframe", days=3, minutes=30)
    gap = next(n for n in plan.notes if "a horizontal pull" in n)
    assert "would add" in gap


def test_band_only_uses_the_band_and_the_house_and_nothing_else() -> None:
    plan = make_plan(equipment="resistance-band", days=3, minutes=30)
    used = kit_used(plan.exercise_ids())
    assert hard_rule_breaches(plan, catalogue()) == []
    assert Equipment.RESISTANCE_BAND in used
    assert used <= {Equipment.RESISTANCE_BAND, Equipment.DOORFRAME, Equipment.WALL}


def test_dumbbells_bring_in_the_seeds_dumbbell_row() -> None:
    plan = make_plan(equipment="dumbbells", days=3, minutes=40)
    assert hard_rule_breaches(plan, catalogue()) == []
    assert Equipment.DUMBBELLS in kit_used(plan.exercise_ids())
    rows = main_ids(plan.weeks[0]) & {"bent-over-dumbbell-row", "single-arm-dumbbell-row"}
    assert rows


def test_bar_only_climbs_the_pull_up_ladder_from_the_bar() -> None:
    plan = make_plan(equipment="pull-up-bar", days=3, minutes=30, weeks=12)
    assert hard_rule_breaches(plan, catalogue()) == []
    assert "negative-pull-up" in main_ids(plan.weeks[0])
    assert "band-assisted-pull-up" not in plan.exercise_ids()  # no band: its rung is skipped


def test_full_gym_covers_every_pull_and_the_hinge_with_the_seeds_exercises() -> None:
    plan = make_plan(level="intermediate", equipment="gym", days=3, minutes=60)
    week = main_ids(plan.weeks[0])
    assert hard_rule_breaches(plan, catalogue()) == []
    assert {Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.HINGE} <= patterns_of(week)
    assert {"lat-pulldown", "bent-over-dumbbell-row"} <= week


@pytest.mark.parametrize(
    ("hang", "step", "below"),
    [
        (5, "dead-hang", set()),
        (25, "scapular-pull-up", {"dead-hang"}),
        (35, "negative-pull-up", {"scapular-pull-up"}),
        (60, "band-assisted-pull-up", {"negative-pull-up"}),
    ],
)
def test_someone_without_a_pull_up_starts_where_their_hang_puts_them(
    hang: int, step: str, below: set[str]
) -> None:
    plan = make_plan(equipment="pull-up-bar,resistance-band", days=3, minutes=30, pull_ups=0,
                     hang_seconds=hang)  # fmt: skip
    week_one = main_ids(plan.weeks[0])
    assert not week_one & FULL_PULL_UPS
    assert step in week_one and week_one & LADDER_IDS <= {step} | below
    note = next(n for n in plan.notes if n.startswith("Pull-up ladder"))
    assert f"you did 0 strict pull-ups and a {hang} s hang" in note


def test_someone_who_can_do_pull_ups_gets_full_reps_from_week_one() -> None:
    plan = make_plan(level="intermediate", equipment="home-bar", days=3, minutes=30, pull_ups=5)
    assert main_ids(plan.weeks[0]) & FULL_PULL_UPS


def test_a_lower_back_limitation_keeps_deadlifts_and_other_unsuitable_moves_out() -> None:
    plan = make_plan(
        level="intermediate", equipment="gym", days=3, minutes=45, limitations=("lower-back",)
    )
    assert "barbell-deadlift" not in plan.exercise_ids()
    assert all(
        Limitation.LOWER_BACK not in catalogue().get(i).avoid_with for i in plan.exercise_ids()
    )
    assert hard_rule_breaches(plan, catalogue()) == []


def test_fifteen_minutes_twice_a_week_fits_every_session_in_fifteen_minutes() -> None:
    plan = make_plan(equipment="home-band", days=2, minutes=15, weeks=8)
    assert hard_rule_breaches(plan, catalogue()) == []
    assert max(s.estimated_minutes for s in plan.sessions) <= 15


def test_six_days_of_ninety_minutes_never_loads_a_muscle_hard_two_days_running() -> None:
    plan = make_plan(level="intermediate", equipment="gym", days=6, minutes=90, weeks=12)
    assert [s.weekday for s in plan.weeks[0].sessions] == [0, 1, 2, 3, 4, 5]
    assert hard_rule_breaches(plan, catalogue()) == []


def test_ten_minutes_once_a_week_makes_a_short_plan_and_says_what_it_lacks() -> None:
    plan = make_plan(equipment="home-none", days=1, minutes=10)
    assert hard_rule_breaches(plan, catalogue()) == []
    assert len(plan.weeks[0].sessions[0].by_role(Role.MAIN)) >= 2
    shortfall = [n for n in plan.notes if "hard sets a week" in n]
    assert shortfall and all("one more day a week" in n for n in shortfall)


def test_every_session_opens_with_the_seeds_stretches_and_closes_with_stretching() -> None:
    plan = make_plan(equipment="home-band", days=3, minutes=30)
    seeds = {"doorframe-stretch", "squat-stretch", "spine-stretch"}
    for session in plan.sessions:
        assert session.items[0].exercise_id in seeds
        assert session.items[-1].role is Role.COOL_DOWN


def test_main_work_runs_from_multi_joint_to_single_joint_and_large_to_small() -> None:
    plan = make_plan(level="advanced", equipment="gym", days=4, minutes=60)
    for session in plan.sessions:
        keys = [order_key(catalogue().get(i.exercise_id)) for i in session.by_role(Role.MAIN)]
        assert keys == sorted(keys)


@pytest.mark.parametrize("preset", sorted(EQUIPMENT_PRESETS))
def test_every_preset_gets_a_sound_twelve_week_plan(preset: str) -> None:
    plan = make_plan(level="intermediate", equipment=preset, days=4, minutes=45, weeks=12)
    assert len(plan.weeks) == 12 and hard_rule_breaches(plan, catalogue()) == []


def test_a_template_on_back_to_back_days_explains_the_rest_day_it_needs() -> None:
    with pytest.raises(Infeasible) as error:
        make_plan(equipment="gym", weekdays="mon,tue", minutes=60, template="seed-000-gym")
    assert any("rest day between sessions" in r for r in error.value.reasons)
