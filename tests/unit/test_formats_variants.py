"""Every known Strong layout and the Hevy imperial columns read right; bad files answer clearly."""

from __future__ import annotations

import io
import string
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtone.adapters.formats.hevy_csv import read_hevy_csv
from backtone.adapters.formats.strong_csv import read_strong_csv, write_strong_csv
from backtone.domain.importing import FormatError, ImportedSet, ParseReport, ReadOptions, RowOutcome
from backtone.domain.training import KG_PER_LB, LoggedSet, SetType, Workout

MILE = 1609.344
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"'
)
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE"
)


def strong(text: str, tz: ZoneInfo | None = None) -> ParseReport:
    return read_strong_csv(io.StringIO(text), ReadOptions(tz=tz or ZoneInfo("UTC")))


def hevy(text: str) -> ParseReport:
    return read_hevy_csv(io.StringIO(text), ReadOptions(tz=ZoneInfo("UTC")))


def sets(report: ParseReport) -> list[ImportedSet]:
    return [s for w in report.workouts for s in w.sets]


def test_the_older_semicolon_layout_converts_its_per_row_pounds_and_miles() -> None:
    report = strong(
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes\n"
        '2021-05-10 07:30:00;Full body;Deadlift (Barbell);1;225;lbs;5;8;;;0;"Felt strong";"Good"\n'
        "2021-05-10 07:30:00;Full body;Deadlift (Barbell);2;100;kg;5;;;;0;;\n"
        "2021-05-10 07:30:00;Full body;Running;1;0;kg;0;;2;mi;900;;\n"
    )
    assert report.ok, report.problems
    lifted, metric, run = sets(report)
    assert lifted.load_kg == pytest.approx(225 * KG_PER_LB)
    assert (lifted.reps, lifted.rpe, lifted.notes) == (5, 8.0, "Felt strong")
    assert metric.load_kg == 100.0
    assert (run.reps, run.distance_m, run.duration_seconds) == (None, 2 * MILE, 900.0)
    assert report.workouts[0].notes == "Good"


def test_the_comma_layout_without_units_keeps_kilograms_with_rounding_noise() -> None:
    report = strong(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
        "2019-03-02 09:00:00,Morning,Lateral Raise (Dumbbell),1,6.80388555,12,0,0,,,\n"
    )
    assert report.ok, report.problems
    assert sets(report)[0].load_kg == 6.80388555
    assert report.workouts[0].duration_seconds is None


def test_the_comma_layout_with_duration_and_notes_reads_both() -> None:
    report = strong(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
        '2020-09-15 11:22:57,"Chest, Triceps",1h 5m,"Bench Press (Barbell)",1,45.0,5,0,0,'
        '"Paused, 1s","Slept badly",7.5\n'
    )
    assert report.ok, report.problems
    workout = report.workouts[0]
    assert (workout.name, workout.duration_seconds, workout.notes) == (
        "Chest, Triceps",
        3900,
        "Slept badly",
    )
    assert (sets(report)[0].notes, sets(report)[0].rpe) == ("Paused, 1s", 7.5)


def test_the_quoted_semicolon_layout_takes_its_units_from_the_header() -> None:
    report = strong(
        '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";'
        '"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"\n'
        '"1";"2023-07-14 19:31:01";"Workout A";"3600";"Clean and Jerk (Barbell)";"1";"50,5";"3";'
        '"";"";"0";"";""\n'
        '"1";"2023-07-14 19:31:01";"Workout A";"3600";"Rowing (Machine)";"1";"0";"0";"";"500";'
        '"120";"";""\n'
    )
    assert report.ok, report.problems
    lift, row = sets(report)
    assert lift.load_kg == 50.5  # a decimal comma, as ';' files from some phones write
    assert (row.distance_m, row.duration_seconds, row.reps) == (500.0, 120.0, None)
    assert report.workouts[0].duration_seconds == 3600


def test_a_pounds_header_converts_every_weight() -> None:
    report = strong(
        "Date;Workout Name;Exercise Name;Set Order;Weight (lbs);Reps\n"
        "2023-01-01 10:00:00;A;Row;1;100;10\n"
    )
    assert sets(report)[0].load_kg == pytest.approx(100 * KG_PER_LB)


def test_the_android_layout_with_workout_duration_last_reads_its_length() -> None:
    report = strong(
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
        '2025-05-21 15:56:15;"Afternoon";"Bicep Curl (Barbell)";1;10;kg;8;;;;0;"";"";53m\n'
    )
    assert report.ok, report.problems
    assert report.workouts[0].duration_seconds == 53 * 60


@pytest.mark.parametrize(
    ("written", "clock"),
    [
        ("2025-01-30 12:34:56\u202fpm", (12, 34, 56)),
        ("2025-01-30 12:05:00 am", (0, 5, 0)),
        ("2025-01-30 1:05:00 PM", (13, 5, 0)),
        ("2025-01-30 07:15:00\u202fa.m.", (7, 15, 0)),
        ("2025-01-30 19:15", (19, 15, 0)),
    ],
)
def test_twelve_hour_times_even_with_a_narrow_no_break_space_read_right(
    written: str, clock: tuple[int, int, int]
) -> None:
    report = strong(f"{STRONG_HEADER}\n{written},A,30m,Row,1,20,10,0,0,\n")
    assert report.ok, report.problems
    assert report.workouts[0].started_at == datetime(2025, 1, 30, *clock, tzinfo=UTC)


def test_local_times_move_to_utc_in_the_zone_given() -> None:
    report = strong(f"{STRONG_HEADER}\n2025-07-01 08:00:00,A,30m,Row,1,20,10,0,0,\n",
                    ZoneInfo("Europe/Berlin"))  # fmt: skip
    assert report.workouts[0].started_at == datetime(2025, 7, 1, 6, 0, tzinfo=UTC)


def test_rest_timer_rows_are_skipped_and_counted_not_logged() -> None:
    report = strong(
        f"{STRONG_HEADER}\n"
        "2024-03-05 07:30:00,Legs,1h,Squat (Barbell),1,100,5,0,0,\n"
        "2024-03-05 07:30:00,Legs,1h,Squat (Barbell),Rest Timer,0,0,0,90,\n"
        "2024-03-05 07:30:00,Legs,1h,Squat (Barbell),2,100,5,0,0,\n"
    )
    assert report.ok, report.problems
    assert (report.rows_read, report.counts.rows[RowOutcome.REST], report.set_count) == (3, 1, 2)


def test_set_order_letters_mark_warm_up_drop_and_failure_sets() -> None:
    rows = "".join(f"2024-03-05 07:30:00,Legs,1h,Squat,{order},60,5,0,0,\n" for order in "WDF1")
    report = strong(f"{STRONG_HEADER}\n{rows}")
    assert [s.set_type for s in sets(report)] == [
        SetType.WARMUP,
        SetType.DROP,
        SetType.FAILURE,
        SetType.WORKING,
    ]


def test_a_byte_order_mark_before_the_header_is_ignored() -> None:
    data = (f"{STRONG_HEADER}\n2024-03-05 07:30:00,A,1h,Squat,1,60,5,0,0,\n").encode("utf-8-sig")
    report = read_strong_csv(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=""))
    assert report.ok and report.set_count == 1


def test_the_hevy_imperial_columns_are_converted_to_kilograms_and_metres() -> None:
    header = HEVY_HEADER.replace("weight_kg", "weight_lbs").replace("distance_km", "distance_miles")
    report = hevy(
        f"{header}\n"
        '"Push","15 Sep 2025, 07:48","15 Sep 2025, 09:13","","Bench Press",,"",0,"normal",'
        "135,5,,0,8\n"
        '"Push","15 Sep 2025, 07:48","15 Sep 2025, 09:13","","Treadmill",,"",0,"normal",'
        ",,1.5,600,\n"
    )
    assert report.ok, report.problems
    bench, run = sets(report)
    assert bench.load_kg == pytest.approx(135 * KG_PER_LB)
    assert run.distance_m == pytest.approx(1.5 * MILE)
    assert run.duration_seconds == 600.0


@pytest.mark.parametrize(
    ("cells", "field", "says"),
    [
        ("-3,0,0,", "reps", "0-1000"),
        ("5,0,0,", "load", "2000"),
        ("12.5,0,0,", "reps", "whole number"),
        ("5,0,0,11", "rpe", "1-10"),
    ],
)
def test_impossible_values_are_reported_with_their_line_and_field(
    cells: str, field: str, says: str
) -> None:
    weight = "2000" if field == "load" else "20"
    report = strong(
        f"{STRONG_HEADER}\n"
        "2024-03-05 07:30:00,A,1h,Squat,1,60,5,0,0,\n"
        f"2024-03-05 07:30:00,A,1h,Squat,2,{weight},{cells}\n"
    )
    assert [(p.line, p.field) for p in report.problems] == [(3, field)]
    assert says in report.problems[0].message
    assert report.set_count == 1  # the good row is still read: the caller decides


def test_unknown_units_are_named_with_the_units_allowed() -> None:
    report = strong(
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps\n"
        "2021-05-10 07:30:00;A;Deadlift;1;14;stone;5\n"
    )
    (problem,) = report.problems
    assert (problem.line, problem.field) == (2, "weight unit")
    assert "stone" in problem.message and "lbs" in problem.message
    with pytest.raises(FormatError, match="unknown unit 'stone'"):
        strong("Date;Workout Name;Exercise Name;Set Order;Weight (stone);Reps\n")


@pytest.mark.parametrize("date", ["30/01/2025 10:00", "2025-13-40 10:00:00", "yesterday",
                                  "2025-01-30 13:00:00 pm"])  # fmt: skip
def test_malformed_dates_are_reported_on_their_line(date: str) -> None:
    report = strong(f"{STRONG_HEADER}\n{date},A,1h,Squat,1,60,5,0,0,\n")
    assert [(p.line, p.field) for p in report.problems] == [(2, "date")]
    assert "YYYY-MM-DD" in report.problems[0].message


def test_a_malformed_hevy_date_is_reported_on_its_line() -> None:
    report = hevy(f'{HEVY_HEADER}\n"A","Sep 15th","","","Row",,"",0,"normal",20,10,,0,\n')
    assert [(p.line, p.field) for p in report.problems] == [(2, "start_time")]


def test_line_numbers_count_notes_that_span_several_lines() -> None:
    report = strong(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Notes\n"
        '2024-03-05 07:30:00,A,Squat,1,60,5,"first line\nsecond line"\n'
        "2024-03-05 07:30:00,A,Squat,2,60,-1,\n"
    )
    assert sets(report)[0].notes == "first line\nsecond line"
    assert [p.line for p in report.problems] == [4]
    assert report.problems[0].located("log.csv").startswith("log.csv:4: reps:")


def test_a_row_with_too_few_fields_is_reported_not_guessed() -> None:
    report = strong(f"{STRONG_HEADER}\n2024-03-05 07:30:00,A,1h,Squat,1,60\n")
    assert [(p.line, p.field) for p in report.problems] == [(2, "row")]


def test_a_hevy_file_given_as_strong_says_it_looks_like_hevy() -> None:
    with pytest.raises(FormatError, match="looks like a Hevy export"):
        strong(f"{HEVY_HEADER}\n")


def test_a_strong_file_given_as_hevy_says_it_looks_like_strong() -> None:
    with pytest.raises(FormatError, match="looks like a Strong export"):
        hevy(f"{STRONG_HEADER}\n2024-03-05 07:30:00,A,1h,Squat,1,60,5,0,0,\n")


def test_a_csv_from_elsewhere_names_the_missing_columns() -> None:
    with pytest.raises(FormatError, match="no column Date, Exercise Name"):
        strong("foo,bar\n1,2\n")
    with pytest.raises(FormatError, match="no column title"):
        hevy("foo,bar\n1,2\n")


@pytest.mark.parametrize("text", ["", "\n", "  \n\n"])
@pytest.mark.parametrize("reader", [strong, hevy])
def test_an_empty_file_is_answered_as_empty(
    text: str, reader: Callable[[str], ParseReport]
) -> None:
    with pytest.raises(FormatError, match="empty"):
        reader(text)


@pytest.mark.parametrize(
    ("data", "says"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8", "not UTF-8"),
     (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "NUL")],
)  # fmt: skip
def test_a_binary_file_is_refused_as_not_text(data: bytes, says: str) -> None:
    for read in (read_strong_csv, read_hevy_csv):
        with pytest.raises(FormatError, match=says):
            read(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=""))


def test_an_unknown_hevy_set_type_is_reported() -> None:
    report = hevy(f'{HEVY_HEADER}\n"A","15 Sep 2025, 07:48","","","Row",,"",0,"giant",20,10,,0,\n')
    assert [(p.line, p.field) for p in report.problems] == [(2, "set_type")]
    assert "dropset" in report.problems[0].message


NAMES = {"row": "Bent Over Row (Barbell)", "plank": "Plank", "curl": 'Curl, "EZ" bar'}


@st.composite
def logged_sets(draw: st.DrawFn) -> LoggedSet:
    maybe = st.one_of
    reps = draw(maybe(st.none(), st.integers(1, 50)))
    seconds = draw(maybe(st.none(), st.integers(1, 3600).map(float)))
    metres = draw(maybe(st.none(), st.integers(1, 50_000).map(float)))
    return LoggedSet(
        exercise_id=draw(st.sampled_from(sorted(NAMES))),
        set_type=draw(st.sampled_from(SetType)),
        reps=reps if reps or seconds or metres else draw(st.integers(1, 50)),
        load_kg=draw(maybe(st.none(), st.integers(1, 4800).map(lambda eighths: eighths / 8))),
        duration_seconds=seconds,
        distance_m=metres,
        rpe=draw(maybe(st.none(), st.sampled_from([6.0, 7.5, 8.0, 9.5, 10.0]))),
        notes=draw(st.text(string.ascii_letters + " ,;\"'\n", max_size=20)).strip(),
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(logged_sets(), min_size=1, max_size=6), min_size=1, max_size=4),
    st.sampled_from(["UTC", "Asia/Kolkata", "America/Sao_Paulo"]),
)
def test_any_workouts_written_as_strong_read_back_as_the_same_sets(
    workouts: list[list[LoggedSet]], zone: str
) -> None:
    start = datetime(2025, 3, 1, 6, 30, 15, tzinfo=UTC)
    written = [
        Workout(started_at=start + timedelta(days=n), sets=tuple(group), name=f"Day {n}",
                ended_at=start + timedelta(days=n, minutes=75))
        for n, group in enumerate(workouts)
    ]  # fmt: skip
    out = io.StringIO()
    write_strong_csv(written, NAMES, out, ZoneInfo(zone))
    out.seek(0)
    report = read_strong_csv(out, ReadOptions(tz=ZoneInfo(zone)))
    assert report.ok, report.problems
    ids = {name: key for key, name in NAMES.items()}
    named = [
        replace(w, sets=tuple(replace(s, source_name=NAMES[s.exercise_id]) for s in w.sets))
        for w in written
    ]
    assert [w.to_workout(ids) for w in report.workouts] == named
