"""Hevy's CSV export: one row per set, the unit named in the column (weight_kg or weight_lbs).

Times look like '15 Sep 2025, 07:48' and carry no zone; they are read in the zone the caller
gives and stored in UTC. `set_type` is warmup, normal, failure or dropset. Hevy leaves a
cell empty when a value is not given; a 0 duration or weight also means none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from backtone.adapters.formats.strong_csv import check_row_width, open_csv
from backtone.domain.errors import InvalidInput
from backtone.domain.importing import (
    FormatError,
    ImportedSet,
    ImportedWorkout,
    ParseReport,
    WorkoutHead,
    assemble_workouts,
    check_workout_seconds,
    parse_count,
    parse_decimal,
    parse_local_datetime,
)
from backtone.domain.training import SetType, WeightUnit

HEVY_HEADER = (
    "title", "start_time", "end_time", "description", "exercise_title", "superset_id",
    "exercise_notes", "set_index", "set_type", "weight_kg", "reps", "distance_km",
    "duration_seconds", "rpe",
)  # fmt: skip
_REQUIRED = ("title", "start_time", "exercise_title", "set_type", "reps")
_WEIGHTS = {"weight_kg": WeightUnit.KG, "weight_lbs": WeightUnit.LB}
_DISTANCES = {"distance_km": 1000.0, "distance_miles": 1609.344, "distance_meters": 1.0}
SET_TYPES = {
    "normal": SetType.WORKING,
    "warmup": SetType.WARMUP,
    "failure": SetType.FAILURE,
    "dropset": SetType.DROP,
}


@dataclass(frozen=True)
class _Layout:
    width: int
    at: dict[str, int]
    weight_unit: WeightUnit
    metres_per_distance: float


def _read_layout(header: list[str]) -> _Layout:
    names = [cell.strip().lower() for cell in header]
    if {"exercise name", "set order"} <= set(names):
        raise FormatError(
            1, "this looks like a Strong export, not a Hevy one", "a Hevy export; read it as Strong"
        )
    at = {name: index for index, name in reversed(list(enumerate(names)))}
    missing = [name for name in _REQUIRED if name not in at]
    weights = [name for name in _WEIGHTS if name in at]
    if not weights:
        missing.append("weight_kg or weight_lbs")
    if missing:
        raise FormatError(
            1,
            "is not the header of a Hevy export: no column " + ", ".join(missing),
            "a header such as " + ",".join(HEVY_HEADER),
        )
    distances = [name for name in _DISTANCES if name in at]
    at["weight"] = at[weights[0]]
    if distances:
        at["distance"] = at[distances[0]]
    return _Layout(
        width=len(names),
        at=at,
        weight_unit=_WEIGHTS[weights[0]],
        metres_per_distance=_DISTANCES[distances[0]] if distances else 1000.0,
    )


class HevyCsvReader:
    """Streams the workouts of a Hevy export; problems and counts gather on `report`.

    The header is read at once, so a file that is not a Hevy export fails here with
    FormatError. Rows that cannot be read are left out and listed in `report.problems`.
    """

    def __init__(self, lines: Iterable[str], *, tz: tzinfo = UTC) -> None:
        header, _, self._rows = open_csv(lines, "a Hevy CSV export")
        self._layout = _read_layout(header)
        self._tz = tz
        self._times: dict[str, datetime] = {}
        self._head: tuple[tuple[str, ...], WorkoutHead] | None = None
        self.report = ParseReport()

    def __iter__(self) -> Iterator[ImportedWorkout]:
        return assemble_workouts(self._rows, self._read_row, self.report)

    def _read_row(self, line: int, row: list[str]) -> tuple[WorkoutHead, ImportedSet] | None:
        """The row's workout and set; None for a row with no value at all (counted)."""
        layout = self._layout
        check_row_width(row, layout.width, "a comma")
        at = layout.at

        def cell(name: str) -> str:
            index = at.get(name)
            return row[index].strip() if index is not None else ""

        weight = parse_decimal(cell("weight"), "weight")
        distance = parse_decimal(cell("distance"), "distance")
        reps = parse_count(cell("reps"), "reps")
        seconds = parse_decimal(cell("duration_seconds"), "duration_seconds") or None
        if reps is None and not weight and not seconds and not distance:
            self.report.empty_rows_skipped += 1
            return None
        kind = cell("set_type").lower()
        if kind not in SET_TYPES:
            raise InvalidInput("set_type", f"{kind!r} is not a Hevy set type", ", ".join(SET_TYPES))
        imported = ImportedSet(
            line=line,
            exercise_name=cell("exercise_title"),
            set_type=SET_TYPES[kind],
            reps=reps,
            load_kg=layout.weight_unit.to_kg(weight) if weight else None,
            duration_seconds=seconds,
            distance_m=round(distance * layout.metres_per_distance, 3) if distance else None,
            rpe=parse_decimal(cell("rpe"), "rpe") or None,
            notes=cell("exercise_notes"),
        )
        texts = (cell("start_time"), cell("end_time"), cell("title"), cell("description"))
        return self._workout_head(line, texts), imported

    def _workout_head(self, line: int, texts: tuple[str, str, str, str]) -> WorkoutHead:
        # Every row of a workout repeats these cells: read them once per workout.
        if self._head is not None and self._head[0] == texts:
            return self._head[1]
        start_text, end_text, title, description = texts
        started = self._time(start_text, "start_time")
        duration = None
        if end_text:
            length = (self._time(end_text, "end_time") - started).total_seconds()
            if length < 0:
                raise InvalidInput("end_time", f"{end_text!r} is before start_time", "a later time")
            duration = check_workout_seconds(length, "end_time") or None
        head = WorkoutHead(line, started, title, duration, description)
        self._head = (texts, head)
        return head

    def _time(self, text: str, field: str) -> datetime:
        # Every row of a workout repeats its times: parse each distinct text once.
        found = self._times.get(text)
        if found is None:
            found = self._times[text] = parse_local_datetime(text, self._tz, field)
        return found


def read_hevy_csv(lines: Iterable[str], *, tz: tzinfo = UTC) -> ParseReport:
    """Every workout of a Hevy export, with the problems found; holds the whole file."""
    reader = HevyCsvReader(lines, tz=tz)
    workouts = list(reader)
    reader.report.workouts = workouts
    return reader.report
