"""StrongLifts' CSV export: one row per exercise, its sets in `Set N (Reps)`/`Set N (KG)` pairs.

The header names the unit (`Set 1 (KG)` or `Set 1 (LB)`); dates are `yyyy/mm/dd` with 12-hour
start and end times; `Workout` numbers the workouts. A set of 0 reps is one the app lists but
the person did not do (a missed set, `-` in `Sets×Reps`): it is counted, not logged. Empty
pairs are sets the program did not have.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from backtone.adapters.formats.csv_rows import WEIGHT_UNITS, check_row_width, open_csv, read_rows
from backtone.domain.importing import (
    FormatError,
    ImportedSet,
    ParseReport,
    ReadOptions,
    RowOutcome,
    RowRead,
    WorkoutHead,
    check_workout_seconds,
    collect,
    parse_count,
    parse_decimal,
    parse_local_datetime,
)
from backtone.domain.training import WeightUnit

_SET_COLUMN = re.compile(r"set (\d+) \((reps|kg|lb|lbs)\)")
_DATE = re.compile(r"date( \(.*\))?")


@dataclass(frozen=True)
class _Layout:
    width: int
    at: dict[str, int]
    sets: tuple[tuple[int, int], ...]  # (reps column, weight column) per set number
    unit: WeightUnit


def _read_layout(header: list[str]) -> _Layout:
    names = [cell.strip().lower() for cell in header]
    at: dict[str, int] = {}
    reps: dict[int, int] = {}
    weights: dict[int, int] = {}
    unit = WeightUnit.KG
    for index, name in enumerate(names):
        if (found := _SET_COLUMN.fullmatch(name)) is not None:
            number, kind = int(found[1]), found[2]
            if kind == "reps":
                reps[number] = index
            else:
                weights[number] = index
                unit = WEIGHT_UNITS[kind]
        elif _DATE.fullmatch(name):
            at.setdefault("date", index)
        else:
            at.setdefault(name.split(" (")[0], index)
    pairs = tuple((reps[n], weights[n]) for n in sorted(reps) if n in weights)
    if "date" not in at or "exercise" not in at or not pairs:
        raise FormatError(
            1,
            "is not the header of a StrongLifts export: it needs Date, Exercise and "
            "Set 1 (Reps), Set 1 (KG) columns",
            "a StrongLifts CSV export",
        )
    return _Layout(len(names), at, pairs, unit)


class StrongLiftsCsvReader:
    """Streams the rows of a StrongLifts export: each row is one exercise's sets."""

    def __init__(self, lines: Iterable[str], options: ReadOptions | None = None) -> None:
        self._options = options or ReadOptions()
        header, _, self._rows = open_csv(lines, "a StrongLifts CSV export")
        self._header = header
        self._layout = _read_layout(header)

    def __iter__(self) -> Iterator[RowRead]:
        return read_rows(self._rows, self._header, self._read_row)

    def _read_row(self, line: int, row: list[str]) -> RowRead:
        layout = self._layout
        check_row_width(row, layout.width, "a comma")

        def cell(name: str) -> str:
            index = layout.at.get(name)
            return row[index].strip() if index is not None else ""

        head = self._head(line, cell)
        exercise = cell("exercise")
        sets: list[ImportedSet] = []
        not_done = 0
        for reps_at, weight_at in layout.sets:
            reps = parse_count(row[reps_at], "reps")
            if reps is None:
                continue  # no such set in this workout
            if reps == 0:
                not_done += 1
                continue
            weight = parse_decimal(row[weight_at], "weight")
            sets.append(
                ImportedSet(
                    line=line,
                    exercise_name=exercise,
                    reps=reps,
                    load_kg=layout.unit.to_kg(weight) if weight else None,
                    notes=cell("notes"),
                )
            )
        if sets:
            return RowRead(line, RowOutcome.SETS, head, tuple(sets), not_done=not_done)
        if not_done:
            return RowRead(line, RowOutcome.NOT_DONE, head, not_done=not_done)
        return RowRead(line, RowOutcome.EMPTY, head)

    def _head(self, line: int, cell: Callable[[str], str]) -> WorkoutHead:
        date, number, name = cell("date"), cell("workout"), cell("workout name")
        start = cell("start time")
        started = parse_local_datetime(f"{date} {start}".strip(), self._options.tz)
        hours = parse_decimal(cell("duration"), "duration")
        duration = check_workout_seconds(hours * 3600, "duration") if hours else None
        return WorkoutHead(f"{date}\x1f{number}\x1f{name}", line, started, name, duration)


def read_stronglifts_csv(lines: Iterable[str], options: ReadOptions | None = None) -> ParseReport:
    """Every workout of a StrongLifts export, with the problems found."""
    return collect(StrongLiftsCsvReader(lines, options))
