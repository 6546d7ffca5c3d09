"""FitNotes' CSV export (Android): one row per set, one workout per day.

Current header: `Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,
Comment` with units per row (`kgs`, `lbs`, `m`, `km`...); older exports name the unit in the
header instead (`Weight (kgs)` or `Weight (lbs)`) and may lack `Comment`. Dates have no time,
so each day is one workout, known by its date. `Time` is a set's length as H:MM:SS.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime

from backtone.adapters.formats.csv_rows import (
    METRES_PER,
    WEIGHT_UNITS,
    check_row_width,
    default_distance,
    fold_unit,
    open_csv,
    read_rows,
    unit_of,
)
from backtone.domain.importing import (
    FormatError,
    ImportedSet,
    ParseReport,
    ReadOptions,
    RowOutcome,
    RowRead,
    WorkoutHead,
    collect,
    parse_clock_seconds,
    parse_count,
    parse_decimal,
    parse_local_datetime,
)
from backtone.domain.training import WeightUnit

FITNOTES_HEADER = (
    "Date", "Exercise", "Category", "Weight", "Weight Unit", "Reps", "Distance",
    "Distance Unit", "Time", "Comment",
)  # fmt: skip
_UNIT_IN_HEADER = re.compile(r"weight \((kgs?|lbs?)\)")


class FitNotesCsvReader:
    """Streams the rows of a FitNotes export; each day is a workout."""

    def __init__(self, lines: Iterable[str], options: ReadOptions | None = None) -> None:
        options = options or ReadOptions()
        header, _, self._rows = open_csv(lines, "a FitNotes CSV export")
        self._header = header
        names = [cell.strip().lower() for cell in header]
        self._at: dict[str, int] = {}
        self._header_unit: WeightUnit | None = None
        for index, name in enumerate(names):
            unit = _UNIT_IN_HEADER.fullmatch(name)
            if unit is not None:
                self._header_unit = WEIGHT_UNITS[unit[1]]
                name = "weight"
            self._at.setdefault(name, index)
        missing = [n for n in ("date", "exercise", "weight", "reps") if n not in self._at]
        if missing:
            raise FormatError(
                1,
                "is not the header of a FitNotes export: no column " + ", ".join(missing),
                "a header such as " + ",".join(FITNOTES_HEADER),
            )
        self._width = len(names)
        self._options = options
        self._weight_unit = options.weight_unit or WeightUnit.KG
        self._metres_per = default_distance(options.distance_unit, options.weight_unit)
        self._days: dict[str, datetime] = {}

    def __iter__(self) -> Iterator[RowRead]:
        return read_rows(self._rows, self._header, self._read_row)

    def _read_row(self, line: int, row: list[str]) -> RowRead:
        check_row_width(row, self._width, "a comma")

        def cell(name: str) -> str:
            index = self._at.get(name)
            return row[index].strip() if index is not None else ""

        date = cell("date")
        head = WorkoutHead(key=date, line=line, started_at=self._day(date))
        weight = parse_decimal(cell("weight"), "weight")
        reps = parse_count(cell("reps"), "reps")
        distance = parse_decimal(cell("distance"), "distance")
        seconds = parse_clock_seconds(cell("time"), "time")
        if not weight and not reps and not distance and not seconds:
            return RowRead(line, RowOutcome.EMPTY, head)
        unit = self._header_unit or unit_of(
            cell("weight unit"), "weight unit", WEIGHT_UNITS, self._weight_unit
        )
        metres_per = unit_of(
            fold_unit(cell("distance unit")), "distance unit", METRES_PER, self._metres_per
        )
        imported = ImportedSet(
            line=line,
            exercise_name=cell("exercise"),
            reps=reps if reps or not (distance or seconds) else None,
            load_kg=unit.to_kg(weight) if weight else None,
            duration_seconds=seconds or None,
            distance_m=round(distance * metres_per, 3) if distance else None,
            notes=cell("comment"),
        )
        return RowRead(line, RowOutcome.SETS, head, (imported,))

    def _day(self, text: str) -> datetime:
        found = self._days.get(text)
        if found is None:
            found = self._days[text] = parse_local_datetime(text, self._options.tz)
        return found


def read_fitnotes_csv(lines: Iterable[str], options: ReadOptions | None = None) -> ParseReport:
    """Every workout (day) of a FitNotes export, with the problems found."""
    return collect(FitNotesCsvReader(lines, options))
