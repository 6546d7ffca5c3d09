"""A coach's checks over a wide sweep of people: every plan is one a coach would sign.

The checks hold their own copies of the standards (the seeds' numbers, ACSM's ranges, the
time rule) rather than asking the planner, so a planner that drifts from them fails here.
"""

from __future__ import annotations

from typing import Any

import pytest

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Span
from backtone.domain.plan import Plan, PlanItem, PlanSession, PlanWeek, Role
from backtone.domain.vocabulary import (
    BACK_REGIONS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    REGION_OF,
    Equipment,
    Kind,
    Level,
    LoadKind,
    Pattern,
)
from backtone.domain.volume_targets import WEEKLY_TARGETS
from backtone.planner.rules import hard_rule_breaches
from tests.unit.planner_support import catalogue, make_plan

# The seeds' numbers (../shared/COACHING.md): sets, reps or seconds, rest range, per side.
SEED_NUMBERS: dict[str, tuple[int, Span | None, Span | None, Span]] = {
    "lat-pulldown": (3, Span(12, 15), None, Span(60, 90)),
    "bent-over-dumbbell-row": (3, Span(12, 15), None, Span(30, 30)),
    "single-arm-dumbbell-row": (3, Span(12, 15), None, Span(30, 30)),
    "close-grip-pull-up": (2, Span(1, 3), None, Span(60, 60)),
    "wide-grip-pull-up": (2, Span(1, 3), None, Span(60, 60)),
    "pull-up": (2, Span(1, 3), None, Span(60, 60)),
    "push-up": (3, Span(10, 10), None, Span(30, 60)),
    "wide-push-up": (3, Span(10, 10), None, Span(30, 60)),
    "doorframe-stretch": (1, None, Span(30, 60), Span(0, 0)),
    "squat-stretch": (1, None, Span(20, 30), Span(0, 0)),
}
# ACSM 2009 repetition ranges for loaded lifts by level, with the seeds' light, higher-rep
# work (to 15) allowed at every level. Body-weight moves cannot be loaded to a number of reps:
# they stay within 6-25 reps a set (both sides counted); ladder steps may ask for fewer
# (1-3 full pull-ups are a skill), and are checked against the ladder's own numbers elsewhere.
REPS = {Level.BEGINNER: Span(8, 15), Level.INTERMEDIATE: Span(5, 15), Level.ADVANCED: Span(3, 15)}
BODY_WEIGHT_REPS = Span(6, 25)
LOADED = {LoadKind.DUMBBELL, LoadKind.BARBELL, LoadKind.CABLE, LoadKind.MACHINE}
CHANGEOVER = {Role.WARM_UP: 15, Role.MAIN: 60, Role.COOL_DOWN: 15}
LOADED_KIT = {
    Equipment.DUMBBELLS: LoadKind.DUMBBELL,
    Equipment.BARBELL: LoadKind.BARBELL,
    Equipment.CABLE_STATION: LoadKind.CABLE,
    Equipment.LAT_PULLDOWN_MACHINE: LoadKind.MACHINE,
}
LADDER_MOVES = {
    "dead-hang", "scapular-pull-up", "negative-pull-up", "band-assisted-pull-up",
    "assisted-pull-up", "pull-up", "chin-up", "wide-grip-pull-up", "close-grip-pull-up",
    "wall-push-up", "incline-push-up", "knee-push-up", "push-up", "wide-push-up",
    "decline-push-up", "diamond-push-up",
}  # fmt: skip

PROFILES: list[dict[str, Any]] = [
    {"equipment": "home-none", "days": 3, "minutes": 30},
    {"equipment": "home-none", "days": 1, "minutes": 10},
    {"equipment": "home-none", "days": 3, "minutes": 120},
    {"equipment": "home-band", "days": 2, "minutes": 15},
    {"equipment": "home-band", "days": 3, "minutes": 45, "emphasis": "posture"},
    {"equipment": "home-dumbbells", "days": 2, "minutes": 45, "limitations": ("lower-back",)},
    {"equipment": "home-dumbbells", "days": 3, "minutes": 40, "push_ups": 5},
    {"equipment": "home-bar", "days": 3, "minutes": 30, "pull_ups": 0, "hang_seconds": 10},
    {"equipment": "home-bar", "days": 3, "minutes": 30, "pull_ups": 0, "hang_seconds": 50},
    {"equipment": "home-bar,resistance-band", "days": 4, "minutes": 40, "pull_ups": 2},
    {"level": "intermediate", "equipment": "home-bar,dumbbells", "days": 3, "minutes": 45,
     "pull_ups": 9, "push_ups": 5},
    {"level": "intermediate", "equipment": "dumbbells,bench", "days": 4, "minutes": 50},
    {"level": "intermediate", "equipment": "dumbbells,bench,no-doorframe", "days": 3,
     "minutes": 40, "limitations": ("knee",)},
    {"level": "intermediate", "equipment": "gym", "days": 3, "minutes": 60},
    {"level": "intermediate", "equipment": "gym", "days": 4, "minutes": 60, "emphasis": "strength"},
    {"level": "intermediate", "equipment": "gym", "days": 6, "minutes": 90},
    {"level": "intermediate", "equipment": "gym", "days": 3, "minutes": 45,
     "limitations": ("lower-back",)},
    {"level": "intermediate", "equipment": "gym", "days": 3, "minutes": 45,
     "limitations": ("shoulder",)},
    {"level": "intermediate", "equipment": "home-band", "days": 4, "minutes": 40,
     "emphasis": "posture", "limitations": ("shoulder", "wrist")},
    {"level": "intermediate", "equipment": "home-none", "days": 2, "minutes": 20,
     "limitations": ("elbow",)},
    {"level": "advanced", "equipment": "gym", "days": 5, "minutes": 60, "pull_ups": 9},
    {"level": "advanced", "equipment": "gym", "days": 4, "minutes": 75, "emphasis": "strength",
     "pull_ups": 15, "push_ups": 40},
    {"level": "advanced", "equipment": "gym", "days": 2, "minutes": 90},
    {"level": "advanced", "equipment": "home-bar,dumbbells", "days": 4, "minutes": 60},
    {"level": "advanced", "equipment": "gym", "days": 3, "minutes": 45, "emphasis": "posture",
     "limitations": ("wrist",)},
    {"level": "beginner", "equipment": "gym", "days": 3, "minutes": 45},
    {"level": "beginner", "equipment": "gym", "days": 2, "minutes": 60, "pull_ups": 0,
     "push_ups": 0, "hang_seconds": 0},
    {"level": "beginner", "equipment": "barbell,plates,bench", "days": 3, "minutes": 50},
    {"level": "beginner", "equipment": "cable-station", "days": 3, "minutes": 30},
    {"level": "beginner", "equipment": "home-none", "days": 5, "minutes": 25, "push_ups": 15},
    {"level": "beginner", "equipment": "home-band", "days": 6, "minutes": 20,
     "emphasis": "strength"},
    {"level": "beginner", "equipment": "gym", "days": 3, "minutes": 45, "template": "seed-000-gym"},
    {"level": "beginner", "equipment": "home-dumbbells,home-bar", "days": 3, "minutes": 30,
     "template": "seed-003", "pull_ups": 2, "push_ups": 15},
    {"level": "intermediate", "equipment": "home-bar", "days": 2, "minutes": 30,
     "template": "seed-003", "pull_ups": 0},
]  # fmt: skip


def _id(profile: dict[str, Any]) -> str:
    return ",".join(f"{k}={v}" for k, v in profile.items())


@pytest.fixture(scope="module", params=PROFILES, ids=[_id(p) for p in PROFILES])
def plan(request: pytest.FixtureRequest) -> Plan:
    profile = dict(request.param)
    return make_plan(weeks=12, **profile)


def _mains(week: PlanWeek) -> list[PlanItem]:
    return [i for s in week.sessions for i in s.by_role(Role.MAIN)]


def _hard(cat: Catalogue, item: PlanItem) -> bool:
    return cat.get(item.exercise_id).kind is Kind.STRENGTH


def test_every_hard_rule_holds(plan: Plan) -> None:
    assert hard_rule_breaches(plan, catalogue()) == []


def test_an_item_marked_seed_carries_the_seeds_numbers_exactly(plan: Plan) -> None:
    for week in plan.weeks:
        for item in (i for s in week.sessions for i in s.items if i.is_seed):
            sets, reps, seconds, rest = SEED_NUMBERS[item.exercise_id]
            assert (item.sets, item.reps, item.seconds) == (sets, reps, seconds), item
            assert rest.low <= item.rest_seconds <= rest.high, item


def test_pulling_is_one_to_three_times_pushing_every_loading_week(plan: Plan) -> None:
    cat = catalogue()
    for week in plan.weeks:
        pull = sum(i.sets for i in _mains(week) if cat.get(i.exercise_id).pattern in PULL_PATTERNS)
        push = sum(i.sets for i in _mains(week) if cat.get(i.exercise_id).pattern in PUSH_PATTERNS)
        assert push <= pull <= 3 * push, f"week {week.number}: {pull} pull, {push} push"


def test_weekly_back_sets_sit_in_the_levels_range_or_the_notes_say_why(plan: Plan) -> None:
    cat = catalogue()
    ranges = WEEKLY_TARGETS[plan.profile.level]
    for week in (w for w in plan.weeks if not w.deload):
        sets = dict.fromkeys(ranges, 0)
        for item in (i for i in _mains(week) if _hard(cat, i)):
            for region in {REGION_OF[m] for m in cat.get(item.exercise_id).primary} & set(ranges):
                sets[region] += item.sets
        for region, (low, high) in ranges.items():
            label = region.value.replace("-", " ")
            if sets[region] > high:
                assert any(f"for the {label}" in n and "more hard sets" in n for n in plan.notes)
            if sets[region] < low:
                said = f"{label.capitalize()}: " if region in BACK_REGIONS else ""
                assert any(n.startswith(said) or "No loaded hinge" in n for n in plan.notes), (
                    region,
                    sets[region],
                )


def test_reps_and_rests_sit_in_acsms_ranges_for_the_level(plan: Plan) -> None:
    cat = catalogue()
    allowed = REPS[plan.profile.level]
    for item in (i for w in plan.weeks for i in _mains(w) if _hard(cat, i)):
        exercise = cat.get(item.exercise_id)
        if item.reps is not None and item.exercise_id not in LADDER_MOVES:
            loaded = exercise.load in LOADED
            sides = 2 if item.per_side and not loaded else 1
            band = allowed if loaded else BODY_WEIGHT_REPS
            assert band.low <= item.reps.low * sides <= item.reps.high * sides <= band.high, item
        heavy = exercise.load is LoadKind.BARBELL and item.reps is not None
        if heavy:  # heavy multi-joint sets want two to three minutes
            assert item.rest_seconds >= 120, item
        elif item.reps is not None and item.reps.low >= 12:  # light work: a short rest
            assert item.rest_seconds <= 90, item
        else:
            assert 30 <= item.rest_seconds <= 180, item


def test_owned_weights_lead_every_pattern_they_can_train(plan: Plan) -> None:
    cat = catalogue()
    profile = plan.profile
    loads = {load for kit, load in LOADED_KIT.items() if kit in profile.equipment}
    week = plan.weeks[0]
    used = {cat.get(i.exercise_id) for i in _mains(week)}
    for pattern in (Pattern.HORIZONTAL_PULL, Pattern.HORIZONTAL_PUSH):
        in_pattern = [e for e in used if e.pattern is pattern]
        possible = [
            e for e in cat
            if e.pattern is pattern and e.kind is Kind.STRENGTH and e.load in loads
            and e.doable_with(profile.equipment) and not e.avoid_with & profile.limitations
            and e.level.rank <= profile.level.rank
        ]  # fmt: skip
        if possible and in_pattern and not plan.template:
            assert any(e.load in loads for e in in_pattern), (pattern, in_pattern)


def test_no_exercise_comes_twice_in_a_session(plan: Plan) -> None:
    for session in plan.sessions:
        ids = [i.exercise_id for i in session.items]
        assert len(ids) == len(set(ids)), session.title


def _seconds(item: PlanItem, seconds_per_rep: float) -> float:
    work = item.seconds.high if item.seconds else item.reps.high * seconds_per_rep  # type: ignore[union-attr]
    work *= 2 if item.per_side else 1
    ramp = sum(step.reps * seconds_per_rep + 45 for step in item.ramp)
    return item.sets * work + (item.sets - 1) * item.rest_seconds + CHANGEOVER[item.role] + ramp


def _counted(session: PlanSession) -> float:
    cat = catalogue()
    return sum(_seconds(i, cat.get(i.exercise_id).seconds_per_rep) for i in session.items)


def test_sessions_fit_the_minutes_counted_at_the_top_of_every_range(plan: Plan) -> None:
    for session in plan.sessions:
        assert _counted(session) <= plan.profile.minutes * 60, session.title


def test_warm_ups_are_short_and_rowing_never_takes_over(plan: Plan) -> None:
    cat = catalogue()
    for session in plan.sessions:
        warm = sum(_seconds(i, cat.get(i.exercise_id).seconds_per_rep)
                   for i in session.by_role(Role.WARM_UP))  # fmt: skip
        ramps = sum(
            s.reps * cat.get(i.exercise_id).seconds_per_rep + 45 for i in session.items
            for s in i.ramp
        )  # fmt: skip
        assert warm + ramps <= 10 * 60, session.title
        rowing = sum(i.seconds.high for i in session.items  # type: ignore[union-attr]
                     if i.exercise_id == "rowing-machine")  # fmt: skip
        assert rowing <= 13 * 60
        stretching = sum(
            _seconds(i, 3) for i in session.items
            if cat.get(i.exercise_id).kind is Kind.STRETCH
        )  # fmt: skip
        assert stretching <= 7 * 60, session.title
