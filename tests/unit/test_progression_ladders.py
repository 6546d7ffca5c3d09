"""Worked examples of the bodyweight ladders: pull-ups from a dead hang, push-ups from a wall."""

from __future__ import annotations

import pytest

from backtone.domain.exercise import Span
from backtone.domain.exposure import Change, Target
from backtone.domain.ladders import ASSISTED, LADDERS, PULL_UP_LADDER, PUSH_UP_LADDER, VARIANTS
from backtone.domain.vocabulary import Equipment, LoadKind
from tests.unit.test_progression_support import catalogue, next_for, session

BAR_AND_BAND = frozenset({Equipment.PULL_UP_BAR, Equipment.RESISTANCE_BAND})
GYM = frozenset({Equipment.PULL_UP_BAR, Equipment.ASSISTED_PULL_UP_MACHINE})


def test_every_ladder_and_variant_id_is_in_the_catalogue() -> None:
    ids = {e.id for e in catalogue()}
    for ladder in LADDERS:
        assert ladder.exercise_ids <= ids, ladder.id
    for exercise_id, variants in VARIANTS.items():
        assert {exercise_id, *variants} <= ids
    assert ids >= ASSISTED


def test_each_climb_follows_the_catalogue_harder_links() -> None:
    for ladder in LADDERS:
        for low, high in zip(ladder.rungs, ladder.rungs[1:], strict=False):
            if high.exercise_id in low.exercise_ids:
                continue  # the same exercise with a bigger target
            if high.added_load:  # weight on a movement already climbed
                assert any(r.exercise_id == high.exercise_id for r in ladder.rungs[:-1])
                continue
            linked = {h for i in low.exercise_ids for h in catalogue().get(i).harder}
            assert linked & set(high.exercise_ids), (low.exercise_id, high.exercise_id)


def test_assisted_exercises_carry_a_load_the_engine_can_lighten() -> None:
    kinds = {catalogue().get(i).load for i in ASSISTED}
    assert kinds <= {LoadKind.BAND, LoadKind.MACHINE}


# The pull-up ladder, rung by rung -----------------------------------------------------------


def test_a_beginner_starts_with_a_dead_hang_of_twenty_to_thirty_seconds() -> None:
    suggestion = next_for("dead-hang", [], today=0)
    assert suggestion.change is Change.START
    assert (suggestion.sets, suggestion.seconds) == (3, Span(20, 30))
    assert (suggestion.ladder_id, suggestion.rung) == ("pull-up", 0)


def test_a_short_hang_adds_five_seconds() -> None:
    history = [session("dead-hang", 0, [22, 20, 20], seconds=True)]
    suggestion = next_for("dead-hang", history, today=2)
    assert suggestion.change is Change.ADD_REPS
    assert suggestion.seconds == Span(25, 30)
    assert suggestion.reason == "22, 20, 20 s: aim for 25 s in every set"


def test_three_thirty_second_hangs_climb_to_scapular_pull_ups() -> None:
    history = [session("dead-hang", 0, [30, 30, 30], seconds=True)]
    suggestion = next_for("dead-hang", history, today=2)
    assert suggestion.change is Change.CLIMB_RUNG
    assert (suggestion.exercise_id, suggestion.sets, suggestion.reps) == (
        "scapular-pull-up",
        3,
        Span(8, 10),
    )
    assert suggestion.reason.startswith("3 x 30 s: climb to Scapular pull-up, 3 x 8-10")


def test_scapular_pull_ups_lead_to_slow_negatives() -> None:
    history = [session("scapular-pull-up", 0, [10, 10, 10])]
    suggestion = next_for("pull-up", history, today=2)
    assert (suggestion.exercise_id, suggestion.reps) == ("negative-pull-up", Span(3, 5))
    assert "lower over 3-5 s" in suggestion.reason


def test_negatives_lead_to_a_band_at_home_or_the_machine_at_the_gym() -> None:
    history = [session("negative-pull-up", 0, [5, 5, 5])]
    at_home = next_for("pull-up", history, today=2, equipment=BAR_AND_BAND)
    at_gym = next_for("pull-up", history, today=2, equipment=GYM)
    assert (at_home.exercise_id, at_home.assisted) == ("band-assisted-pull-up", True)
    assert (at_gym.exercise_id, at_gym.assisted) == ("assisted-pull-up", True)
    assert at_home.load_kg is None and "pick the help" in at_home.reason


def test_the_top_of_the_range_with_a_band_takes_the_next_lighter_band() -> None:
    history = [session("band-assisted-pull-up", 0, [8, 8, 8], 15)]
    suggestion = next_for("pull-up", history, today=2)
    assert suggestion.change is Change.ADD_LOAD
    assert (suggestion.load_kg, suggestion.reps) == (10, Span(5, 8))
    assert suggestion.reason == "3 x 8 with the green band: take the red band and restart at 5"


def test_the_lightest_band_done_climbs_to_the_first_full_pull_ups_of_seed_003() -> None:
    history = [session("band-assisted-pull-up", 0, [8, 8, 8], 5)]
    suggestion = next_for("pull-up", history, today=2)
    assert suggestion.change is Change.CLIMB_RUNG
    # seed 003's first full reps: close-grip pull-ups, 2 x 1-3
    assert (suggestion.exercise_id, suggestion.sets, suggestion.reps) == (
        "close-grip-pull-up", 2, Span(1, 3),
    )  # fmt: skip
    assert not suggestion.assisted


def test_machine_assistance_comes_off_one_plate_at_a_time_then_climbs() -> None:
    more = next_for("pull-up", [session("assisted-pull-up", 0, [8, 8, 8], 15)], today=2)
    last = next_for("pull-up", [session("assisted-pull-up", 0, [8, 8, 8], 5)], today=2)
    assert (more.load_kg, more.reason) == (
        10,
        "3 x 8 with 15 kg of help: take 10 kg of help and restart at 5",
    )
    assert (last.change, last.exercise_id) == (Change.CLIMB_RUNG, "close-grip-pull-up")


@pytest.mark.parametrize(
    ("sets", "target", "expect"),
    [
        ([3, 3], Target(2, Span(1, 3)), (3, Span(3, 5), None)),
        ([5, 5, 5], Target(3, Span(3, 5)), (3, Span(5, 8), None)),
        ([8, 8, 8], Target(3, Span(5, 8)), (3, Span(5, 8), "wide-grip-pull-up")),
    ],
)
def test_full_pull_ups_go_from_two_sets_of_three_to_three_of_five_to_three_of_eight(
    sets: list[int], target: Target, expect: tuple[int, Span, str | None]
) -> None:
    suggestion = next_for("pull-up", [session("pull-up", 0, sets, target=target)], today=2)
    assert suggestion.change is Change.CLIMB_RUNG
    assert (suggestion.sets, suggestion.reps) == expect[:2]
    assert suggestion.exercise_id == (expect[2] or "pull-up")


def test_wide_and_close_grip_lead_to_pull_ups_with_a_small_plate() -> None:
    history = [session("close-grip-pull-up", 0, [8, 8, 8])]
    suggestion = next_for("pull-up", history, today=2)
    assert (suggestion.exercise_id, suggestion.load_kg) == ("pull-up", 2.5)
    assert suggestion.rung == len(PULL_UP_LADDER.rungs) - 1


def test_weighted_pull_ups_progress_by_two_and_a_half_kilos() -> None:
    history = [session("pull-up", 0, [8, 8, 8], 2.5)]
    suggestion = next_for("pull-up", history, today=2)
    assert (suggestion.change, suggestion.load_kg) == (Change.ADD_LOAD, 5)
    assert suggestion.reason == "3 x 8 with 2.5 kg added: add 2.5 kg and restart at 5"


def test_imported_pull_ups_without_a_target_are_placed_by_what_was_done() -> None:
    # 3, 3, 2 reaches the bottom of 2 x 1-3 in two sets but not of 3 x 3-5 in three: the
    # session was on the first-full-reps step, at its top, so the next one is 3 x 3-5.
    suggestion = next_for("pull-up", [session("pull-up", 0, [3, 3, 2])], today=2)
    assert (suggestion.change, suggestion.sets, suggestion.reps) == (
        Change.CLIMB_RUNG, 3, Span(3, 5)
    )  # fmt: skip
    assert suggestion.rung == 5


def test_the_plan_says_pull_ups_but_the_person_resumes_on_their_rung() -> None:
    suggestion = next_for("pull-up", [session("negative-pull-up", 0, [4, 4, 3])], today=2)
    assert (suggestion.exercise_id, suggestion.change) == ("negative-pull-up", Change.ADD_REPS)
    assert suggestion.reps == Span(4, 5)


def test_no_full_rep_goes_back_one_rung() -> None:
    history = [session("pull-up", 0, [0, 0], target=Target(2, Span(1, 3)))]
    suggestion = next_for("pull-up", history, today=2, equipment=BAR_AND_BAND)
    assert (suggestion.change, suggestion.exercise_id) == (
        Change.STEP_BACK,
        "band-assisted-pull-up",
    )
    assert suggestion.reason.startswith("No full rep of Pull-up yet")


# Stalls, effort and breaks on a ladder ------------------------------------------------------


def test_first_pull_ups_stuck_for_three_sessions_switch_to_chin_ups() -> None:
    target = Target(2, Span(1, 3))
    history = [session("pull-up", d, [2, 1], target=target) for d in (0, 2, 4, 7)]
    suggestion = next_for("pull-up", history, today=9)
    assert (suggestion.change, suggestion.exercise_id) == (Change.SWITCH_VARIANT, "chin-up")
    assert suggestion.reps == Span(1, 3)


def test_a_stall_on_a_rung_without_stand_ins_drops_a_set_for_one_session() -> None:
    history = [session("scapular-pull-up", d, [9, 9, 8]) for d in (0, 2, 4, 7)]
    suggestion = next_for("pull-up", history, today=9)
    assert (suggestion.change, suggestion.sets) == (Change.DELOAD, 2)


def test_a_stall_with_a_band_takes_one_colour_more_help() -> None:
    history = [session("band-assisted-pull-up", d, [6, 6, 5], 10) for d in (0, 2, 4, 7)]
    suggestion = next_for("pull-up", history, today=9, equipment=BAR_AND_BAND)
    assert (suggestion.change, suggestion.load_kg) == (Change.DELOAD, 15)


def test_easy_scapular_pull_ups_aim_for_the_top_of_the_range() -> None:
    suggestion = next_for("pull-up", [session("scapular-pull-up", 0, [8, 8, 8], rpe=5)], 2)
    assert (suggestion.change, suggestion.reps) == (Change.ADD_REPS, Span(10, 10))


def test_two_weeks_away_from_negatives_restart_at_the_bottom_of_the_range() -> None:
    suggestion = next_for("pull-up", [session("negative-pull-up", 0, [5, 5, 4])], today=18)
    assert (suggestion.change, suggestion.exercise_id) == (Change.STEP_BACK, "negative-pull-up")
    assert suggestion.reps == Span(3, 5)


def test_a_month_away_goes_back_one_rung() -> None:
    suggestion = next_for("pull-up", [session("negative-pull-up", 0, [5, 5, 4])], today=35)
    assert (suggestion.change, suggestion.exercise_id) == (Change.STEP_BACK, "scapular-pull-up")


def test_two_weeks_away_from_the_band_add_one_colour_of_help() -> None:
    history = [session("band-assisted-pull-up", 0, [7, 6, 6], 10)]
    suggestion = next_for("pull-up", history, today=17)
    assert (suggestion.change, suggestion.load_kg) == (Change.STEP_BACK, 15)


# The push-up ladder -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("done_on", "reps", "asked", "climbs_to", "target"),
    [
        ("wall-push-up", [15, 15, 15], None, "incline-push-up", Span(10, 12)),
        ("incline-push-up", [12, 12, 12], None, "knee-push-up", Span(8, 12)),
        ("knee-push-up", [12, 12, 12], None, "push-up", Span(3, 5)),
        ("push-up", [5, 5, 5], Target(3, Span(3, 5)), "push-up", Span(6, 10)),
        ("push-up", [10, 10, 10], Target(3, Span(6, 10)), "push-up", Span(10, 10)),
        ("push-up", [10, 10, 10], Target(3, Span(10, 10)), "decline-push-up", Span(6, 10)),
    ],
)
def test_push_ups_climb_from_the_wall_to_the_floor_to_a_decline(
    done_on: str, reps: list[int], asked: Target | None, climbs_to: str, target: Span
) -> None:
    suggestion = next_for("push-up", [session(done_on, 0, reps, target=asked)], today=2)
    assert (suggestion.change, suggestion.exercise_id, suggestion.reps) == (
        Change.CLIMB_RUNG,
        climbs_to,
        target,
    )


def test_diamond_push_ups_are_the_variety_on_the_decline_rung() -> None:
    target = Target(3, Span(6, 10))
    history = [session("decline-push-up", d, [7, 7, 6], target=target) for d in (0, 2, 4, 7)]
    suggestion = next_for("push-up", history, today=9)
    assert (suggestion.change, suggestion.exercise_id) == (Change.SWITCH_VARIANT, "diamond-push-up")


def test_the_top_of_the_push_up_ladder_holds_and_slows_the_lowering() -> None:
    target = Target(3, Span(10, 15))
    history = [session("decline-push-up", 0, [15, 15, 15], target=target)]
    suggestion = next_for("push-up", history, today=2)
    assert suggestion.change is Change.HOLD
    assert suggestion.rung == len(PUSH_UP_LADDER.rungs) - 1
    assert "top of the push-up ladder" in suggestion.reason


def test_bodyweight_exercises_outside_a_ladder_climb_by_their_catalogue_links() -> None:
    suggestion = next_for("superman", [session("superman", 0, [12, 12, 12])], today=2)
    assert (suggestion.change, suggestion.exercise_id) == (Change.CLIMB_RUNG, "back-extension")
    home = frozenset({Equipment.NONE})
    stay = next_for("superman", [session("superman", 0, [12, 12, 12])], 2, equipment=home)
    assert stay.change is Change.HOLD


# Two rungs in one session, and which one leads ----------------------------------------------


def test_the_highest_rung_worked_that_day_decides_not_the_one_logged_last() -> None:
    # assisted pull-ups, then dead hangs as support work, on the same day
    history = [
        session("band-assisted-pull-up", 0, [8, 7, 7], 20),
        session("dead-hang", 0, [30, 30, 30], seconds=True),
    ]
    lead = next_for("band-assisted-pull-up", history, today=2, equipment=BAR_AND_BAND, rung=3)
    assert (lead.exercise_id, lead.rung, lead.load_kg) == ("band-assisted-pull-up", 3, 20)
    assert lead.change is Change.ADD_REPS and "aim for 8 in every set" in lead.reason


def test_a_support_rung_at_its_top_stays_beside_the_lead_instead_of_climbing_into_it() -> None:
    history = [
        session("band-assisted-pull-up", 0, [8, 7, 7], 20),
        session("dead-hang", 0, [30, 30, 30], seconds=True),
    ]
    support = next_for("dead-hang", history, today=2, rung=0, support=True)
    assert (support.exercise_id, support.change) == ("dead-hang", Change.HOLD)
    assert "support work" in support.reason


def test_push_ups_logged_freely_are_read_on_the_plans_rung_and_climb_one_rung() -> None:
    # 3 x 10 push-ups with no target stored: the plan's rung (3 x 6-10), so the next step is
    # seed 003's 3 x 10, not a jump to decline push-ups
    history = [session("push-up", 0, [10, 10, 10])]
    suggestion = next_for("push-up", history, today=2, rung=4)
    assert (suggestion.change, suggestion.exercise_id, suggestion.reps) == (
        Change.CLIMB_RUNG, "push-up", Span(10, 10)
    )  # fmt: skip


# Assisted work speaks of help: more help is easier ------------------------------------------


def test_after_a_break_a_band_gives_more_help_not_less() -> None:
    history = [session("band-assisted-pull-up", 0, [6, 6, 5], 15)]
    suggestion = next_for("band-assisted-pull-up", history, today=20, equipment=BAR_AND_BAND)
    assert (suggestion.change, suggestion.load_kg) == (Change.STEP_BACK, 20)
    assert "take a little more help (the blue band)" in suggestion.reason


def test_after_a_break_with_no_band_noted_it_still_asks_for_more_help() -> None:
    history = [session("band-assisted-pull-up", 0, [6, 6, 5])]
    suggestion = next_for("band-assisted-pull-up", history, today=20, equipment=BAR_AND_BAND)
    assert suggestion.change is Change.STEP_BACK
    assert "more help than last time" in suggestion.reason and "lighter" not in suggestion.reason
