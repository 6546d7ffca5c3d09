"""How plans progress and explain themselves: deloads, rising volume, balance, determinism."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import Infeasible, InvalidInput
from backtone.domain.exercise import Prescription, Span
from backtone.domain.plan import Role
from backtone.domain.profile import build_profile
from backtone.domain.vocabulary import Equipment, Kind, Muscle, Pattern
from backtone.domain.volume_targets import WEEKLY_TARGETS as TARGETS
from backtone.planner.generate import generate_plan
from backtone.planner.periodisation import deload_weeks
from backtone.planner.rules import hard_rule_breaches
from backtone.services.planning import create_plan
from tests.factories import make_exercise
from tests.unit.planner_support import (
    START,
    catalogue,
    make_plan,
    pull_sets,
    push_sets,
    volume,
)

STRETCH = Prescription(sets=1, seconds=Span(30, 30), rest_seconds=Span(0, 0))


def tiny_catalogue(*extra: object) -> Catalogue:
    """Two stretches and whatever the test adds: small enough to reason about by hand."""
    stretches = [
        make_exercise(
            "open-stretch",
            kind=Kind.STRETCH,
            pattern=Pattern.STRETCH,
            primary=(Muscle.PECTORALS,),
            prescription=STRETCH,
        ),
        make_exercise(
            "fold-stretch",
            kind=Kind.STRETCH,
            pattern=Pattern.STRETCH,
            primary=(Muscle.HAMSTRINGS,),
            prescription=STRETCH,
        ),
    ]
    return Catalogue([*stretches, *extra])  # type: ignore[list-item]


def test_the_same_profile_always_gets_the_same_plan() -> None:
    kwargs = {"level": "intermediate", "equipment": "gym", "days": 4, "minutes": 50, "weeks": 12}
    assert make_plan(**kwargs) == make_plan(**kwargs)


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
def test_a_twelve_week_plan_deloads_every_four_to_six_weeks(level: str) -> None:
    plan = make_plan(level=level, equipment="gym", days=3, minutes=45, weeks=12)
    deloads = [w.number for w in plan.weeks if w.deload]
    gaps = [b - a for a, b in zip([0, *deloads], deloads, strict=False)]
    assert deloads and all(4 <= gap <= 6 for gap in gaps)


def test_plans_under_four_weeks_have_no_deload() -> None:
    assert deload_weeks(build_profile(level="advanced"), 3) == set()


def test_volume_rises_through_each_block_and_drops_in_the_deload() -> None:
    plan = make_plan(level="intermediate", equipment="home-dumbbells", days=3, minutes=45, weeks=10)
    for before, after in zip(plan.weeks, plan.weeks[1:], strict=False):
        if after.deload:
            assert volume(after) < volume(before)
        elif not before.deload:
            assert volume(after) >= volume(before)
    assert volume(plan.weeks[3]) > volume(plan.weeks[0])


def test_deload_weeks_keep_every_stretch() -> None:
    plan = make_plan(level="advanced", equipment="gym", days=3, minutes=45, weeks=4)
    normal, deload = plan.weeks[0].sessions[0], plan.weeks[3].sessions[0]
    for role in (Role.WARM_UP, Role.COOL_DOWN):
        light = {i.exercise_id: i.sets for i in deload.by_role(role)}
        assert all(light.get(i.exercise_id, 0) >= i.sets for i in normal.by_role(role))
    assert sum(i.sets for i in deload.by_role(Role.MAIN)) < sum(
        i.sets for i in normal.by_role(Role.MAIN)
    )


@pytest.mark.parametrize("equipment", ["home-none", "home-band", "gym"])
def test_pull_work_is_never_outweighed_by_push_work_and_push_is_present(equipment: str) -> None:
    plan = make_plan(equipment=equipment, days=3, minutes=30, weeks=4)
    for week in plan.weeks:
        assert 0 < push_sets(week) <= pull_sets(week)


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
def test_weekly_back_sets_stay_under_the_top_of_the_level_range(level: str) -> None:
    from backtone.planner.rules import is_hard, regions_of

    plan = make_plan(level=level, equipment="gym", days=5, minutes=60, weeks=6)
    caps = TARGETS[plan.profile.level]
    for week in plan.weeks:
        sets = dict.fromkeys(caps, 0)
        for session in week.sessions:
            for item in session.by_role(Role.MAIN):
                exercise = catalogue().get(item.exercise_id)
                for region in regions_of(exercise) & caps.keys() if is_hard(exercise) else ():
                    sets[region] += item.sets
        assert all(sets[r] <= caps[r][1] for r in caps)


def test_week_one_starts_on_the_first_chosen_weekday_after_the_start() -> None:
    plan = make_plan(equipment="home-band", weekdays="tue,fri", minutes=30)
    assert [s.day for s in plan.weeks[0].sessions] == [date(2026, 3, 3), date(2026, 3, 6)]


def test_weeks_outside_one_to_twelve_are_refused() -> None:
    with pytest.raises(InvalidInput) as error:
        make_plan(weeks=13)
    assert error.value.field == "weeks"


def test_too_little_time_says_how_many_minutes_would_do() -> None:
    slow = Prescription(sets=3, seconds=Span(120, 150), rest_seconds=Span(60, 60))
    cat = tiny_catalogue(
        make_exercise("slow-row", prescription=slow),
        make_exercise(
            "slow-press",
            pattern=Pattern.HORIZONTAL_PUSH,
            primary=(Muscle.PECTORALS,),
            prescription=slow,
        ),
    )
    with pytest.raises(Infeasible) as error:
        generate_plan(
            profile=build_profile(level="beginner", days=1, minutes=10),
            catalogue=cat,
            start=START,
            weeks=4,
        )
    assert error.value.reasons == (
        "10 minutes cannot hold a warm-up, 2 exercises and a cool-down: 15 minutes can.",
    )


def test_nothing_for_the_back_is_explained_with_the_kit_that_would_help() -> None:
    band_row = make_exercise("band-row", equipment=frozenset({Equipment.RESISTANCE_BAND}))
    press = make_exercise("press", pattern=Pattern.HORIZONTAL_PUSH, primary=(Muscle.PECTORALS,))
    with pytest.raises(Infeasible) as error:
        generate_plan(
            profile=build_profile(level="beginner", equipment="home-none"),
            catalogue=tiny_catalogue(band_row, press),
            start=START,
            weeks=4,
        )
    (reason,) = error.value.reasons
    assert (
        reason.startswith("Nothing strengthens the back")
        and "a resistance band would add 1" in reason
    )


def test_back_to_back_days_with_one_back_move_explain_the_48_hour_rule() -> None:
    row = make_exercise("only-row")
    press = make_exercise("press", pattern=Pattern.HORIZONTAL_PUSH, primary=(Muscle.PECTORALS,))
    with pytest.raises(Infeasible) as error:
        generate_plan(
            profile=build_profile(level="beginner", weekdays="mon,tue"),
            catalogue=tiny_catalogue(row, press),
            start=START,
            weeks=4,
        )
    assert "within 48 hours" in error.value.reasons[0] and "mon,wed,fri" in error.value.reasons[0]


def test_the_rule_checker_catches_kit_the_person_does_not_have() -> None:
    plan = make_plan(equipment="home-none", days=2, minutes=20)
    week = plan.weeks[0]
    session = week.sessions[0]
    main = session.by_role(Role.MAIN)[0]
    forged = replace(main, exercise_id="barbell-deadlift", name="Barbell deadlift")
    items = tuple(forged if i is main else i for i in session.items)
    broken = replace(plan, weeks=(replace(week, sessions=(replace(session, items=items),)),))
    assert any("needs barbell" in b for b in hard_rule_breaches(broken, catalogue()))


def test_seed_003_template_keeps_the_seeds_numbers_in_the_seeds_order() -> None:
    plan = make_plan(
        level="beginner", equipment="dumbbells,pull-up-bar", minutes=40, template="seed-003",
        pull_ups=2, push_ups=15,
    )  # fmt: skip
    main = plan.weeks[0].sessions[0].by_role(Role.MAIN)
    assert [i.exercise_id for i in main] == [
        "push-up",
        "bent-over-dumbbell-row",
        "close-grip-pull-up",
        "wide-grip-pull-up",
    ]
    assert [(i.sets, str(i.reps), i.rest_seconds) for i in main] == [
        (3, "10", 30), (3, "12-15", 30), (2, "1-3", 60), (2, "1-3", 60),
    ]  # fmt: skip
    assert all(i.is_seed for i in main)
    assert plan.template == "seed-003" and hard_rule_breaches(plan, catalogue()) == []


def test_seed_003_template_gives_someone_past_the_seeds_level_their_own_numbers() -> None:
    plan = make_plan(
        level="advanced", equipment="dumbbells,pull-up-bar", minutes=45, template="seed-003",
        pull_ups=10, push_ups=30,
    )  # fmt: skip
    main = plan.weeks[0].sessions[0].by_role(Role.MAIN)
    pulls = [i for i in main if i.exercise_id.endswith("pull-up")]
    assert [(i.sets, str(i.reps)) for i in pulls] == [(3, "5-8"), (3, "5-8")]
    assert not any(i.is_seed for i in main)


def test_seed_000_template_never_repeats_an_exercise_and_adds_a_push_for_balance() -> None:
    plan = make_plan(equipment="gym", days=3, minutes=45, template="seed-000-gym", weeks=4)
    for session in plan.sessions:
        ids = [i.exercise_id for i in session.items]
        assert len(ids) == len(set(ids))
        main = [catalogue().get(i.exercise_id) for i in session.by_role(Role.MAIN)]
        assert any(e.pattern is Pattern.HORIZONTAL_PUSH for e in main)
    assert any("added for balance" in n for n in plan.notes)


def test_seed_000_template_swaps_pull_ups_for_an_easier_step_for_a_beginner() -> None:
    plan = make_plan(equipment="gym", minutes=60, template="seed-000-gym", pull_ups=0)
    ids = plan.exercise_ids()
    assert "pull-up" not in ids and "barbell-deadlift" not in ids
    assert any("stands in for Pull-up" in n for n in plan.notes)
    assert hard_rule_breaches(plan, catalogue()) == []


def test_an_unknown_template_lists_the_known_ones() -> None:
    with pytest.raises(InvalidInput) as error:
        create_plan(
            profile=build_profile(level="beginner"),
            catalogue=catalogue(),
            start=START,
            weeks=4,
            template="seed-999",
        )
    assert "seed-003" in error.value.allowed


def test_an_imported_exercise_without_named_muscles_does_not_stop_the_planner() -> None:
    # Another app's export names "Lateral Raise (Dumbbell)" and nothing about its muscles.
    from backtone.adapters.catalogue.loader import load_builtin_catalogue

    bare = make_exercise("custom-lateral-raise-dumbbell", primary=(), pattern=Pattern.ISOLATION)
    catalogue = load_builtin_catalogue().with_exercises([bare])
    profile = build_profile(level="beginner", equipment="gym", days=3, minutes=45)
    plan = generate_plan(profile=profile, catalogue=catalogue, start=date(2026, 3, 2), weeks=2)
    assert plan.sessions and not hard_rule_breaches(plan, catalogue)
