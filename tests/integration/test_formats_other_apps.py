"""The other apps' real exports (../shared/data/other-apps, tests/data): every set read,
checked against a count made straight from the file."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from backtone.adapters.formats.fitnotes_csv import read_fitnotes_csv
from backtone.adapters.formats.hevy_csv import read_hevy_csv
from backtone.adapters.formats.history_codecs import detect_format
from backtone.adapters.formats.jefit_csv import read_jefit
from backtone.adapters.formats.openweight_json import read_openweight
from backtone.adapters.formats.strong_csv import read_strong_csv
from backtone.adapters.formats.stronglifts_csv import read_stronglifts_csv
from backtone.domain.importing import (
    HistoryFormat,
    ParseReport,
    ReadOptions,
    RowOutcome,
    UnitNeeded,
)
from backtone.domain.training import KG_PER_LB, SetType, WeightUnit
from tests.conftest import REPO, SHARED_DATA

OTHER = SHARED_DATA / "other-apps"
OURS = REPO / "tests" / "data" / "openweight"
UTC = ReadOptions(tz=ZoneInfo("UTC"))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def loads(report: ParseReport) -> list[float | None]:
    return [s.load_kg for w in report.workouts for s in w.sets]


def open_text(path: Path) -> io.TextIOWrapper:
    return path.open(encoding="utf-8", newline="")


@pytest.mark.parametrize(
    "name",
    ["fitnotes-android-export-kgs.csv", "fitnotes-android-export-lbs.csv",
     "fitnotes-android-export-lbs-edge-cases.csv"],
)  # fmt: skip
def test_every_fitnotes_row_with_an_amount_becomes_a_set(name: str) -> None:
    path = OTHER / name
    with open_text(path) as handle:
        report = read_fitnotes_csv(handle, UTC)
    raw = rows(path)
    counted = [r for r in raw if r["Reps"] or r["Distance"] or r["Time"]]
    weight_only = [r for r in raw if r["Weight"] and not (r["Reps"] or r["Distance"] or r["Time"])]
    assert report.set_count == len(counted)
    assert [p.field for p in report.problems] == ["set"] * len(weight_only)
    assert report.counts.rows_read == len(raw)
    assert len(report.workouts) == len({r["Date"] for r in counted})
    assert [s.notes for w in report.workouts for s in w.sets] == [r["Comment"] for r in counted]


def test_the_fitnotes_kg_and_lb_exports_of_one_history_agree_in_kilograms() -> None:
    with open_text(OTHER / "fitnotes-android-export-kgs.csv") as kgs:
        in_kg = loads(read_fitnotes_csv(kgs, UTC))
    with open_text(OTHER / "fitnotes-android-export-lbs.csv") as lbs:
        in_lb = loads(read_fitnotes_csv(lbs, UTC))
    assert in_kg == pytest.approx(in_lb, abs=0.01)


def test_fitnotes_distances_and_times_are_metres_and_seconds() -> None:
    with open_text(OTHER / "fitnotes-android-export-lbs-edge-cases.csv") as handle:
        report = read_fitnotes_csv(handle, UTC)
    by_note = {s.notes: s for w in report.workouts for s in w.sets}
    assert by_note["distance + time"].distance_m == 42190.0
    assert by_note["distance + time"].duration_seconds == 1 * 3600 + 59 * 60 + 30
    assert by_note["weight + distance + time"].load_kg == pytest.approx(66.14 * KG_PER_LB)
    assert by_note["weight + distance + time"].distance_m == 1000.0


def test_the_older_fitnotes_header_names_the_unit() -> None:
    # moferg/fitnotes-data-viz and MakisChristou/verifit write this layout (no Comment).
    text = (
        "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time\n"
        "2020-09-13,Barbell Squat,Legs,135.0,5,,,\n"
        "2020-09-13,Barbell Squat,Legs,135.0,7,,,\n"
    )
    report = read_fitnotes_csv(io.StringIO(text), UTC)
    assert loads(report) == pytest.approx([135 * KG_PER_LB] * 2)
    kgs = read_fitnotes_csv(io.StringIO(text.replace("(lbs)", "(kgs)")), UTC)
    assert loads(kgs) == [135.0, 135.0]


@pytest.mark.parametrize("name", ["stronglifts-export-kg.csv", "stronglifts-export-lb.csv"])
def test_every_stronglifts_set_done_is_read_and_missed_ones_are_counted(name: str) -> None:
    path = OTHER / name
    with open_text(path) as handle:
        report = read_stronglifts_csv(handle, UTC)
    raw = rows(path)
    reps = [r[f"Set {n} (Reps)"] for r in raw for n in range(1, 7) if r[f"Set {n} (Reps)"]]
    assert report.ok, report.problems
    assert report.set_count == sum(1 for x in reps if int(x) > 0)
    assert report.counts.not_done == sum(1 for x in reps if int(x) == 0)
    assert len(report.workouts) == len({(r["Date (yyyy/mm/dd)"], r["Workout"]) for r in raw})
    first = report.workouts[0]
    assert (first.name, first.started_at.hour, first.started_at.minute) == ("Workout A", 22, 56)


def test_the_stronglifts_kg_and_lb_exports_agree_in_kilograms() -> None:
    with open_text(OTHER / "stronglifts-export-kg.csv") as kg:
        in_kg = loads(read_stronglifts_csv(kg, UTC))
    with open_text(OTHER / "stronglifts-export-lb.csv") as lb:
        in_lb = loads(read_stronglifts_csv(lb, UTC))
    assert in_kg == pytest.approx(in_lb, abs=0.05)


def test_the_real_strong_file_from_openweight_reads_every_set() -> None:
    path = OURS / "strong-real.csv"
    with open_text(path) as handle:
        report = read_strong_csv(handle, UTC)
    raw = rows(path)
    assert report.ok and report.set_count == len(raw)
    assert [s.reps for w in report.workouts for s in w.sets] == [int(r["Reps"]) for r in raw]
    assert [w.duration_seconds for w in report.workouts] == [103 * 60, 105 * 60]


def test_the_real_hevy_file_from_openweight_reads_every_set() -> None:
    path = OURS / "hevy-real.csv"
    with open_text(path) as handle:
        report = read_hevy_csv(handle, UTC)
    raw = rows(path)
    assert report.ok and report.set_count == len(raw)
    assert loads(report) == [float(r["weight_kg"]) for r in raw]
    assert report.workouts[1].started_at.day == 2  # "02 Jul 2025": a zero-padded day


def test_the_jefit_file_needs_its_unit_then_unpacks_every_set() -> None:
    path = OURS / "jefit-real.csv"
    with open_text(path) as handle, pytest.raises(UnitNeeded):
        read_jefit(handle, UTC)
    with open_text(path) as handle:
        report = read_jefit(handle, ReadOptions(weight_unit=WeightUnit.LB))
    text = path.read_text(encoding="utf-8")
    logs = text.split("### EXERCISE LOGS ###")[1]
    packed = [line.rsplit('"', 2)[-2] for line in logs.splitlines() if line.count('"') == 4]
    assert report.ok, report.problems
    assert report.set_count == sum(len(cell.split(",")) for cell in packed)
    assert len(report.workouts) == 5
    first = report.workouts[0]
    assert (first.started_at.isoformat(), first.duration_seconds) == (
        "2024-01-08T08:00:00+00:00",
        4500,
    )
    assert first.sets[0].load_kg == pytest.approx(80 * KG_PER_LB)
    pull_up = next(s for w in report.workouts for s in w.sets if s.exercise_name == "Pull Up")
    assert (pull_up.load_kg, pull_up.reps) == (None, 12)


def test_openweight_examples_read_with_their_set_types_units_and_distances() -> None:
    with open_text(OURS / "simple-strength.json") as handle:
        squat_day = read_openweight(handle, UTC)
    sets = [s for w in squat_day.workouts for s in w.sets]
    assert len(sets) == 11
    assert [s.set_type for s in sets[:3]] == [SetType.WARMUP, SetType.WARMUP, SetType.WORKING]
    assert [s.rpe for s in sets[2:5]] == [7, 7.5, 8]
    assert squat_day.workouts[0].duration_seconds == 4200
    with open_text(OURS / "carries-and-distance.json") as handle:
        carries = read_openweight(handle, UTC)
    walk = carries.workouts[0].sets[0]
    assert (walk.load_kg, walk.distance_m, walk.duration_seconds) == (40.0, 40.0, 35.0)


def test_the_extreme_values_file_flags_each_bad_row_and_keeps_the_rest() -> None:
    with open_text(OURS / "strong-extreme-values.csv") as handle:
        report = read_strong_csv(handle, UTC)
    assert report.counts.rows == {
        RowOutcome.EMPTY: 1, RowOutcome.SETS: 1, RowOutcome.IMPLAUSIBLE: 4,
    }  # fmt: skip
    assert [(p.line, p.field) for p in report.problems] == [
        (3, "load"), (4, "load"), (6, "duration"), (7, "rpe"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (SHARED_DATA / "strong" / "strong_export_2024.csv", HistoryFormat.STRONG),
        (SHARED_DATA / "hevy" / "hevy_export_2025.csv", HistoryFormat.HEVY),
        (OTHER / "fitnotes-android-export-kgs.csv", HistoryFormat.FITNOTES),
        (OTHER / "stronglifts-export-lb.csv", HistoryFormat.STRONGLIFTS),
        (OURS / "jefit-real.csv", HistoryFormat.JEFIT),
        (OURS / "simple-strength.json", HistoryFormat.OPENWEIGHT),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else str(v),
)
def test_each_real_file_is_recognised_from_its_header(path: Path, expected: HistoryFormat) -> None:
    with open_text(path) as handle:
        assert detect_format(handle) is expected
