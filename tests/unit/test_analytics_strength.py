from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.analytics_strength import (
    bodyweight_records,
    new_records,
    strength_progress,
)
from backtone.domain.training import LoggedSet, SetType, WeightUnit, Workout

LONDON = ZoneInfo("Europe/London")
CATALOGUE = load_builtin_catalogue()


def on(day: int, *sets: LoggedSet, month: int = 3, hour: int = 18) -> Workout:
    return Workout(started_at=datetime(2026, month, day, hour, tzinfo=UTC), sets=sets)


def lift(exercise: str, reps: int, kg: float | None = None) -> LoggedSet:
    return LoggedSet(exercise, reps=reps, load_kg=kg)


def test_empty_history_has_no_progress_or_records() -> None:
    assert strength_progress([], CATALOGUE, tz=LONDON) == {}
    assert bodyweight_records({}, CATALOGUE) == ()


def test_each_session_keeps_its_best_set_by_epley_estimate() -> None:
    history = [
        on(2, lift("barbell-row", 10, 50), lift("barbell-row", 5, 60), lift("barbell-row", 8, 55)),
        on(9, lift("barbell-row", 6, 62.5)),
    ]
    progress = strength_progress(history, CATALOGUE, tz=LONDON)["barbell-row"]
    first, second = progress.sessions
    # 10 x 50 -> 66.7; 5 x 60 -> 70.0; 8 x 55 -> 69.7: the 60 kg set wins.
    assert (first.day, first.reps, first.load_kg) == (date(2026, 3, 2), 5, 60)
    assert first.e1rm_kg == pytest.approx(70.0)
    assert first.total_reps == 23
    assert second.e1rm_kg == pytest.approx(62.5 * (1 + 6 / 30))
    assert progress.best_e1rm is second


def test_warm_ups_and_long_sets_give_no_estimate() -> None:
    history = [
        on(
            2,
            LoggedSet("barbell-row", set_type=SetType.WARMUP, reps=3, load_kg=100),
            lift("barbell-row", 15, 40),
        )
    ]
    point = strength_progress(history, CATALOGUE, tz=LONDON)["barbell-row"].sessions[0]
    assert point.e1rm_kg is None  # 15 reps is past the 12 the formula is trusted for
    assert (point.reps, point.load_kg, point.total_reps) == (15, 40, 15)


def test_assisted_pull_ups_get_no_estimate_because_the_load_is_help() -> None:
    history = [on(2, lift("assisted-pull-up", 8, 30))]
    point = strength_progress(history, CATALOGUE, tz=LONDON)["assisted-pull-up"].sessions[0]
    assert point.e1rm_kg is None


def test_loads_logged_in_pounds_are_estimated_in_kilograms() -> None:
    history = [on(2, lift("lat-pulldown", 10, WeightUnit.LB.to_kg(90)))]
    point = strength_progress(history, CATALOGUE, tz=LONDON)["lat-pulldown"].sessions[0]
    assert point.e1rm_kg == pytest.approx(90 * 0.45359237 * (1 + 10 / 30))


def test_a_deleted_exercise_keeps_its_id_as_name_and_is_marked_unknown() -> None:
    history = [on(2, lift("my-cable-thing", 10, 30))]
    progress = strength_progress(history, CATALOGUE, tz=LONDON)["my-cable-thing"]
    assert (progress.name, progress.known) == ("my-cable-thing", False)
    assert progress.sessions[0].e1rm_kg == pytest.approx(40.0)


def test_rep_records_put_pull_ups_first_and_skip_weighted_sets() -> None:
    history = [
        on(2, lift("push-up", 25), lift("pull-up", 6), lift("chin-up", 9)),
        on(9, lift("pull-up", 8), lift("pull-up", 3, 10)),
        on(16, lift("pull-up", 5, 20), LoggedSet("dead-hang", duration_seconds=45)),
        on(16, lift("lat-pulldown", 12, 50)),
    ]
    progress = strength_progress(history, CATALOGUE, tz=LONDON)
    records = bodyweight_records(progress, CATALOGUE)
    assert [(r.exercise_id, r.reps) for r in records] == [
        ("pull-up", 8),
        ("chin-up", 9),
        ("push-up", 25),
        ("dead-hang", None),
    ]
    assert records[0].day == date(2026, 3, 9)
    assert records[-1].seconds == 45


def test_new_records_are_bests_beaten_inside_the_period() -> None:
    history = [
        on(2, lift("barbell-row", 5, 60), lift("pull-up", 6)),
        on(9, lift("barbell-row", 5, 57.5), lift("pull-up", 7)),
        on(6, lift("barbell-row", 5, 65), lift("pull-up", 6), month=4),
        on(20, lift("barbell-row", 3, 70), month=4),
    ]
    progress = strength_progress(history, CATALOGUE, tz=LONDON)
    records = new_records(progress, first=date(2026, 4, 1), last=date(2026, 4, 30))
    assert [(r.exercise_id, r.day, r.what) for r in records] == [
        ("barbell-row", date(2026, 4, 20), "estimated 1RM"),
    ]
    assert records[0].value == pytest.approx(77.0)
    assert records[0].previous == pytest.approx(70.0)
    march = new_records(progress, first=date(2026, 3, 1), last=date(2026, 3, 31))
    assert [(r.exercise_id, r.day, r.previous) for r in march] == [
        ("barbell-row", date(2026, 3, 2), None),
        ("pull-up", date(2026, 3, 9), None),
    ]
    assert march[1].value == 7.0
