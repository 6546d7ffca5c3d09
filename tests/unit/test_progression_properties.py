"""Properties of every suggestion on random histories: one step at a time, never back unsaid,
loads from the person's kit, nothing up on a check-in, the same advice for the same history."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from backtone.domain.exposure import BACKWARD, Change, Exposure, Spot, locate
from backtone.domain.kit import KILO_KIT, POUND_KIT, Kit
from backtone.domain.ladders import ladder_of
from backtone.domain.progression import RAISES, Suggestion
from backtone.domain.training import LoggedSet, WeightUnit
from backtone.domain.vocabulary import LoadKind
from tests.unit.test_progression_support import MONDAY, catalogue, next_for

EXERCISES = [
    "bent-over-dumbbell-row",
    "barbell-deadlift",
    "lat-pulldown",
    "seated-cable-row",
    "band-row",
    "dead-hang",
    "scapular-pull-up",
    "negative-pull-up",
    "band-assisted-pull-up",
    "assisted-pull-up",
    "pull-up",
    "chin-up",
    "wide-grip-pull-up",
    "incline-push-up",
    "push-up",
    "decline-push-up",
    "superman",
]
LOADS = {
    LoadKind.DUMBBELL: [4.0, 6.0, 9.0, 12.0, 14.0, 22.0],
    LoadKind.BARBELL: [20.0, 40.0, 62.5, 100.0, 160.0],
    LoadKind.MACHINE: [5.0, 15.0, 30.0, 45.0],
    LoadKind.CABLE: [10.0, 25.0, 40.0],
    LoadKind.BAND: [b.kg for b in KILO_KIT.bands],
    LoadKind.BODYWEIGHT: [0.0, 2.5, 5.0],
}


def span_of(exercise_id: str) -> tuple[int, int]:
    ladder = ladder_of(exercise_id)
    if ladder is not None:
        rung = ladder.rungs[ladder.rungs_of(exercise_id)[0]]
        span = rung.reps or rung.seconds
    else:
        p = catalogue().get(exercise_id).prescription
        span = p.reps or p.seconds
    assert span is not None
    return span.low, span.high


@st.composite
def histories(draw: st.DrawFn) -> tuple[str, list[Exposure], int]:
    """Histories that look like real ones: one usual load, reps around the target range."""
    exercise_id = draw(st.sampled_from(EXERCISES))
    ladder = ladder_of(exercise_id)
    ids = sorted(ladder.exercise_ids) if ladder else [exercise_id]
    usual = draw(st.sampled_from(ids))
    base = draw(st.sampled_from(LOADS.get(catalogue().get(usual).load, [0.0])))
    day, found = 0, []
    for _ in range(draw(st.integers(1, 7))):
        done_on = draw(st.sampled_from([usual, usual, usual, *ids]))
        kind = catalogue().get(done_on).load
        others = st.none() | st.sampled_from(LOADS.get(kind, [0.0]))
        load = base if done_on == usual and draw(st.integers(0, 4)) else draw(others)
        timed = done_on == "dead-hang"
        effort = draw(st.sampled_from([(None, None)] * 3 + [(5.0, None), (10.0, None), (None, 0)]))
        low, high = span_of(done_on)
        amount = st.just(high) | st.integers(max(0, low - 2), high + 1)
        count = draw(st.sampled_from([3, 3, 3, 2, 1, 4]))
        if draw(st.booleans()):
            amounts = [draw(amount)] * count
        else:
            amounts = draw(st.lists(amount, min_size=count, max_size=count))
        sets = tuple(
            LoggedSet(
                done_on,
                reps=None if timed else n,
                duration_seconds=float(n) if timed else None,
                load_kg=load,
                rpe=effort[0],
                reps_in_reserve=effort[1],
            )
            for n in amounts
        )
        found.append(Exposure(MONDAY + timedelta(days=day), done_on, sets))
        day += draw(st.integers(1, 12))
    today = day - 1 + draw(st.sampled_from([1, 1, 2, 3, 20, 40]))
    return exercise_id, found, today


def last_spot(exercise_id: str, history: list[Exposure]) -> Spot:
    last = history[-1]
    return locate(last, catalogue().get(last.exercise_id), ladder_of(exercise_id))


def harder_by(spot: Spot, suggestion: Suggestion) -> float:
    """How much heavier the suggestion is than last time (negative: lighter or more help)."""
    assert spot.load_kg is not None and suggestion.load_kg is not None
    change = suggestion.load_kg - spot.load_kg
    return -change if spot.assisted else change


@settings(max_examples=100, deadline=None)
@given(histories())
def test_every_suggestion_says_why_and_asks_for_something_doable(
    case: tuple[str, list[Exposure], int],
) -> None:
    exercise_id, history, today = case
    suggestion = next_for(exercise_id, history, today)
    assert suggestion.reason.strip()
    assert suggestion.sets >= 1
    assert (suggestion.reps is None) != (suggestion.seconds is None)
    assert suggestion.exercise_id in catalogue()


@settings(max_examples=100, deadline=None)
@given(histories())
def test_load_never_jumps_more_than_one_step_and_never_drops_without_a_reason(
    case: tuple[str, list[Exposure], int],
) -> None:
    exercise_id, history, today = case
    spot = last_spot(exercise_id, history)
    suggestion = next_for(exercise_id, history, today)
    same_place = (suggestion.exercise_id, suggestion.rung) == (spot.exercise.id, spot.rung)
    if not same_place or spot.load_kg is None or suggestion.load_kg is None:
        return
    gained = harder_by(spot, suggestion)
    if gained > 0:
        assert suggestion.change is Change.ADD_LOAD
        kind = LoadKind.BODYWEIGHT if spot.added_load else spot.kind
        if spot.assisted:
            limit = spot.load_kg - (KILO_KIT.below(kind, spot.load_kg) or 0.0)
        else:
            limit = (KILO_KIT.above(kind, spot.load_kg) or spot.load_kg) - spot.load_kg
        assert gained <= limit + 1e-9
    if gained < 0:
        assert suggestion.change in BACKWARD


@settings(max_examples=100, deadline=None)
@given(histories())
def test_a_ladder_is_climbed_one_rung_at_a_time_and_only_descended_with_a_reason(
    case: tuple[str, list[Exposure], int],
) -> None:
    exercise_id, history, today = case
    spot = last_spot(exercise_id, history)
    suggestion = next_for(exercise_id, history, today)
    if spot.rung is None or suggestion.rung is None:
        return
    assert suggestion.rung - spot.rung <= 1
    if suggestion.rung > spot.rung:
        assert suggestion.change is Change.CLIMB_RUNG
    if suggestion.rung < spot.rung:
        assert suggestion.change in BACKWARD


@settings(max_examples=100, deadline=None)
@given(histories())
def test_reps_grow_by_one_at_most_unless_the_person_was_told_to_go_all_out(
    case: tuple[str, list[Exposure], int],
) -> None:
    exercise_id, history, today = case
    spot = last_spot(exercise_id, history)
    suggestion = next_for(exercise_id, history, today)
    if suggestion.change is not Change.ADD_REPS:
        return
    aim = suggestion.reps or suggestion.seconds
    assert aim is not None
    step = 5 if spot.seconds is not None else 1
    assert aim.low <= spot.weakest + step or aim.low == aim.high == spot.span.high


KITS = st.sampled_from([(KILO_KIT, WeightUnit.KG), (POUND_KIT, WeightUnit.LB)])


@settings(max_examples=100, deadline=None)
@given(histories(), KITS)
def test_every_load_suggested_is_one_the_persons_kit_has(
    case: tuple[str, list[Exposure], int], kit_unit: tuple[Kit, WeightUnit]
) -> None:
    exercise_id, history, today = case
    kit, unit = kit_unit
    suggestion = next_for(exercise_id, history, today, kit=kit, unit=unit)
    exercise = catalogue().get(suggestion.exercise_id)
    logged = {s.load_kg for e in history for s in e.sets}
    if suggestion.load_kg is None or suggestion.load_kg in logged:
        return  # nothing suggested, or the person's own load kept as it was
    kind = LoadKind.BODYWEIGHT if suggestion.rung is not None and not suggestion.assisted else (
        exercise.load
    )  # fmt: skip
    assert any(abs(suggestion.load_kg - v) < 1e-6 for v in kit.loads(kind)), suggestion


@settings(max_examples=100, deadline=None)
@given(histories(), st.sampled_from(["a poor night's sleep", "moderate soreness in your lats"]))
def test_a_check_in_that_holds_never_lets_anything_rise(
    case: tuple[str, list[Exposure], int], because: str
) -> None:
    exercise_id, history, today = case
    spot = last_spot(exercise_id, history)
    suggestion = next_for(exercise_id, history, today, hold_because=because)
    assert suggestion.change not in RAISES
    if spot.rung is not None and suggestion.rung is not None:
        assert suggestion.rung <= spot.rung
    if spot.load_kg is not None and suggestion.load_kg is not None and spot.exercise.id == (
        suggestion.exercise_id
    ):  # fmt: skip
        assert harder_by(spot, suggestion) <= 1e-9


@settings(max_examples=60, deadline=None)
@given(histories(), st.integers(0, 4))
def test_the_same_history_gives_the_same_advice_on_another_day(
    case: tuple[str, list[Exposure], int], later: int
) -> None:
    exercise_id, history, _today = case
    last_day = (history[-1].day - MONDAY).days
    first = last_day + 1
    if first + later > last_day + 14:  # past the break threshold the advice rightly changes
        return
    assert next_for(exercise_id, history, first) == next_for(exercise_id, history, first + later)
