"""Strong -> backtone -> Strong and Hevy -> backtone -> Hevy keep what the file said; an
openweight export brings the same history into another account. SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.adapters.formats.history_codecs import HistoryCodecs
from backtone.adapters.text_files import BytesSource, FileSource
from backtone.domain.importing import HistoryFormat, ReadOptions
from backtone.domain.training import KG_PER_LB, LoggedSet, SetType, WeightUnit, Workout
from backtone.services.backup import restore_workouts
from backtone.services.history_export import export_history
from backtone.services.history_import import import_history
from backtone.services.ports import TextSource
from backtone.services.users import ensure_local_user
from tests.conftest import REPO, SHARED_DATA, FixedClock
from tests.factories import caller_at

CODECS = HistoryCodecs()
PARIS = ZoneInfo("Europe/Paris")
OURS = REPO / "tests" / "data" / "openweight"
PULL = ("2025-01-30 18:05:11", "Pull, then row", "1h 5m")
STRONG_ROWS = [
    (*PULL, "Pull Up (Weighted)", "W", "0", "5", "0", "0", "", "Slept badly", ""),
    (*PULL, "Pull Up (Weighted)", "1", "20", "5", "0", "0", 'Belt "heavy"', "Slept badly", "8.5"),
    (*PULL, "Pull Up (Weighted)", "F", "10", "7", "0", "0", "", "Slept badly", "10"),
    (*PULL, "Bent Over Row (Barbell)", "1", "62.5", "8", "0", "0", "", "Slept badly", "6.5"),
    (*PULL, "Bent Over Row (Barbell)", "D", "40", "12", "0", "0", "", "Slept badly", ""),
    (*PULL, "Rowing (Machine)", "1", "0", "0", "2.5", "600", "", "Slept badly", ""),
    (*PULL, "Plank", "1", "0", "0", "0", "75", "", "Slept badly", ""),
    ("2025-02-01 09:00:00", "Legs", "264h 1m", "Squat (Barbell)", "1", "100", "5", "0", "0",
     "", "", ""),
]  # fmt: skip


def strong_text(rows: Iterable[tuple[str, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight",
                     "Reps", "Distance", "Seconds", "Notes", "Workout Notes", "RPE"))  # fmt: skip
    writer.writerows(rows)
    return out.getvalue()


STRONG_FILE = strong_text(STRONG_ROWS)


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


def bring_in(
    uow: SqlUnitOfWork, clock: FixedClock, user: int, source: TextSource, options: ReadOptions
) -> None:
    import_history(
        uow=uow, clock=clock, codecs=CODECS, caller=caller_at(clock, user), source=source,
        chosen=None, options=options,
    )  # fmt: skip


def take_out(
    uow: SqlUnitOfWork, user: int, chosen: HistoryFormat, unit: WeightUnit = WeightUnit.KG
) -> str:
    out = io.StringIO()
    export_history(uow=uow, codecs=CODECS, caller=caller_at(FixedClock(), user, PARIS),
                   chosen=chosen, out=out, unit=unit)  # fmt: skip
    return out.getvalue()


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def number(text: str) -> float:
    return float(text or 0)


def strong_facts(rows: Iterable[dict[str, str]]) -> list[tuple[object, ...]]:
    kinds = {"W": "warmup", "D": "drop", "F": "failure"}
    return [
        (r["Date"], r["Workout Name"], r["Duration"], r["Exercise Name"],
         kinds.get(r["Set Order"], "working"), number(r["Weight"]), number(r["Reps"]),
         number(r["Distance"]), number(r["Seconds"]), r["Notes"], r["Workout Notes"],
         number(r["RPE"]))
        for r in rows
    ]  # fmt: skip


def test_strong_to_backtone_to_strong_keeps_what_the_file_said(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    user = ensure_local_user(uow=uow, clock=clock, name="ana").id
    bring_in(uow, clock, user, BytesSource("strong.csv", STRONG_FILE.encode()),
             ReadOptions(tz=PARIS))  # fmt: skip
    exported = take_out(uow, user, HistoryFormat.STRONG)
    assert strong_facts(table(exported)) == strong_facts(table(STRONG_FILE))


def test_the_shared_strong_sample_survives_the_round_trip(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    path = SHARED_DATA / "strong" / "strong_export_2024.csv"
    user = ensure_local_user(uow=uow, clock=clock, name="ana").id
    bring_in(uow, clock, user, FileSource(path), ReadOptions(tz=PARIS))
    original = table(path.read_text(encoding="utf-8"))
    for row in original:
        row["Notes"] = row["Workout Notes"] = ""  # the sample has neither column
    assert strong_facts(table(take_out(uow, user, HistoryFormat.STRONG))) == strong_facts(original)


def hevy_facts(
    rows: Iterable[dict[str, str]], weight: str, distance: str
) -> list[tuple[object, ...]]:
    """Every column but superset_id and set_index: backtone keeps neither (an exercise added
    twice in a row is numbered as one run)."""

    def when(text: str) -> datetime | None:
        return datetime.strptime(text, "%d %b %Y, %H:%M") if text else None

    return [
        (r["title"], when(r["start_time"]), when(r["end_time"]), r["description"],
         r["exercise_title"], r["exercise_notes"], r["set_type"],
         number(r[weight]), r["reps"], number(r[distance]), number(r["duration_seconds"]),
         number(r["rpe"]))
        for r in rows
    ]  # fmt: skip


HEVY_FILES = [SHARED_DATA / "hevy" / "hevy_export_2025.csv", OURS / "hevy-real.csv"]


@pytest.mark.parametrize("path", HEVY_FILES, ids=lambda p: p.name)
def test_hevy_to_backtone_to_hevy_keeps_what_the_file_said(
    uow: SqlUnitOfWork, clock: FixedClock, path: Path
) -> None:
    user = ensure_local_user(uow=uow, clock=clock, name="ana").id
    bring_in(uow, clock, user, FileSource(path), ReadOptions(tz=PARIS))
    exported = take_out(uow, user, HistoryFormat.HEVY)
    original = table(path.read_text(encoding="utf-8"))
    assert hevy_facts(table(exported), "weight_kg", "distance_km") == hevy_facts(
        original, "weight_kg", "distance_km"
    )


def test_a_person_in_pounds_gets_pounds_back_in_both_apps_formats(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    header = (
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
        "set_index,set_type,weight_lbs,reps,distance_miles,duration_seconds,rpe\n"
    )
    rows = (
        "Push,1 Jan 2025, 07:39,1 Jan 2025, 08:30,,Bench Press (Barbell),,,0,warmup,88.18,10,,,\n"
        "Push,1 Jan 2025, 07:39,1 Jan 2025, 08:30,,Bench Press (Barbell),,,1,normal,185,5,,,8\n"
        "Push,1 Jan 2025, 07:39,1 Jan 2025, 08:30,,Treadmill,,,0,normal,,,1.5,900,\n"
    )
    text = header + "".join(
        ",".join(f'"{cell}"' if ", " in cell else cell for cell in _split(line)) + "\n"
        for line in rows.splitlines()
    )
    user = ensure_local_user(uow=uow, clock=clock, name="ana").id
    bring_in(uow, clock, user, BytesSource("hevy.csv", text.encode()), ReadOptions(tz=PARIS))
    hevy = table(take_out(uow, user, HistoryFormat.HEVY, WeightUnit.LB))
    assert [r["weight_lbs"] for r in hevy] == ["88.18", "185", ""]
    assert hevy[2]["distance_miles"] == "1.5"
    strong = table(take_out(uow, user, HistoryFormat.STRONG, WeightUnit.LB))
    assert [r["Weight"] for r in strong] == ["88.18", "185", "0"]
    assert strong[2]["Distance"] == "1.5"
    again = ensure_local_user(uow=uow, clock=clock, name="ben").id
    lb_file = take_out(uow, user, HistoryFormat.STRONG, WeightUnit.LB)
    bring_in(uow, clock, again, BytesSource("strong.csv", lb_file.encode()),
             ReadOptions(tz=PARIS, weight_unit=WeightUnit.LB))  # fmt: skip
    with uow:
        loads = [s.load_kg for w in uow.workouts.all(again) for s in w.sets]
    assert loads == pytest.approx([88.18 * KG_PER_LB, 185 * KG_PER_LB, None])


def _split(line: str) -> list[str]:
    # The hand-written rows above put "1 Jan 2025, 07:39" unquoted: rejoin the date cells.
    cells = line.split(",")
    joined: list[str] = []
    for cell in cells:
        if cell.startswith(" ") and joined and joined[-1][:1].isdigit():
            joined[-1] += "," + cell
        else:
            joined.append(cell)
    return joined


def test_an_openweight_export_brings_the_same_history_into_another_account(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    ana = ensure_local_user(uow=uow, clock=clock, name="ana").id
    bring_in(uow, clock, ana, BytesSource("strong.csv", STRONG_FILE.encode()),
             ReadOptions(tz=PARIS))  # fmt: skip
    logged = Workout(
        started_at=datetime(2025, 2, 3, 7, tzinfo=PARIS),
        sets=(LoggedSet("dead-hang", SetType.WORKING, duration_seconds=45, rpe=7),),
    )
    restore_workouts(uow=uow, clock=clock, caller=caller_at(clock, ana), workouts=[logged])
    document = take_out(uow, ana, HistoryFormat.OPENWEIGHT)
    ben = ensure_local_user(uow=uow, clock=clock, name="ben").id
    bring_in(uow, clock, ben, BytesSource("ana.json", document.encode()), ReadOptions())

    def facts(user: int) -> list[tuple[object, ...]]:
        with uow:
            return [
                (w.started_at, w.name, w.notes, w.ended_at, s.exercise_id, s.set_type, s.reps,
                 s.load_kg, s.duration_seconds, s.distance_m, s.rpe, s.notes)
                for w in uow.workouts.all(user) for s in w.sets
            ]  # fmt: skip

    assert facts(ben) == facts(ana)
    assert "Dead hang" in document  # a set logged in backtone is named by backtone's name
