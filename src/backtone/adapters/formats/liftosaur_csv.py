"""Liftosaur's history CSV: one row per set, the program's target beside what was done.

`Workout DateTime` is an instant in UTC (ISO 8601 with `Z`), so it is the workout's identity
and needs no zone. What is imported is what was completed (`Completed Reps`, `Completed Weight
Value`/`Unit`, `Completed RPE`); a set without completed reps was not done and is counted, not
logged. `Is Warmup Set?` marks warm-ups.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from backtone.adapters.formats.csv_rows import (
    WEIGHT_UNITS,
    check_row_width,
    open_csv,
    read_rows,
    unit_of,
)
from backtone.domain.errors import InvalidInput
from backtone.domain.importing import (
    FormatError,
    ImportedSet,
    ParseReport,
    ReadOptions,
    RowOutcome,
    RowRead,
    WorkoutHead,
    collect,
    parse_count,
    parse_decimal,
)
from backtone.domain.training import SetType, WeightUnit

_REQUIRED = ("workout datetime", "exercise", "completed reps", "completed weight value")
_YES = {"1", "true", "yes", "y"}


def parse_instant(text: str, field: str) -> datetime:
    """An ISO 8601 instant ('2026-03-01T10:00:00.000Z'); one without a zone is UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            field, f"{text!r} is not a date and time", "ISO 8601, e.g. 2026-03-01T10:00:00Z"
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class LiftosaurCsvReader:
    """Streams the rows of a Liftosaur history export."""

    def __init__(self, lines: Iterable[str], options: ReadOptions | None = None) -> None:
        options = options or ReadOptions()
        header, _, self._rows = open_csv(lines, "a Liftosaur history CSV")
        self._header = header
        self._at: dict[str, int] = {}
        for index, name in enumerate(header):
            self._at.setdefault(name.strip().lower(), index)
        missing = [name for name in _REQUIRED if name not in self._at]
        if missing:
            raise FormatError(
                1,
                "is not the header of a Liftosaur export: no column " + ", ".join(missing),
                "a header starting Workout DateTime,Program,Day Name,Exercise,...",
            )
        self._width = len(header)
        self._unit = options.weight_unit or WeightUnit.KG
        self._heads: dict[str, WorkoutHead] = {}

    def __iter__(self) -> Iterator[RowRead]:
        return read_rows(self._rows, self._header, self._read_row)

    def _read_row(self, line: int, row: list[str]) -> RowRead:
        check_row_width(row, self._width, "a comma")

        def cell(name: str) -> str:
            index = self._at.get(name)
            return row[index].strip() if index is not None else ""

        when = cell("workout datetime")
        head = self._heads.get(when)
        if head is None:
            day, program = cell("day name"), cell("program")
            name = f"{program}: {day}" if program and day else day or program
            started = parse_instant(when, "Workout DateTime")
            head = self._heads[when] = WorkoutHead(when, line, started, name)
        reps = parse_count(cell("completed reps"), "Completed Reps")
        if reps is None:
            return RowRead(line, RowOutcome.NOT_DONE, head, not_done=1)
        weight = parse_decimal(cell("completed weight value"), "Completed Weight Value")
        unit = unit_of(cell("completed weight unit"), "Completed Weight Unit", WEIGHT_UNITS,
                       self._unit)  # fmt: skip
        warmup = cell("is warmup set?").lower() in _YES
        imported = ImportedSet(
            line=line,
            exercise_name=cell("exercise"),
            set_type=SetType.WARMUP if warmup else SetType.WORKING,
            reps=reps,
            load_kg=unit.to_kg(weight) if weight else None,
            rpe=parse_decimal(cell("completed rpe"), "Completed RPE") or None,
            notes=cell("notes"),
        )
        return RowRead(line, RowOutcome.SETS, head, (imported,))


def read_liftosaur_csv(lines: Iterable[str], options: ReadOptions | None = None) -> ParseReport:
    """Every workout of a Liftosaur export, with the problems found."""
    return collect(LiftosaurCsvReader(lines, options))
