"""Worked examples of every progression rule on loaded exercises: each test is a small story.

docs/progression.md tells the same stories; the figures there are these tests' figures.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from backtone.domain.exercise import Span
from backtone.domain.exposure import Change, Exposure, Target, exposures_from_workouts
from backtone.domain.kit import KILO_KIT, POUND_KIT, Band
from backtone.domain.progression_rules import Rules
from backtone.domain.training import LoggedSet, WeightUnit, Workout
from backtone.domain.vocabulary import Equipment, LoadKind
from tests.unit.test_progression_support import next_for, session, warmup

ROW = "bent-over-dumbbell-row"  # 3 x 12-15, 30 s (seed 003)
LB = WeightUnit.LB


def lb(value: float) -> float:
    return LB.to_kg(value)


# Double progression: reps first, then the next load the kit has, then back to the bottom ----


def test_three_sets_of_fifteen_add_the_next_dumbbell_and_restart_at_the_bottom() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [15, 15, 15], 12)], today=3)
    assert suggestion.change is Change.ADD_LOAD
    assert (suggestion.load_kg, suggestion.reps) == (14, Span(12, 15))
    assert suggestion.reason == "3 x 15 at 12 kg a hand: add 2 kg a hand and restart at 12"


def test_the_restart_is_at_the_bottom_of_the_plans_range_not_at_last_weeks_reps() -> None:
    # the plan's item asks for 3 x 12-15; last time's target had climbed to 14-15
    asked = Target(3, Span(14, 15), None, 12, Change.ADD_REPS)
    suggestion = next_for(ROW, [session(ROW, 0, [15, 15, 15], 12, target=asked)], today=3)
    assert (suggestion.load_kg, suggestion.reps.low if suggestion.reps else None) == (14, 12)


def test_someone_in_pounds_gets_a_pound_dumbbell_and_reads_it_in_pounds() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [15, 15, 15], lb(25))], today=3, unit=LB)
    assert suggestion.load_kg == pytest.approx(lb(30))
    assert suggestion.reason == "3 x 15 at 25 lb a hand: add 5 lb a hand and restart at 12"


def test_a_custom_dumbbell_set_only_suggests_the_pairs_it_has() -> None:
    home = replace(POUND_KIT, dumbbells=(lb(15), lb(25), lb(30), lb(35)))
    suggestion = next_for(ROW, [session(ROW, 0, [15, 15, 15], lb(30))], 3, unit=LB, kit=home)
    assert suggestion.load_kg == pytest.approx(lb(35))
    assert suggestion.reason == "3 x 15 at 30 lb a hand: add 5 lb a hand and restart at 12"


def test_a_jump_too_big_to_restart_at_the_bottom_builds_reps_first_then_takes_it() -> None:
    # 25 -> 35 lb is 40 % heavier: 12 reps there is out of reach after 15 at 25 lb.
    home = replace(POUND_KIT, dumbbells=(lb(15), lb(25), lb(35)))
    first = next_for(ROW, [session(ROW, 0, [15, 15, 15], lb(25))], 3, unit=LB, kit=home)
    assert (first.change, first.reps) == (Change.ADD_REPS, Span(16, 20))
    assert first.load_kg == pytest.approx(lb(25))
    assert first.reason == (
        "3 x 15 at 25 lb a hand: 35 lb a hand is a 40 % jump, so build to 20 reps at 25 lb a"
        " hand first, lowering over 3 s; 30 lb a hand would be a smaller step"
    )
    built = next_for(ROW, [session(ROW, 0, [20, 20, 20], lb(25))], 3, unit=LB, kit=home)
    assert (built.change, built.reps) == (Change.ADD_LOAD, Span(12, 15))
    assert built.load_kg == pytest.approx(lb(35))


def test_the_heaviest_pair_owned_holds_and_says_what_would_help() -> None:
    home = replace(KILO_KIT, dumbbells=(8.0, 10.0, 12.0))
    suggestion = next_for(ROW, [session(ROW, 0, [15, 15, 15], 12)], today=3, kit=home)
    assert (suggestion.change, suggestion.load_kg) == (Change.HOLD, 12)
    assert "nothing heavier than 12 kg a hand in your kit" in suggestion.reason


def test_a_barbell_moves_by_two_and_a_half_kilos_and_by_two_percent_when_heavy() -> None:
    light = next_for("barbell-deadlift", [session("barbell-deadlift", 0, [8, 8, 8], 60)], 3)
    heavy = next_for("barbell-deadlift", [session("barbell-deadlift", 0, [8, 8, 8], 150)], 3)
    assert light.load_kg == 62.5
    assert heavy.load_kg == 155  # 152.5 would be 1.7 %, under the ACSM 2 %


def test_a_home_barbell_with_few_plates_steps_as_the_plates_allow() -> None:
    home = replace(KILO_KIT, plates=((2.5, 1), (5.0, 2), (10.0, 1)))  # pairs owned
    history = [session("barbell-deadlift", 0, [8, 8, 8], 60)]
    assert next_for("barbell-deadlift", history, 3, kit=home).load_kg == 65  # no 1.25s


def test_machine_stacks_move_one_plate_and_the_plate_size_can_be_set() -> None:
    history = [session("lat-pulldown", 0, [15, 15, 15], 40)]
    assert next_for("lat-pulldown", history, 3).load_kg == 45
    small = replace(KILO_KIT, stack_step_kg=2.5)
    assert next_for("lat-pulldown", history, 3, kit=small).load_kg == 42.5


def test_band_exercises_move_up_one_colour_of_the_persons_own_bands() -> None:
    mine = replace(KILO_KIT, bands=(Band("yellow", 5), Band("red", 11), Band("black", 23)))
    suggestion = next_for("band-row", [session("band-row", 0, [15, 15, 15], 11)], 2, kit=mine)
    assert suggestion.change is Change.ADD_LOAD
    assert suggestion.load_kg == 23
    assert "move up to the black band" in suggestion.reason


def test_the_heaviest_band_holds_and_says_why() -> None:
    suggestion = next_for("band-row", [session("band-row", 0, [15, 15, 15], 40)], today=2)
    assert suggestion.change is Change.HOLD
    assert "nothing heavier than the purple band in your kit" in suggestion.reason


def test_sets_short_of_the_top_ask_for_one_more_rep_at_the_same_load() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [15, 14, 13], 12)], today=2)
    assert suggestion.change is Change.ADD_REPS
    assert (suggestion.load_kg, suggestion.reps) == (12, Span(14, 15))
    assert suggestion.reason == (
        "15, 14, 13 at 12 kg a hand: same 12 kg a hand, aim for 14 in every set"
    )


def test_sets_below_the_range_hold_the_load_until_every_set_reaches_the_bottom() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [12, 10, 9], 14)], today=2)
    assert suggestion.change is Change.HOLD
    assert (suggestion.load_kg, suggestion.reps) == (14, Span(12, 15))
    assert "until every set reaches 12" in suggestion.reason


def test_a_missing_set_counts_as_not_reaching_the_top() -> None:
    assert next_for(ROW, [session(ROW, 0, [15, 15], 12)], today=2).change is Change.HOLD


def test_warm_up_sets_do_not_count() -> None:
    history = [warmup(session(ROW, 0, [15, 15, 15], 12), reps=5, kg=4)]
    assert next_for(ROW, history, today=2).load_kg == 14


def test_an_unlogged_load_still_says_to_go_heavier() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [15, 15, 15])], today=2)
    assert (suggestion.change, suggestion.load_kg) == (Change.ADD_LOAD, None)
    assert "next weight up and restart at 12" in suggestion.reason


# First time ---------------------------------------------------------------------------------


def test_a_first_session_uses_the_prescription_and_lets_the_person_pick_the_load() -> None:
    suggestion = next_for(ROW, [], today=0)
    assert suggestion.change is Change.START
    assert (suggestion.sets, suggestion.reps, suggestion.load_kg) == (3, Span(12, 15), None)
    assert "about 14 times" in suggestion.reason


def test_sessions_of_other_exercises_and_future_dates_are_ignored() -> None:
    history = [session("lat-pulldown", 0, [15, 15, 15], 40), session(ROW, 9, [15, 15, 15], 12)]
    assert next_for(ROW, history, today=3).change is Change.START


def test_stretches_and_mobility_drills_are_kept_as_they_are() -> None:
    history = [session("childs-pose", 0, [45, 45], seconds=True)]
    suggestion = next_for("childs-pose", history, today=2)
    assert (suggestion.change, suggestion.seconds) == (Change.HOLD, Span(30, 45))


# The plan's deload week: nothing goes up ---------------------------------------------------


def test_a_deload_week_takes_about_ten_percent_off_and_the_plans_set() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [14, 14, 13], 14)], 2, deload=True, sets=2)
    assert suggestion.change is Change.DELOAD
    assert (suggestion.sets, suggestion.load_kg, suggestion.reps) == (2, 12, Span(12, 15))
    assert suggestion.reason == (
        "Deload week: 2 x 12 at 12 kg a hand, about 10 % lighter than last time"
    )


def test_a_deload_week_never_raises_the_load_even_at_the_top_of_the_range() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [15, 15, 15], 14)], 2, deload=True, sets=2)
    assert suggestion.change is Change.DELOAD
    assert suggestion.load_kg is not None and suggestion.load_kg < 14


# Grinds: hold the load and the very target ---------------------------------------------------


def test_a_grind_at_rpe_ten_holds_the_load_and_the_same_target_and_says_reps_were_missed() -> None:
    asked = Target(3, Span(12, 15), None, 20, Change.ADD_LOAD)
    history = [session(ROW, 0, [10, 8, 6], 20, rpe=10, target=asked)]
    suggestion = next_for(ROW, history, today=2)
    assert suggestion.change is Change.HOLD
    assert (suggestion.load_kg, suggestion.sets, suggestion.reps) == (20, 3, Span(12, 15))
    assert suggestion.reason == (
        "10, 8, 6 at 20 kg a hand, RPE 10, reps short of the target: keep 20 kg a hand and the"
        " same target, 3 x 12-15"
    )


def test_a_grind_at_the_top_of_the_range_holds_too_and_claims_no_missed_reps() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [15, 15, 15], 12, rpe=10)], today=2)
    assert (suggestion.change, suggestion.load_kg) == (Change.HOLD, 12)
    assert "short of the target" not in suggestion.reason


def test_zero_reps_in_reserve_is_a_grind_too() -> None:
    target = Target(3, Span(13, 15), None, 14, Change.ADD_REPS)
    history = [session(ROW, 0, [13, 13, 12], 14, rir=0, target=target)]
    suggestion = next_for(ROW, history, today=2)
    assert (suggestion.change, suggestion.reps) == (Change.HOLD, Span(13, 15))


# Stalls -------------------------------------------------------------------------------------


def stuck_at_14() -> list[Exposure]:
    return [session(ROW, d, [12, 12, 11], 14) for d in (0, 2, 4, 7)]


def test_three_sessions_without_progress_deload_to_a_lighter_pair() -> None:
    suggestion = next_for(ROW, stuck_at_14(), today=9)
    assert (suggestion.change, suggestion.load_kg, suggestion.reps) == (
        Change.DELOAD, 12, Span(12, 15)
    )  # fmt: skip
    assert suggestion.reason.startswith(
        "No progress in the last 3 sessions at 14 kg a hand: drop to 12 kg a hand"
    )


def test_three_sessions_are_not_a_stall_without_an_earlier_one_to_compare() -> None:
    assert next_for(ROW, stuck_at_14()[1:], today=9).change is not Change.DELOAD


def test_a_rep_gained_anywhere_is_progress() -> None:
    history = stuck_at_14()
    history[-1] = session(ROW, 7, [12, 12, 12], 14)
    assert next_for(ROW, history, today=9).change is Change.ADD_REPS


def test_a_deload_starts_a_fresh_count() -> None:
    deloaded = Target(3, Span(12, 15), None, 12, Change.DELOAD)
    history = [*stuck_at_14(), session(ROW, 9, [13, 13, 13], 12, target=deloaded)]
    history += [session(ROW, 11, [14, 14, 14], 12), session(ROW, 14, [14, 14, 13], 12)]
    assert next_for(ROW, history, today=16).change is Change.ADD_REPS


def test_stuck_again_after_a_deload_switches_to_a_variant_at_the_same_load() -> None:
    history = [*stuck_at_14(), session(ROW, 9, [15, 15, 15], 12)]  # the deload session
    history += [session(ROW, 11 + d, [12, 12, 11], 14) for d in (0, 2, 4, 7)]
    suggestion = next_for(ROW, history, today=20)
    assert suggestion.change is Change.SWITCH_VARIANT
    assert (suggestion.exercise_id, suggestion.load_kg) == ("single-arm-dumbbell-row", 14)
    assert "even after a deload: switch to Single-arm dumbbell row" in suggestion.reason


def test_a_variant_needing_missing_equipment_is_not_offered() -> None:
    history = [*stuck_at_14(), session(ROW, 9, [15, 15, 15], 12)]
    history += [session(ROW, 11 + d, [12, 12, 11], 14) for d in (0, 2, 4, 7)]
    suggestion = next_for(ROW, history, today=20, equipment=frozenset({Equipment.DUMBBELLS}))
    assert suggestion.change is Change.DELOAD  # both variants need a bench or a chair


@pytest.mark.parametrize(
    ("kind", "loads"),
    [
        (LoadKind.BARBELL, (25.0, 32.5, 60.0, 97.5)),
        (LoadKind.MACHINE, (20.0, 35.0, 60.0, 95.0)),
        (LoadKind.DUMBBELL, (6.0, 12.0, 22.0, 32.0)),
    ],
)
def test_deloads_take_about_ten_percent_to_a_load_the_kit_has(
    kind: LoadKind, loads: tuple[float, ...]
) -> None:
    for load in loads:
        lighter = KILO_KIT.lighter_by(kind, load, 0.10)
        assert lighter is not None and lighter in KILO_KIT.loads(kind)
        assert lighter < load
        assert lighter <= 0.9 * load or lighter == KILO_KIT.below(kind, load)
    assert KILO_KIT.lighter_by(LoadKind.BARBELL, 20.0, 0.10) is None  # nothing under the bar


# Effort -------------------------------------------------------------------------------------


def test_feeling_nothing_means_the_weight_is_too_light() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [12, 12, 12], 8, rpe=5)], today=2)
    assert (suggestion.change, suggestion.load_kg) == (Change.ADD_LOAD, 10)
    assert suggestion.reason.startswith("3 x 12 at 8 kg a hand, RPE 5, too light: add 2 kg")


def test_four_reps_in_reserve_also_count_as_too_easy() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [12, 12, 12], 8, rir=4)], today=2)
    assert suggestion.change is Change.ADD_LOAD


# A readiness check-in holds what would go up ------------------------------------------------


def test_a_poor_night_holds_a_load_step_at_last_times_numbers() -> None:
    history = [session(ROW, 0, [15, 15, 15], 12)]
    suggestion = next_for(ROW, history, 2, hold_because="a poor night's sleep")
    assert (suggestion.change, suggestion.load_kg) == (Change.HOLD, 12)
    assert suggestion.reason.startswith("3 x 15 at 12 kg a hand: a poor night's sleep, so keep")


# Breaks -------------------------------------------------------------------------------------


def test_a_missed_week_resumes_where_the_person_left_off() -> None:
    suggestion = next_for(ROW, [session(ROW, 0, [14, 13, 13], 12)], today=12)
    assert (suggestion.change, suggestion.load_kg) == (Change.ADD_REPS, 12)


@pytest.mark.parametrize(("away", "kg"), [(20, 52.5), (45, 47.5)])
def test_after_a_long_break_the_load_steps_back_more_the_longer_it_was(
    away: int, kg: float
) -> None:
    history = [session("barbell-deadlift", 0, [7, 7, 6], 60)]
    suggestion = next_for("barbell-deadlift", history, today=away)
    assert (suggestion.change, suggestion.load_kg) == (Change.STEP_BACK, kg)
    assert suggestion.reason.startswith(f"{away} days since your last Barbell deadlift: ease")


def test_the_same_history_gives_the_same_advice_on_any_day_before_a_break() -> None:
    history = [session(ROW, 0, [14, 13, 13], 12)]
    advice = {next_for(ROW, history, today=day) for day in (1, 2, 5, 9, 14)}
    assert len(advice) == 1


def test_exposures_are_read_from_workouts_on_the_local_calendar_day() -> None:
    late = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # already Tuesday in Berlin
    sets = (LoggedSet(ROW, reps=12, load_kg=12), LoggedSet("lat-pulldown", reps=12, load_kg=40))
    workouts = [Workout(late, sets), Workout(late + timedelta(days=2), sets[:1])]
    found = exposures_from_workouts(workouts, [ROW], timezone(timedelta(hours=1)))
    assert [e.day.isoformat() for e in found] == ["2026-03-03", "2026-03-05"]
    assert all(e.exercise_id == ROW and len(e.sets) == 1 for e in found)


def test_rules_are_data_a_stall_needs_only_the_rules_count() -> None:
    history = stuck_at_14()
    assert next_for(ROW, history, 9, rules=Rules(stall_exposures=4)).change is not Change.DELOAD
