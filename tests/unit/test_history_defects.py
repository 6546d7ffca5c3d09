"""Each defect real exports showed, as a small hand-made file with the same pattern."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backtone.adapters.formats.hevy_csv import read_hevy_csv
from backtone.adapters.formats.strong_csv import read_strong_csv
from backtone.domain.importing import ParseReport, ReadOptions, RowOutcome
from backtone.domain.training import KG_PER_LB

UTC_OPTIONS = ReadOptions(tz=ZoneInfo("UTC"))
STRONG = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
HEVY = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
)


def strong(text: str) -> ParseReport:
    return read_strong_csv(io.StringIO(text), UTC_OPTIONS)


def hevy(text: str) -> ParseReport:
    return read_hevy_csv(io.StringIO(text), UTC_OPTIONS)


def test_a_workout_left_running_for_days_keeps_its_sets_and_its_length() -> None:
    # shreybirmiwal/strong-stats: every workout of the file says 264h 1m, 240h 5m...
    first = "2025-06-03 20:23:00,Evening Workout,264h 1m,Incline Bench Press (Dumbbell)"
    report = strong(
        f"{STRONG}"
        f"{first},1,35.0,10.0,0,0.0,\n"
        f"{first},Rest Timer,0,0.0,0,120.0,\n"
        f"{first},2,35.0,7.0,0,0.0,\n"
        "2025-06-04 20:24:00,Evening Workout,240h 5m,Lateral Raise (Cable),1,7.5,4.0,0,0.0,\n"
    )
    assert report.ok, report.problems
    assert [len(w.sets) for w in report.workouts] == [2, 1]
    assert [w.duration_seconds for w in report.workouts] == [264 * 3600 + 60, 240 * 3600 + 300]
    assert report.counts.rows == {RowOutcome.SETS: 3, RowOutcome.REST: 1}


@pytest.mark.parametrize(
    ("written", "seconds"),
    [("38min", 38 * 60), ("2h 30m 15s", 9015), ("01:23:45", 5025), ("3600", 3600)],
)
def test_every_duration_spelling_reads_in_seconds(written: str, seconds: int) -> None:
    report = strong(f"{STRONG}2024-01-01 10:00:00,A,{written},Row,1,20,10,0,0,\n")
    assert report.workouts[0].duration_seconds == seconds


def test_two_hevy_workouts_starting_in_the_same_minute_stay_apart() -> None:
    rows = [
        '"Push","15 Sep 2025, 07:48","15 Sep 2025, 08:30","","Bench Press",,"",0,"normal",60,8,,,',
        '"Push","15 Sep 2025, 07:48","15 Sep 2025, 08:30","","Bench Press",,"",1,"normal",60,8,,,',
        '"Pull","15 Sep 2025, 07:48","15 Sep 2025, 08:10","","Pull Up",,"",0,"normal",,10,,,',
        '"Push","15 Sep 2025, 07:48","15 Sep 2025, 07:59","","Push Up",,"",0,"normal",,20,,,',
    ]
    report = hevy(HEVY + "\n".join(rows) + "\n")
    assert report.ok, report.problems
    assert [(w.name, len(w.sets)) for w in report.workouts] == [
        ("Push", 2),
        ("Pull", 1),
        ("Push", 1),
    ]
    assert report.set_count == len(rows)
    assert len({w.head.key for w in report.workouts}) == 3


def test_rows_of_one_workout_that_are_not_next_to_each_other_make_one_workout() -> None:
    # 1,000 rows over 365 days, sorted by exercise instead of by workout.
    start = datetime(2024, 1, 1, 7, 0, tzinfo=UTC)
    rows = []
    for n in range(1000):
        day = start + timedelta(days=n % 365)
        exercise = ("Squat", "Row", "Press")[n // 365]
        rows.append((exercise, f"{day:%Y-%m-%d %H:%M:%S},Day {n % 365},1h,{exercise},1,50,5,0,0,"))
    rows.sort()
    report = strong(STRONG + "\n".join(line for _, line in rows) + "\n")
    assert report.ok, report.problems
    assert report.set_count == 1000
    assert len(report.workouts) == 365
    assert sorted(w.started_at for w in report.workouts) == [
        start + timedelta(days=d) for d in range(365)
    ]


@pytest.mark.parametrize(
    ("weight_unit", "distance_unit", "kg", "metres"),
    [
        ("kg", "km", 20.0, 2000.0),
        ("lbs", "mi.", 20 * KG_PER_LB, 2 * 1609.344),
        ("Lbs.", "Miles", 20 * KG_PER_LB, 2 * 1609.344),
        ("KGS", "m", 20.0, 2.0),
        ("", "", 20.0, 2000.0),  # blank: the person's unit, kg by default
    ],
)
def test_every_unit_spelling_strong_on_android_writes_is_read(
    weight_unit: str, distance_unit: str, kg: float, metres: float
) -> None:
    # mtanzim/vis-strong-go: `;mi.;` on every row, even rows with no distance.
    report = strong(
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes\n"
        f'2019-01-11 12:31:54;"Leg";"Sled Push";1;20;{weight_unit};5;;2;{distance_unit};0;"";""\n'
        '2019-01-11 12:31:54;"Leg";"Plank";1;;;;;;mi.;60;"";\n'
    )
    assert report.ok, report.problems
    sled, plank = (s for w in report.workouts for s in w.sets)
    assert sled.load_kg == pytest.approx(kg)
    assert sled.distance_m == pytest.approx(metres)
    assert (plank.duration_seconds, plank.distance_m) == (60.0, None)


def test_one_implausible_value_flags_its_row_and_the_rest_is_read() -> None:
    lines = [f"2024-02-0{d} 07:00:00,A,1h,Squat,1,100,5,0,0," for d in range(1, 8)]
    lines[3] = "2024-02-04 07:00:00,A,1h,Curl,1,10,4500,0,0,"  # a real 4,500-rep row
    lines.append("2024-02-08 07:00:00,A,1h,Squat,1,0,0,0,0,")  # nothing logged
    report = strong(STRONG + "\n".join(lines) + "\n")
    (problem,) = report.problems
    assert (problem.line, problem.field, problem.implausible) == (5, "reps", True)
    assert report.set_count == 6
    assert report.counts.rows == {
        RowOutcome.SETS: 6, RowOutcome.IMPLAUSIBLE: 1, RowOutcome.EMPTY: 1,
    }  # fmt: skip
    assert report.counts.rows_read == len(lines)


def test_note_rows_and_a_repeated_header_are_counted_not_read_as_sets() -> None:
    # matias-ceau/biovector: `Note` in Set Order; two exports joined keep the second header.
    header = (
        '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";'
        '"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"\n'
    )
    first = '"1";"2024-02-21 18:33:14";"WL.AI #1";"70";"Front Squat (Barbell)"'
    second = '"2";"2024-02-23 18:00:00";"WL.AI #2";"60";"Front Squat (Barbell)"'
    report = read_strong_csv(
        io.StringIO(
            header
            + f'{first};"Note";"";"";"";"";"";"Tempo";""\n'
            + f'{first};"W";"50.0";"5";"";"";"";"";""\n'
            + header
            + f'{second};"F";"60.0";"6";"";"";"";"";""\n'
        ),
        UTC_OPTIONS,
    )
    assert report.ok, report.problems
    assert report.counts.rows == {
        RowOutcome.SETS: 2, RowOutcome.NOTE: 1, RowOutcome.HEADER: 1,
    }  # fmt: skip
    assert report.workouts[0].notes == "Front Squat (Barbell): Tempo"


def test_the_same_file_read_in_two_zones_names_the_same_workouts() -> None:
    text = f"{STRONG}2024-03-05 07:30:00,Legs,1h,Squat,1,100,5,0,0,\n"
    paris = read_strong_csv(io.StringIO(text), ReadOptions(tz=ZoneInfo("Europe/Paris")))
    tokyo = read_strong_csv(io.StringIO(text), ReadOptions(tz=ZoneInfo("Asia/Tokyo")))
    assert paris.workouts[0].started_at != tokyo.workouts[0].started_at
    assert paris.workouts[0].head.key == tokyo.workouts[0].head.key
