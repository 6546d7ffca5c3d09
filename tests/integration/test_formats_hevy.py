"""The Hevy codec reads the real shared export: every set, its type, load and workout."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from backtone.adapters.formats.hevy_csv import SET_TYPES, read_hevy_csv
from backtone.domain.importing import ParseReport, ReadOptions

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "hevy"
SAMPLE = SAMPLE / "hevy_export_2025.csv"
LONDON = ZoneInfo("Europe/London")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def report() -> ParseReport:
    with SAMPLE.open(encoding="utf-8", newline="") as file:
        return read_hevy_csv(file, ReadOptions(tz=LONDON))


def test_every_row_of_the_real_export_becomes_a_set(
    rows: list[dict[str, str]], report: ParseReport
) -> None:
    assert report.ok, report.problems[:5]
    assert report.rows_read == report.set_count == len(rows)
    sets = [s for w in report.workouts for s in w.sets]
    assert [s.exercise_name for s in sets] == [r["exercise_title"] for r in rows]
    assert [s.load_kg for s in sets] == [float(r["weight_kg"] or 0) or None for r in rows]
    assert [s.reps for s in sets] == [int(r["reps"]) if r["reps"] else None for r in rows]
    assert [s.rpe for s in sets] == [float(r["rpe"]) if r["rpe"] else None for r in rows]


def test_warmup_normal_failure_and_dropset_keep_their_meaning(
    rows: list[dict[str, str]], report: ParseReport
) -> None:
    read = Counter(s.set_type for w in report.workouts for s in w.sets)
    assert read == Counter(SET_TYPES[r["set_type"]] for r in rows)
    assert set(read) == set(SET_TYPES.values())


def test_timed_sets_without_reps_keep_their_duration(
    rows: list[dict[str, str]], report: ParseReport
) -> None:
    sets = [s for w in report.workouts for s in w.sets]
    timed = [(s.exercise_name, s.duration_seconds) for s in sets if s.reps is None]
    expected = [(r["exercise_title"], float(r["duration_seconds"])) for r in rows if not r["reps"]]
    assert timed == expected
    assert timed  # the sample has warm-ups logged as time only


def test_one_workout_per_title_and_start_with_its_length_from_the_end_time(
    rows: list[dict[str, str]], report: ParseReport
) -> None:
    assert len(report.workouts) == len({(r["title"], r["start_time"], r["end_time"]) for r in rows})
    first = rows[0]
    start = datetime.strptime(first["start_time"], "%d %b %Y, %H:%M").replace(tzinfo=LONDON)
    end = datetime.strptime(first["end_time"], "%d %b %Y, %H:%M").replace(tzinfo=LONDON)
    workout = report.workouts[0]
    assert workout.name == first["title"]
    assert workout.started_at == start.astimezone(UTC)
    assert workout.duration_seconds == (end - start).total_seconds()


def test_exercise_notes_travel_with_each_set(
    rows: list[dict[str, str]], report: ParseReport
) -> None:
    sets = [s for w in report.workouts for s in w.sets]
    assert [s.notes for s in sets] == [r["exercise_notes"] for r in rows]
    assert any(s.notes for s in sets)
