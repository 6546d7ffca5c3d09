"""Liftosaur, LiftLog, a CSV of one's own and openweight JSON, from small hand-made files
built on each format's published header; and telling one app's file from another's."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backtone.adapters.formats.generic_csv import read_generic_csv
from backtone.adapters.formats.history_codecs import HistoryCodecs, detect_format
from backtone.adapters.formats.liftlog_csv import read_liftlog_csv
from backtone.adapters.formats.liftosaur_csv import read_liftosaur_csv
from backtone.adapters.formats.openweight_json import (
    OpenWeightReader,
    read_openweight,
    write_openweight,
)
from backtone.adapters.text_files import BytesSource
from backtone.domain.column_mapping import Column, ColumnMapping, guess_columns, parse_assignments
from backtone.domain.errors import InvalidInput
from backtone.domain.importing import (
    FormatError,
    HistoryFormat,
    ReadOptions,
    RowOutcome,
    WrongFormat,
)
from backtone.domain.training import KG_PER_LB, LoggedSet, SetType, WeightUnit, Workout

UTC_OPTIONS = ReadOptions(tz=ZoneInfo("UTC"))
LIFTOSAUR = (
    "Workout DateTime,Program,Day Name,Exercise,Is Warmup Set?,Required Reps,Completed Reps,"
    "Is AMRAP?,Required RPE,Completed RPE,Log RPE?,Required Weight Value,Required Weight Unit,"
    "Completed Weight Value,Completed Weight Unit,Ask Weight?,Completed Reps Time,"
    "Target Muscles,Synergist Muscles,Notes\n"
)


def test_liftosaur_imports_what_was_completed_and_counts_what_was_not() -> None:
    report = read_liftosaur_csv(
        io.StringIO(
            LIFTOSAUR
            + "2026-03-01T10:00:00.000Z,GZCLP,Day 1,Squat,1,5,5,0,,,0,95,lb,95,lb,0,,,,\n"
            + "2026-03-01T10:00:00.000Z,GZCLP,Day 1,Squat,0,5,4,0,8,8.5,1,225,lb,215,lb,0,,,,ok\n"
            + "2026-03-01T10:00:00.000Z,GZCLP,Day 1,Squat,0,5,,0,,,0,225,lb,,lb,0,,,,\n"
        ),
        ReadOptions(tz=ZoneInfo("Asia/Tokyo")),
    )  # fmt: skip
    assert report.ok, report.problems
    (workout,) = report.workouts
    assert workout.started_at == datetime(2026, 3, 1, 10, tzinfo=UTC)  # an instant: no zone
    assert workout.name == "GZCLP: Day 1"
    warmup, work = workout.sets
    assert (warmup.set_type, warmup.reps) == (SetType.WARMUP, 5)
    assert (work.reps, work.rpe, work.notes) == (4, 8.5, "ok")
    assert work.load_kg == pytest.approx(215 * KG_PER_LB)  # completed, not required
    assert report.counts.rows[RowOutcome.NOT_DONE] == 1 and report.counts.not_done == 1


def test_liftlog_sessions_are_workouts_starting_at_their_first_set() -> None:
    report = read_liftlog_csv(
        io.StringIO(
            "SessionId,Timestamp,Exercise,Weight,WeightUnit,Reps,TargetReps,Notes\n"
            "b59ab47f,2024-10-16T10:45:06,Incline Dumbbell Bench Press,60,kg,8,8,\n"
            "8b929966,2024-10-16T10:44:39,Bench Press,67.5,kg,12,12,\n"
            "8b929966,2024-10-16T10:44:38,Bench Press,150,lbs,12,12,easy\n"
        ),
        UTC_OPTIONS,
    )
    assert report.ok, report.problems
    bench = next(w for w in report.workouts if w.head.key == "8b929966")
    assert bench.started_at == datetime(2024, 10, 16, 10, 44, 38, tzinfo=UTC)
    assert [s.load_kg for s in bench.sets] == pytest.approx([67.5, 150 * KG_PER_LB])
    assert bench.sets[1].notes == "easy"


SPREADSHEET = (
    "Day;Lift;Kilos;Reps;Notes;Warm-up\n"
    "05/04/2026;Deadlift;140,5;5;felt good;no\n"
    "05/04/2026;Deadlift;60;5;;yes\n"
    "06/04/2026;Row;;;;no\n"
)


def test_a_spreadsheet_is_read_through_its_column_mapping() -> None:
    mapping = ColumnMapping(
        {Column.DATE: "Day", Column.EXERCISE: "Lift", Column.WEIGHT: "Kilos",
         Column.REPS: "Reps", Column.NOTES: "Notes", Column.SET_TYPE: "Warm-up"},
        date_order="dmy",
    )  # fmt: skip
    report = read_generic_csv(io.StringIO(SPREADSHEET), mapping, UTC_OPTIONS)
    assert report.ok, report.problems
    (workout,) = report.workouts
    assert workout.started_at == datetime(2026, 4, 5, tzinfo=UTC)  # day first, as mapped
    work, warmup = workout.sets
    assert (work.load_kg, work.reps, work.notes) == (140.5, 5, "felt good")
    assert warmup.set_type is SetType.WARMUP
    assert report.counts.rows == {RowOutcome.SETS: 2, RowOutcome.EMPTY: 1}


def test_columns_are_guessed_from_common_header_words() -> None:
    guessed = guess_columns(["Day", "Lift", "Kilos", "Reps", "Notes", "Warm-up"])
    assert guessed[Column.DATE] == "Day" and guessed[Column.REPS] == "Reps"
    assert guessed[Column.EXERCISE] == "Lift" and guessed[Column.SET_TYPE] == "Warm-up"
    assert (
        guess_columns(["Date", "Exercise", "Weight (kg)", "Reps"])[Column.WEIGHT] == "Weight (kg)"
    )


def test_a_mapping_naming_a_missing_column_or_no_amount_is_refused_clearly() -> None:
    header = ["Day", "Lift", "Kilos"]
    with pytest.raises(InvalidInput, match="no column 'Date'"):
        ColumnMapping({Column.DATE: "Date", Column.EXERCISE: "Lift"}).check(header)
    with pytest.raises(InvalidInput, match="reps, seconds or distance"):
        ColumnMapping({Column.DATE: "Day", Column.EXERCISE: "Lift"}).check(header)
    with pytest.raises(InvalidInput, match="not a field"):
        parse_assignments(["weigth=Kilos"])


def test_a_column_mapping_survives_being_saved_and_read_back() -> None:
    mapping = ColumnMapping(
        {Column.DATE: "Day", Column.EXERCISE: "Lift", Column.REPS: "Reps"},
        weight_unit=WeightUnit.LB, distance_unit="mi", date_order="mdy",
    )  # fmt: skip
    assert ColumnMapping.from_dict(json.loads(json.dumps(mapping.to_dict()))) == mapping


def workouts_to_write() -> list[Workout]:
    start = datetime(2025, 3, 1, 6, 30, tzinfo=UTC)
    return [
        Workout(
            started_at=start,
            ended_at=start + timedelta(minutes=50),
            name="Pull day",
            notes="slept well",
            sets=(
                LoggedSet("pull-up", SetType.WARMUP, reps=5),
                LoggedSet("pull-up", reps=8, load_kg=10, rpe=8.5, source_name="Pull Up (Weighted)"),
                LoggedSet("plank", duration_seconds=60, notes="hold"),
                LoggedSet(
                    "rowing-machine", distance_m=2000, duration_seconds=480, reps_in_reserve=2
                ),
            ),
        ),
        Workout(started_at=start + timedelta(days=2), sets=()),
    ]


def test_openweight_written_reads_back_as_the_same_sets() -> None:
    out = io.StringIO()
    names = {"pull-up": "Pull-up", "plank": "Plank", "rowing-machine": "Rowing machine"}
    written = write_openweight(workouts_to_write(), names, out, ZoneInfo("Europe/Paris"))
    assert written == 4
    document = json.loads(out.getvalue())
    assert len(document) == 1  # a workout without sets cannot be written
    assert document[0]["date"] == "2025-03-01T07:30:00+01:00"
    assert document[0]["exercises"][1]["exercise"]["name"] == "Pull Up (Weighted)"
    report = read_openweight(io.StringIO(out.getvalue()), UTC_OPTIONS)
    (workout,) = report.workouts
    original = workouts_to_write()[0]
    assert workout.started_at == original.started_at
    assert (workout.name, workout.notes, workout.duration_seconds) == (
        "Pull day",
        "slept well",
        3000,
    )
    ids = {"Pull-up": "pull-up", "Pull Up (Weighted)": "pull-up", "Plank": "plank",
           "Rowing machine": "rowing-machine"}  # fmt: skip
    back = workout.to_workout(ids)
    strip = [(s.exercise_id, s.set_type, s.reps, s.load_kg, s.duration_seconds, s.distance_m,
              s.rpe, s.reps_in_reserve, s.notes) for s in original.sets]  # fmt: skip
    assert [(s.exercise_id, s.set_type, s.reps, s.load_kg, s.duration_seconds, s.distance_m,
             s.rpe, s.reps_in_reserve, s.notes) for s in back.sets] == strip  # fmt: skip


def test_openweight_is_read_one_workout_at_a_time_and_bad_json_names_its_line() -> None:
    document = json.dumps(
        [{"date": f"2024-01-{d:02d}T08:00:00Z", "exercises": [
            {"exercise": {"name": "Squat"}, "sets": [{"reps": 5, "weight": 100, "unit": "kg"}]}
        ]} for d in range(1, 31)],
        indent=2,
    )  # fmt: skip
    lines = iter(document.splitlines(keepends=True))
    reader = iter(OpenWeightReader(lines, UTC_OPTIONS))
    next(reader)
    assert next(lines, None) is not None  # the rest of the file was not read yet
    with pytest.raises(FormatError, match="line 3"):
        list(
            OpenWeightReader(
                io.StringIO('[\n{"date": "2024-01-01T08:00:00Z",\n "x": }\n]'), UTC_OPTIONS
            )
        )


def test_an_openweight_set_with_a_weight_but_no_unit_is_flagged() -> None:
    squat = {"exercise": {"name": "Squat"}, "sets": [{"reps": 5, "weight": 100}]}
    text = json.dumps({"date": "2024-01-01T08:00:00Z", "exercises": [squat]})
    report = read_openweight(io.StringIO(text), UTC_OPTIONS)
    (problem,) = report.problems
    assert problem.field == "workouts[0].exercises[0].sets[0].unit"


@pytest.mark.parametrize(
    ("first_line", "app"),
    [
        ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps", HistoryFormat.STRONG),
        ('"Workout #";"Date";"Workout Name";"Exercise Name";"Set Order";"Weight (kg)"',
         HistoryFormat.STRONG),
        ('"title","start_time","end_time","description","exercise_title"', HistoryFormat.HEVY),
        ("Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time",
         HistoryFormat.FITNOTES),
        ("\ufeffDate (yyyy/mm/dd),Workout,Workout Name,Program Name", HistoryFormat.STRONGLIFTS),
        (LIFTOSAUR.strip(), HistoryFormat.LIFTOSAUR),
        ("SessionId,Timestamp,Exercise,Weight,WeightUnit,Reps,TargetReps,Notes",
         HistoryFormat.LIFTLOG),
        ("### SETTING ##########################################", HistoryFormat.JEFIT),
        ('[{"date": "2024-01-15T09:30:00Z"', HistoryFormat.OPENWEIGHT),
        ("Day;Lift;Kilos;Reps", None),
    ],
)  # fmt: skip
def test_each_app_is_told_from_its_header(first_line: str, app: HistoryFormat | None) -> None:
    assert detect_format([first_line + "\n"]) is app


def test_the_wrong_importer_names_the_app_the_file_is_from() -> None:
    fitnotes = BytesSource("log.csv", b"Date,Exercise,Category,Weight,Weight Unit,Reps\n")
    with pytest.raises(WrongFormat, match="looks like a FitNotes export, not a Hevy one") as error:
        HistoryCodecs().read(fitnotes, HistoryFormat.HEVY, UTC_OPTIONS)
    assert "import it as fitnotes" in str(error.value)
