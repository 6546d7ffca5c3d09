"""The Strong codec reads the real shared exports and writes files that read back the same."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from backtone.adapters.formats.strong_csv import (
    StrongCsvReader,
    read_strong_csv,
    write_strong_csv,
)
from backtone.domain.catalogue import normalise_name
from backtone.domain.importing import ImportedWorkout, ParseReport, ReadOptions, RowOutcome

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "strong"
SAMPLE = DATA / "strong_export_2024.csv"
SMALL = DATA / "strong_export_small.csv"
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def raw_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def parse(path: Path, tz: ZoneInfo = LONDON) -> ParseReport:
    with path.open(encoding="utf-8", newline="") as file:
        return read_strong_csv(file, ReadOptions(tz=tz))


def set_facts(workouts: list[ImportedWorkout]) -> list[tuple[object, ...]]:
    """What a person would call 'the same sets': everything but the line they sat on."""
    return [
        (w.started_at, w.name, s.exercise_name, s.set_type, s.reps, s.load_kg,
         s.duration_seconds, s.distance_m, s.rpe, s.notes)
        for w in workouts for s in w.sets
    ]  # fmt: skip


def round_trip(report: ParseReport, tz: ZoneInfo) -> ParseReport:
    names = {name: normalise_name(name).replace(" ", "-") for name in report.sets_per_exercise()}
    workouts = [w.to_workout(names) for w in report.workouts]
    out = io.StringIO()
    write_strong_csv(workouts, {slug: name for name, slug in names.items()}, out, tz)
    out.seek(0)
    return read_strong_csv(out, ReadOptions(tz=tz))


@pytest.mark.parametrize("path", [SAMPLE, SMALL], ids=lambda p: p.name)
def test_every_row_of_a_real_export_becomes_a_set(path: Path) -> None:
    rows = raw_rows(path)
    report = parse(path)
    assert report.ok, report.problems
    assert report.rows_read == len(rows)
    assert report.set_count == len(rows)
    assert [s.exercise_name for w in report.workouts for s in w.sets] == [
        r["Exercise Name"] for r in rows
    ]
    assert [s.load_kg for w in report.workouts for s in w.sets] == [
        float(r["Weight"]) or None for r in rows
    ]
    assert [s.reps for w in report.workouts for s in w.sets] == [
        int(float(r["Reps"])) for r in rows
    ]


def test_rows_sharing_a_date_and_name_make_one_workout() -> None:
    rows = raw_rows(SAMPLE)
    report = parse(SAMPLE)
    assert len(report.workouts) == len({(r["Date"], r["Workout Name"]) for r in rows})
    keys = [(r["Date"], r["Workout Name"]) for r in rows]
    starts = [n + 2 for n, key in enumerate(keys) if n == 0 or keys[n - 1] != key]
    assert [w.line for w in report.workouts] == starts  # line 1 is the header


def test_local_times_are_stored_in_utc_for_the_zone_given() -> None:
    first = raw_rows(SMALL)[0]["Date"]
    local = datetime.fromisoformat(first)
    in_new_york = parse(SMALL, NEW_YORK).workouts[0].started_at
    assert in_new_york.tzinfo is UTC
    assert in_new_york == local.replace(tzinfo=NEW_YORK).astimezone(UTC)
    assert parse(SMALL, ZoneInfo("UTC")).workouts[0].started_at == local.replace(tzinfo=UTC)


def test_workout_durations_like_35m_and_1h_5m_are_read_in_seconds() -> None:
    rows = raw_rows(SAMPLE)
    durations = {(r["Date"], r["Workout Name"]): r["Duration"] for r in rows}
    report = parse(SAMPLE, ZoneInfo("UTC"))
    for workout in report.workouts:
        text = durations[(workout.started_at.strftime("%Y-%m-%d %H:%M:%S"), workout.name)]
        hours, _, minutes = text.rstrip("m").rpartition("h ")
        assert workout.duration_seconds == (int(hours or 0) * 60 + int(minutes)) * 60


@pytest.mark.parametrize("tz", [LONDON, NEW_YORK, ZoneInfo("UTC")], ids=str)
def test_the_shared_sample_survives_parse_write_parse_with_the_same_sets(tz: ZoneInfo) -> None:
    first = parse(SAMPLE, tz)
    again = round_trip(first, tz)
    assert again.ok, again.problems
    assert set_facts(again.workouts) == set_facts(first.workouts)
    assert [w.duration_seconds for w in again.workouts] == [
        w.duration_seconds for w in first.workouts
    ]


def test_the_written_file_has_the_strong_header_and_local_dates() -> None:
    report = parse(SMALL, LONDON)
    names = {n: n for n in report.sets_per_exercise()}
    out = io.StringIO()
    written = write_strong_csv([w.to_workout(names) for w in report.workouts], names, out, LONDON)
    lines = out.getvalue().splitlines()
    assert written == len(lines) - 1 == report.set_count
    assert lines[0].startswith("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps")
    assert lines[1].startswith(raw_rows(SMALL)[0]["Date"])


def test_a_large_file_is_read_one_row_at_a_time() -> None:
    text = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    consumed = 0

    def lines() -> Iterator[str]:
        nonlocal consumed
        for line in text:
            consumed += 1
            yield line

    rows = iter(StrongCsvReader(lines(), ReadOptions(tz=LONDON)))
    first = next(rows)
    # A row is handed over as soon as it is read: the header and that row, not the file.
    assert first.outcome is RowOutcome.SETS
    assert consumed <= 3 < len(text)
