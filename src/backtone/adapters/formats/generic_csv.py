"""Any other CSV with one row per set, read through the person's column mapping.

The mapping (domain/column_mapping.py) says which column is the date, the exercise, the
weight and so on. Rows sharing a date (and time and workout name, when mapped) are one
workout, known by those texts. Units come from a unit column when mapped, else from the
mapping's units.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from backtone.adapters.formats.csv_rows import (
    METRES_PER,
    WEIGHT_UNITS,
    check_row_width,
    open_csv,
    read_rows,
    unit_of,
)
from backtone.domain.column_mapping import Column, ColumnMapping
from backtone.domain.errors import InvalidInput
from backtone.domain.importing import (
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
from backtone.domain.training import SetType

_SET_TYPES = {
    "": SetType.WORKING, "normal": SetType.WORKING, "working": SetType.WORKING,
    "work": SetType.WORKING, "0": SetType.WORKING, "false": SetType.WORKING,
    "no": SetType.WORKING, "warmup": SetType.WARMUP, "warm-up": SetType.WARMUP,
    "warm up": SetType.WARMUP, "w": SetType.WARMUP, "1": SetType.WARMUP,
    "true": SetType.WARMUP, "yes": SetType.WARMUP, "drop": SetType.DROP,
    "dropset": SetType.DROP, "drop set": SetType.DROP, "d": SetType.DROP,
    "failure": SetType.FAILURE, "f": SetType.FAILURE,
}  # fmt: skip


def csv_header(lines: Iterable[str]) -> list[str]:
    """The header cells of a CSV text, to offer them for the mapping."""
    header, _, _ = open_csv(lines, "a CSV file")
    return [cell.strip() for cell in header]


class GenericCsvReader:
    """Streams the rows of a CSV through a column mapping."""

    def __init__(
        self, lines: Iterable[str], mapping: ColumnMapping, options: ReadOptions | None = None
    ) -> None:
        self._options = options or ReadOptions()
        header, delimiter, self._rows = open_csv(lines, "a CSV file")
        self._header = header
        mapping.check(header)
        self._mapping = mapping
        position = {cell.strip(): index for index, cell in reversed(list(enumerate(header)))}
        self._at = {column: position[name] for column, name in mapping.columns.items()}
        self._width = len(header)
        self._comma = delimiter == ";"
        self._dates: dict[str, datetime] = {}

    def __iter__(self) -> Iterator[RowRead]:
        return read_rows(self._rows, self._header, self._read_row)

    def _read_row(self, line: int, row: list[str]) -> RowRead:
        check_row_width(row, self._width, "the separator")
        at, comma, mapping = self._at, self._comma, self._mapping

        def cell(column: Column) -> str:
            index = at.get(column)
            return row[index].strip() if index is not None else ""

        head = self._head(line, cell(Column.DATE), cell(Column.TIME), cell(Column.WORKOUT))
        weight = parse_decimal(cell(Column.WEIGHT), "weight", decimal_comma=comma)
        reps = parse_count(cell(Column.REPS), "reps", decimal_comma=comma)
        seconds = parse_clock_seconds(cell(Column.SECONDS).replace(",", "."), "seconds")
        distance = parse_decimal(cell(Column.DISTANCE), "distance", decimal_comma=comma)
        if not weight and not reps and not seconds and not distance:
            return RowRead(line, RowOutcome.EMPTY, head)
        unit = unit_of(cell(Column.WEIGHT_UNIT), "weight unit", WEIGHT_UNITS, mapping.weight_unit)
        metres = METRES_PER[mapping.distance_unit]
        metres = unit_of(cell(Column.DISTANCE_UNIT), "distance unit", METRES_PER, metres)
        kind = cell(Column.SET_TYPE).lower()
        if kind not in _SET_TYPES:
            raise InvalidInput(
                "set type", f"{kind!r} is not a set type", "warmup, normal, drop or failure"
            )
        imported = ImportedSet(
            line=line,
            exercise_name=cell(Column.EXERCISE),
            set_type=_SET_TYPES[kind],
            reps=reps if reps or not (seconds or distance) else None,
            load_kg=unit.to_kg(weight) if weight else None,
            duration_seconds=seconds or None,
            distance_m=round(distance * metres, 3) if distance else None,
            rpe=parse_decimal(cell(Column.RPE), "rpe", decimal_comma=comma) or None,
            reps_in_reserve=parse_count(cell(Column.RIR), "rir"),
            notes=cell(Column.NOTES),
        )
        return RowRead(line, RowOutcome.SETS, head, (imported,))

    def _head(self, line: int, date: str, time: str, name: str) -> WorkoutHead:
        text = f"{date} {time}".strip()
        started = self._dates.get(text)
        if started is None:
            order = self._mapping.date_order
            started = self._dates[text] = parse_local_datetime(text, self._options.tz, order=order)
        return WorkoutHead(f"{text}\x1f{name}", line, started, name)


def read_generic_csv(
    lines: Iterable[str], mapping: ColumnMapping, options: ReadOptions | None = None
) -> ParseReport:
    """Every workout of a CSV read through a column mapping, with the problems found."""
    return collect(GenericCsvReader(lines, mapping, options))
