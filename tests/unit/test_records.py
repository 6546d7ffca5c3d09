from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from backtone.domain.records import DatedSet, as_help, brzycki, compute_records, epley
from backtone.domain.training import LoggedSet, SetType

DAY = datetime(2026, 10, 1, 8, tzinfo=UTC)


def dated(
    workout: int, days: int, reps: int, kg: float | None, kind: SetType = SetType.WORKING
) -> DatedSet:
    s = LoggedSet("row", set_type=kind, reps=reps, load_kg=kg)
    return DatedSet(workout, DAY + timedelta(days=days), s)


def test_epley_and_brzycki_match_their_published_formulas() -> None:
    assert epley(100, 10) == pytest.approx(133.33, abs=0.01)
    assert brzycki(100, 10) == pytest.approx(133.33, abs=0.01)
    assert epley(100, 1) == 100
    assert brzycki(100, 5) == pytest.approx(112.5)


def test_records_come_from_working_sets_only() -> None:
    history = [dated(1, 0, 10, 20), dated(1, 0, 5, 40, SetType.WARMUP), dated(2, 7, 8, 24)]
    records = compute_records("row", history)
    assert records.epley_1rm is not None
    assert records.epley_1rm.value == pytest.approx(24 * (1 + 8 / 30))
    assert records.epley_1rm.detail == "8 x 24 kg"
    assert records.most_reps_in_a_set is not None and records.most_reps_in_a_set.value == 10
    assert records.best_reps_by_load == ((24.0, 8), (20.0, 10))


def test_best_session_volume_adds_up_a_whole_workout() -> None:
    history = [dated(1, 0, 10, 20), dated(1, 0, 10, 20), dated(2, 3, 12, 20)]
    records = compute_records("row", history)
    assert records.best_volume_session is not None
    assert records.best_volume_session.value == 400
    assert records.best_volume_session.when == DAY


def test_bodyweight_moves_have_rep_records_but_no_estimated_max() -> None:
    records = compute_records("pull-up", [dated(1, 0, 5, None), dated(2, 2, 7, None)])
    assert records.epley_1rm is None
    assert records.most_reps_in_a_set is not None and records.most_reps_in_a_set.value == 7


def test_no_history_means_no_records() -> None:
    records = compute_records("row", [])
    assert records.epley_1rm is None and records.best_reps_by_load == ()


def test_long_sets_do_not_inflate_the_estimated_max() -> None:
    records = compute_records("row", [dated(1, 0, 30, 10), dated(2, 1, 5, 20)])
    assert records.epley_1rm is not None and records.epley_1rm.detail == "5 x 20 kg"


def test_an_assisted_move_records_the_least_help_not_a_heavier_max() -> None:
    # Help logged as load: 30 kg of help, then 20 kg, then 10 kg is getting stronger.
    help_sets = [
        DatedSet(
            n, DAY + timedelta(days=7 * n), LoggedSet("band-assisted-pull-up", reps=r, load_kg=kg)
        )
        for n, (r, kg) in enumerate([(8, 30.0), (8, 20.0), (6, 10.0)])
    ]
    records = as_help(compute_records("band-assisted-pull-up", help_sets))
    assert records.epley_1rm is None and records.best_volume_session is None
    assert records.least_help == (10.0, 6)
    assert records.most_reps_in_a_set is not None
    assert records.most_reps_in_a_set.detail == "8 reps with 20 kg of help"
