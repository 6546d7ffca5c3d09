"""Importing and exporting a history act for one person, with no database (tests/fakes.py)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from backtone.adapters.formats.history_codecs import HistoryCodecs
from backtone.adapters.text_files import BytesSource
from backtone.domain.importing import HistoryFormat, ReadOptions
from backtone.domain.training import LoggedSet, WeightUnit, Workout
from backtone.services.history_export import export_history
from backtone.services.history_import import import_history, preview_history_import
from tests.conftest import FixedClock
from tests.factories import caller_at, make_exercise
from tests.fakes import FakeUnitOfWork

CODECS = HistoryCodecs()
BUILTIN = [
    make_exercise("pull-up", name="Pull Up"),
    make_exercise("bent-over-row", name="Bent Over Row"),
    make_exercise("squat", name="Squat"),
]
STRONG_HEADER = ("Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight",
                 "Reps", "Distance", "Seconds", "Notes", "Workout Notes", "RPE")  # fmt: skip
STRONG_ROWS = [
    ("2026-10-05 18:00:00", "Pull", "45m", "Pull Up", "1", "0", "8", "0", "0", "", "", ""),
    ("2026-10-05 18:00:00", "Pull", "45m", "Pull Up", "2", "0", "7", "0", "0", "", "", ""),
    ("2026-10-05 18:00:00", "Pull", "45m", "Bent Over Row", "1", "40", "10", "0", "0", "", "", ""),
    ("2026-10-07 18:00:00", "Pull", "40m", "Pull Up", "1", "0", "9", "0", "0", "", "", ""),
]  # fmt: skip
KG = ReadOptions(tz=UTC, weight_unit=WeightUnit.KG)


def strong_file() -> BytesSource:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STRONG_HEADER)
    writer.writerows(STRONG_ROWS)
    return BytesSource("strong.csv", out.getvalue().encode("utf-8"))


def test_a_preview_says_what_the_file_holds_and_writes_nothing() -> None:
    uow, clock = FakeUnitOfWork(BUILTIN), FixedClock()
    preview = preview_history_import(
        uow=uow, codecs=CODECS, caller=caller_at(clock, 1), source=strong_file(), chosen=None,
        options=KG,
    )  # fmt: skip
    assert preview.format is HistoryFormat.STRONG
    assert (preview.workouts, preview.sets) == (2, 4)
    assert {m.name: m.exercise_id for m in preview.mapping} == {
        "Pull Up": "pull-up",
        "Bent Over Row": "bent-over-row",
    }
    assert uow.workouts.rows == {} and uow.exercises.rows == {}
    assert uow.import_memory.names == {} and uow.commits == 0


def test_an_import_writes_the_file_once_for_that_person_only() -> None:
    uow, clock = FakeUnitOfWork(BUILTIN), FixedClock()
    ana, ben = caller_at(clock, 1), caller_at(clock, 2)
    first = import_history(
        uow=uow, clock=clock, codecs=CODECS, caller=ana, source=strong_file(), chosen=None,
        options=KG,
    )  # fmt: skip
    again = import_history(
        uow=uow, clock=clock, codecs=CODECS, caller=ana, source=strong_file(), chosen=None,
        options=KG,
    )  # fmt: skip
    assert (first.workouts_added, first.sets_added) == (2, 4)
    assert (again.workouts_added, again.sets_added, again.sets_already_there) == (0, 0, 4)
    assert sum(len(w.sets) for w in uow.workouts.all(1)) == 4
    assert list(uow.workouts.all(ben.user_id)) == []


def test_an_export_writes_the_persons_own_sets_in_their_unit() -> None:
    uow, clock = FakeUnitOfWork(BUILTIN), FixedClock()
    day = datetime(2026, 10, 5, 18, tzinfo=UTC)
    ana_sets = (LoggedSet("pull-up", reps=8), LoggedSet("bent-over-row", reps=10, load_kg=40))
    uow.workouts.add(1, Workout(started_at=day, sets=ana_sets), created_at=day)
    ben_sets = (LoggedSet("squat", reps=5, load_kg=100),)
    uow.workouts.add(2, Workout(started_at=day, sets=ben_sets), created_at=day)

    out = io.StringIO()
    ana = caller_at(clock, 1, unit=WeightUnit.LB)
    written = export_history(
        uow=uow, codecs=CODECS, caller=ana, chosen=HistoryFormat.STRONG, out=out
    )
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (written.workouts, written.sets) == (1, 2)
    assert {r["Exercise Name"] for r in rows} == {"Pull Up", "Bent Over Row"}  # no squat of Ben's
    row_weight = next(float(r["Weight"]) for r in rows if r["Exercise Name"] == "Bent Over Row")
    assert round(row_weight) == 88  # 40 kg, said in pounds as Ana reads loads
