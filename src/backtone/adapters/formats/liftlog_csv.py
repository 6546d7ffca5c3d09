"""LiftLog's plaintext CSV export: `SessionId,Timestamp,Exercise,Weight,WeightUnit,Reps,
TargetReps,Notes`, one row per completed set.

`SessionId` names the workout, so it is the workout's identity; `Timestamp` is the set's local
time without a zone, read in the zone the caller gives. The workout starts at its first set.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from backtone.adapters.formats.csv_rows import (
    WEIGHT_UNITS,
    check_row_width,
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
    parse_count,
    parse_decimal,
    parse_local_datetime,
)
from backtone.domain.training import WeightUnit

LIFTLOG_HEADER = (
    "SessionId", "Timestamp", "Exercise", "Weight", "WeightUnit", "Reps", "TargetReps", "Notes",
)  # fmt: skip


class LiftLogCsvReader:
    """Streams the rows of a LiftLog export."""

    def __init__(self, lines: Iterable[str], options: ReadOptions | None = None) -> None:
        self._options = options or ReadOptions()
        header, _, self._rows = open_csv(lines, "a LiftLog CSV export")
        self._header = header
        self._at = {name.strip().lower(): n for n, name in reversed(list(enumerate(header)))}
        missing = [n for n in ("sessionid", "timestamp", "exercise", "reps") if n not in self._at]
        if missing:
            raise FormatError(
                1,
                "is not the header of a LiftLog export: no column " + ", ".join(missing),
                "a header such as " + ",".join(LIFTLOG_HEADER),
            )
        self._width = len(header)
        self._unit = self._options.weight_unit or WeightUnit.KG

    def __iter__(self) -> Iterator[RowRead]:
        return read_rows(self._rows, self._header, self._read_row)

    def _read_row(self, line: int, row: list[str]) -> RowRead:
        check_row_width(row, self._width, "a comma")

        def cell(name: str) -> str:
            index = self._at.get(name)
            return row[index].strip() if index is not None else ""

        session = cell("sessionid")
        started = parse_local_datetime(cell("timestamp"), self._options.tz, "Timestamp")
        head = WorkoutHead(session, line, started)
        reps = parse_count(cell("reps"), "Reps")
        weight = parse_decimal(cell("weight"), "Weight")
        if not reps and not weight:
            return RowRead(line, RowOutcome.EMPTY, head)
        unit = unit_of(cell("weightunit"), "WeightUnit", WEIGHT_UNITS, self._unit)
        imported = ImportedSet(
            line=line,
            exercise_name=cell("exercise"),
            reps=reps if reps is not None else 0,
            load_kg=unit.to_kg(weight) if weight else None,
            notes=cell("notes"),
        )
        return RowRead(line, RowOutcome.SETS, head, (imported,))


def read_liftlog_csv(lines: Iterable[str], options: ReadOptions | None = None) -> ParseReport:
    """Every workout of a LiftLog export, with the problems found."""
    return collect(LiftLogCsvReader(lines, options))
