"""Importing histories through the services, on SQLite and PostgreSQL: every real sample,
sets in = sets stored = a count made straight from the file, nothing twice, all or nothing."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.adapters.formats.history_codecs import HistoryCodecs
from backtone.adapters.text_files import BytesSource, FileSource
from backtone.domain.column_mapping import Column, ColumnMapping
from backtone.domain.errors import InvalidInput, NotFound
from backtone.domain.importing import HistoryFormat, ReadOptions, RowOutcome, WrongFormat
from backtone.domain.name_mapping import Match
from backtone.domain.training import LoggedSet, WeightUnit, Workout
from backtone.services import history_import
from backtone.services.backup import restore_workouts
from backtone.services.history_export import export_history
from backtone.services.history_import import (
    HistoryImport,
    column_mapping_for,
    import_history,
    preview_history_import,
)
from backtone.services.ports import TextSource
from backtone.services.users import ensure_local_user
from tests.conftest import REPO, SHARED_DATA, FixedClock
from tests.factories import caller_at

CODECS = HistoryCodecs()
OTHER = SHARED_DATA / "other-apps"
OURS = REPO / "tests" / "data" / "openweight"
UTC_OPTIONS = ReadOptions(tz=ZoneInfo("UTC"))


def raw_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def every_row(path: Path) -> int:
    return len(raw_rows(path))


def fitnotes_sets(path: Path) -> int:
    return sum(1 for r in raw_rows(path) if r["Reps"] or r["Distance"] or r["Time"])


def stronglifts_sets(path: Path) -> int:
    cells = [r[f"Set {n} (Reps)"] for r in raw_rows(path) for n in range(1, 7)]
    return sum(1 for cell in cells if cell and int(cell) > 0)


def jefit_sets(path: Path) -> int:
    logs = path.read_text(encoding="utf-8").split("### EXERCISE LOGS ###")[1]
    return sum(len(line.rsplit('"', 2)[-2].split(",")) for line in logs.splitlines()
               if line.count('"') == 4)  # fmt: skip


def openweight_sets(path: Path) -> int:
    document = json.loads(path.read_text(encoding="utf-8"))
    logs = document if isinstance(document, list) else [document]
    return sum(len(e["sets"]) for log in logs for e in log["exercises"])


def jefit_rows(path: Path) -> int:
    logs = path.read_text(encoding="utf-8").split("### EXERCISE LOGS ###")[1]
    return sum(1 for line in logs.splitlines() if line.count('"') == 4)


@dataclass(frozen=True)
class Sample:
    path: Path
    format: HistoryFormat
    count: Callable[[Path], int]  # the sets in the file, counted without the codecs
    unit: WeightUnit | None = None
    rows: Callable[[Path], int] = every_row  # its data rows (sets, for openweight)

    def __str__(self) -> str:
        return self.path.name


SAMPLES = [
    Sample(SHARED_DATA / "strong" / "strong_export_2024.csv", HistoryFormat.STRONG, every_row),
    Sample(SHARED_DATA / "strong" / "strong_export_small.csv", HistoryFormat.STRONG, every_row),
    Sample(SHARED_DATA / "hevy" / "hevy_export_2025.csv", HistoryFormat.HEVY, every_row),
    Sample(OTHER / "fitnotes-android-export-kgs.csv", HistoryFormat.FITNOTES, fitnotes_sets),
    Sample(OTHER / "fitnotes-android-export-lbs.csv", HistoryFormat.FITNOTES, fitnotes_sets),
    Sample(OTHER / "fitnotes-android-export-lbs-edge-cases.csv", HistoryFormat.FITNOTES,
           fitnotes_sets),
    Sample(OTHER / "stronglifts-export-kg.csv", HistoryFormat.STRONGLIFTS, stronglifts_sets),
    Sample(OTHER / "stronglifts-export-lb.csv", HistoryFormat.STRONGLIFTS, stronglifts_sets),
    Sample(OURS / "strong-real.csv", HistoryFormat.STRONG, every_row),
    Sample(OURS / "hevy-real.csv", HistoryFormat.HEVY, every_row),
    Sample(OURS / "jefit-real.csv", HistoryFormat.JEFIT, jefit_sets, WeightUnit.KG, jefit_rows),
    Sample(OURS / "simple-strength.json", HistoryFormat.OPENWEIGHT, openweight_sets,
           rows=openweight_sets),
    Sample(OURS / "carries-and-distance.json", HistoryFormat.OPENWEIGHT, openweight_sets,
           rows=openweight_sets),
]  # fmt: skip


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


def person(uow: SqlUnitOfWork, clock: FixedClock, name: str = "ana") -> int:
    return ensure_local_user(uow=uow, clock=clock, name=name).id


def run(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    user: int,
    source: TextSource,
    chosen: HistoryFormat | None,
    options: ReadOptions = UTC_OPTIONS,
    **extra: object,
) -> HistoryImport:
    return import_history(
        uow=uow, clock=clock, codecs=CODECS, caller=caller_at(clock, user), source=source,
        chosen=chosen, options=options, **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def stored(uow: SqlUnitOfWork, user: int) -> list[Workout]:
    with uow:
        return list(uow.workouts.all(user))


@pytest.mark.parametrize("sample", SAMPLES, ids=str)
def test_every_real_sample_imports_every_set_once_whatever_the_zone(
    uow: SqlUnitOfWork, clock: FixedClock, sample: Sample
) -> None:
    user = person(uow, clock)
    source = FileSource(sample.path)
    options = ReadOptions(tz=ZoneInfo("Europe/London"), weight_unit=sample.unit)
    expected = sample.count(sample.path)
    preview = preview_history_import(
        uow=uow, codecs=CODECS, caller=caller_at(clock, user), source=source, chosen=None,
        options=options,
    )  # fmt: skip
    assert preview.format is sample.format  # told from the header
    assert preview.sets == expected
    assert stored(uow, user) == []  # a preview writes nothing

    first = run(uow, clock, user, source, None, options)
    assert first.sets_added == expected
    assert sum(len(w.sets) for w in stored(uow, user)) == expected
    assert first.counts.rows_read == sample.rows(sample.path)  # every row accounted for

    again = run(uow, clock, user, source, None, options)
    far = ReadOptions(tz=ZoneInfo("America/Los_Angeles"), weight_unit=sample.unit)
    elsewhere = run(uow, clock, user, source, None, far)
    for later in (again, elsewhere):
        assert (later.workouts_added, later.sets_added) == (0, 0)
        assert later.sets_already_there == expected
    assert sum(len(w.sets) for w in stored(uow, user)) == expected

    # The export re-imports to the same data (the app's own format where backtone writes it).
    writable = (HistoryFormat.STRONG, HistoryFormat.HEVY)
    chosen = sample.format if sample.format in writable else HistoryFormat.OPENWEIGHT
    out = io.StringIO()
    export_history(uow=uow, codecs=CODECS, caller=caller_at(clock, user, options.tz),
                   chosen=chosen, out=out, unit=WeightUnit.KG)  # fmt: skip
    other = person(uow, clock, "ben")
    back = run(uow, clock, other, BytesSource("export", out.getvalue().encode()), chosen, options)
    assert back.sets_added == expected
    assert facts(stored(uow, other)) == facts(stored(uow, user))


def facts(workouts: list[Workout]) -> list[tuple[object, ...]]:
    return [
        (w.started_at, w.name, w.ended_at, s.exercise_id, s.source_name, s.set_type, s.reps,
         None if s.load_kg is None else round(s.load_kg, 2), s.duration_seconds, s.distance_m,
         s.rpe, s.notes)
        for w in workouts
        for s in w.sets
    ]  # fmt: skip


def test_the_summary_accounts_for_every_row_of_a_file_with_every_kind_of_row(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    user = person(uow, clock)
    header = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE"
    text = "\n".join([
        header,
        "2024-02-01 07:00:00,A,1h,Squat,1,100,5,0,0,",
        "2024-02-01 07:00:00,A,1h,Squat,Rest Timer,0,0,0,90,",
        "2024-02-01 07:00:00,A,1h,Squat,2,0,0,0,0,",
        "2024-02-01 07:00:00,A,1h,Curl,1,10,4500,0,0,",
        "2024-02-01 07:00:00,A,1h,Squat,x,100,5,0,0,",
        header,
        "2024-02-02 07:00:00,B,1h,Squat,1,100,5,0,0,",
    ]) + "\n"  # fmt: skip
    result = run(uow, clock, user, BytesSource("mixed.csv", text.encode()), HistoryFormat.STRONG)
    assert result.counts.rows == {
        RowOutcome.SETS: 2, RowOutcome.REST: 1, RowOutcome.EMPTY: 1,
        RowOutcome.IMPLAUSIBLE: 1, RowOutcome.UNREADABLE: 1, RowOutcome.HEADER: 1,
    }  # fmt: skip
    assert result.counts.rows_read == len(text.splitlines()) - 1
    assert [p.line for p in result.problems] == [5, 6]
    assert result.sets_added == 2


def test_rows_far_apart_join_their_workout_even_after_it_was_written(
    uow: SqlUnitOfWork, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_import, "_BATCH_SETS", 7)  # write often: rows come back later
    user = person(uow, clock)
    start = datetime(2024, 1, 1, 7, 0, tzinfo=UTC)
    lines = sorted(
        f"{['Squat', 'Row', 'Press'][n // 365]},{start + timedelta(days=n % 365):%Y-%m-%d %H:%M:%S}"
        for n in range(1000)
    )
    text = "Exercise Name,Date,Workout Name,Set Order,Weight,Reps\n" + "".join(
        f"{line.split(',')[0]},{line.split(',')[1]},Day,1,50,5\n" for line in lines
    )
    result = run(uow, clock, user, BytesSource("by-exercise.csv", text.encode()),
                 HistoryFormat.STRONG)  # fmt: skip
    workouts = stored(uow, user)
    assert (result.sets_added, len(workouts)) == (1000, 365)
    assert sum(len(w.sets) for w in workouts) == 1000
    again = run(uow, clock, user, BytesSource("by-exercise.csv", text.encode()),
                HistoryFormat.STRONG)  # fmt: skip
    assert (again.sets_added, again.workouts_already_there) == (0, 365)


def test_a_strict_import_that_meets_a_bad_row_writes_nothing_at_all(
    uow: SqlUnitOfWork, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_import, "_BATCH_SETS", 2)  # some batches written before
    user = person(uow, clock)
    good = "".join(f"2024-02-{d:02d} 07:00:00,A,1h,Mystery Lift,1,50,5\n" for d in range(1, 20))
    text = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n" + good
    text += "2024-03-01 07:00:00,A,1h,Mystery Lift,1,50,-5\n"
    with pytest.raises(InvalidInput, match=r"bad\.csv:21"):
        run(uow, clock, user, BytesSource("bad.csv", text.encode()), HistoryFormat.STRONG,
            strict=True, corrections={"Mystery Lift": "new"})  # fmt: skip
    assert stored(uow, user) == []
    with uow:
        assert uow.exercises.for_user(user) == []
        assert uow.import_memory.name_mappings(user) == {}


def test_workouts_imported_before_keys_came_from_the_file_are_not_added_again(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    user = person(uow, clock)
    started = datetime(2024, 11, 28, 17, 36, 8, tzinfo=UTC)
    old = Workout(started_at=started, sets=(LoggedSet("barbell-row", reps=13),),
                  source="strong", source_key=f"strong:{started.isoformat()}")  # fmt: skip
    restore_workouts(uow=uow, clock=clock, caller=caller_at(clock, user), workouts=[old])
    small = FileSource(SHARED_DATA / "strong" / "strong_export_small.csv")
    result = run(uow, clock, user, small, HistoryFormat.STRONG)
    assert (result.workouts_already_there, result.workouts_added) == (1, 2)


def test_a_corrected_name_is_remembered_and_not_asked_about_again(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    user = person(uow, clock)
    fitnotes = FileSource(OTHER / "fitnotes-android-export-kgs.csv")
    before = preview_history_import(
        uow=uow, codecs=CODECS, caller=caller_at(clock, user), source=fitnotes, chosen=None,
        options=UTC_OPTIONS,
    )  # fmt: skip
    asked = {m.name: m for m in before.to_confirm}
    assert "Hammer Strength Row" in asked
    run(uow, clock, user, fitnotes, None, corrections={"Hammer Strength Row": "seated-cable-row"})
    after = preview_history_import(
        uow=uow, codecs=CODECS, caller=caller_at(clock, user), source=fitnotes, chosen=None,
        options=UTC_OPTIONS,
    )  # fmt: skip
    mapped = {m.name: m for m in after.mapping}
    assert mapped["Hammer Strength Row"].exercise_id == "seated-cable-row"
    assert mapped["Hammer Strength Row"].match is Match.REMEMBERED
    assert after.to_confirm == ()  # every guess was settled once
    assert after.workouts_already_there == after.workouts


def test_a_correction_to_an_unknown_exercise_is_refused_before_anything_is_read(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    user = person(uow, clock)
    with pytest.raises(NotFound, match="no such lift"):
        run(uow, clock, user, FileSource(OURS / "strong-real.csv"), None,
            corrections={"Squat (Barbell)": "no such lift"})  # fmt: skip


def test_a_csv_of_ones_own_keeps_its_column_mapping_for_next_time(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    user = person(uow, clock)
    source = BytesSource("log.csv", b"When,What,Kilos,Times\n2026-04-05,Deadlift,140,5\n")
    proposal = column_mapping_for(
        uow=uow, codecs=CODECS, caller=caller_at(clock, user), source=source
    )
    assert not proposal.saved and proposal.header == ("When", "What", "Kilos", "Times")
    mapping = ColumnMapping({Column.DATE: "When", Column.EXERCISE: "What",
                             Column.WEIGHT: "Kilos", Column.REPS: "Times"})  # fmt: skip
    result = run(uow, clock, user, source, HistoryFormat.CSV,
                 ReadOptions(tz=ZoneInfo("UTC"), columns=mapping))  # fmt: skip
    assert result.sets_added == 1
    again = column_mapping_for(uow=uow, codecs=CODECS, caller=caller_at(clock, user), source=source)
    assert again.saved and again.mapping == mapping


def test_the_wrong_importer_is_told_which_app_the_file_is_from(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    user = person(uow, clock)
    with pytest.raises(WrongFormat, match="Hevy"):
        preview_history_import(
            uow=uow, codecs=CODECS, caller=caller_at(clock, user),
            source=FileSource(OURS / "hevy-real.csv"), chosen=HistoryFormat.STRONG,
            options=UTC_OPTIONS,
        )  # fmt: skip


def test_one_persons_import_is_not_seen_by_another(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    ana, ben = person(uow, clock, "ana"), person(uow, clock, "ben")
    source = FileSource(OURS / "strong-real.csv")
    run(uow, clock, ana, source, None, corrections={"Squat (Barbell)": "new"})
    assert stored(uow, ben) == []
    result = run(uow, clock, ben, source, None)
    assert result.workouts_added == 2  # ana's workouts are not ben's "already there"
    with uow:
        assert uow.import_memory.name_mappings(ben) != {} != uow.import_memory.name_mappings(ana)


def test_progress_is_reported_up_to_the_whole_file(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    user = person(uow, clock)
    seen: list[tuple[str, int, int]] = []
    source = FileSource(SHARED_DATA / "hevy" / "hevy_export_2025.csv")
    run(uow, clock, user, source, None, progress=lambda p: seen.append((p.step, p.done, p.total)))
    assert len(seen) > 3
    assert seen[-1] == ("importing", source.size, source.size)
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)


def test_an_import_keeps_each_sets_name_in_the_file(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    user = person(uow, clock)
    text = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n"
        "2024-02-01 07:00:00,A,1h,Pull Up (Weighted),1,20,5\n"
        "2024-02-01 07:00:00,A,1h,Pull Up,1,0,8\n"
    )
    run(uow, clock, user, BytesSource("pull.csv", text.encode()), None)
    (workout,) = stored(uow, user)
    assert [(s.exercise_id, s.source_name, s.load_kg) for s in workout.sets] == [
        ("pull-up", "Pull Up (Weighted)", 20.0),
        ("pull-up", "Pull Up", None),
    ]


def test_reading_a_bytes_upload_gives_what_reading_the_file_gives() -> None:
    path = OURS / "hevy-real.csv"
    upload = BytesSource(path.name, path.read_bytes())
    from_file = list(CODECS.read(FileSource(path), HistoryFormat.HEVY, UTC_OPTIONS))
    from_bytes = list(CODECS.read(upload, HistoryFormat.HEVY, UTC_OPTIONS))
    assert from_file == from_bytes
