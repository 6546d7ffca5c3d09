"""Hevy's CSV export: one row per set, the unit named in the column (weight_kg or weight_lbs).

Times look like '15 Sep 2025, 07:48' and carry no zone; they are read in the zone the caller
gives and stored in UTC. Hevy's times have minute precision, so two workouts can start in the
same minute: a workout is known by its start, end and title together, as the file writes
them. `set_type` is warmup, normal, failure or dropset. Hevy leaves a cell empty when a value
is not given; a 0 duration or weight also means none.
"""

from __future__ import annotations

import csv
import operator
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from backtone.adapters.formats.csv_rows import (
    METRES_PER,
    Row,
    TextSink,
    check_row_width,
    open_csv,
    plain_number,
    read_rows,
)
from backtone.domain.errors import InvalidInput
from backtone.domain.importing import (
    FormatError,
    HistoryFormat,
    ImportedSet,
    ParseReport,
    ReadOptions,
    RowOutcome,
    RowRead,
    WorkoutHead,
    WrongFormat,
    check_workout_seconds,
    collect,
    parse_count,
    parse_decimal,
    parse_local_datetime,
)
from backtone.domain.training import SetType, WeightUnit

if TYPE_CHECKING:
    from backtone.domain.training import Workout

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
_TYPE_NAMES = {kind: name for name, kind in SET_TYPES.items()}
_CELLS = ("start_time", "end_time", "title", "description", "exercise_title", "exercise_notes",
          "set_type", "weight", "reps", "distance", "duration_seconds", "rpe")  # fmt: skip
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class _Layout:
    width: int
    at: dict[str, int]
    weight_unit: WeightUnit
    metres_per_distance: float


def _read_layout(header: list[str]) -> _Layout:
    names = [cell.strip().lower() for cell in header]
    if {"exercise name", "set order"} <= set(names):
        raise WrongFormat(HistoryFormat.HEVY, HistoryFormat.STRONG)
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
    """Streams the rows of a Hevy export, each with its workout and set or its outcome."""

    def __init__(self, lines: Iterable[str], options: ReadOptions | None = None) -> None:
        options = options or ReadOptions()
        header, _, rows = open_csv(lines, "a Hevy CSV export")
        self._rows: Iterator[Row] = rows
        self._header = header
        layout = self._layout = _read_layout(header)
        # A missing column reads as the empty cell appended after the row's last one.
        self._cells = operator.itemgetter(*(layout.at.get(name, layout.width) for name in _CELLS))
        self._tz: tzinfo = options.tz
        self._times: dict[str, datetime] = {}
        self._head: tuple[tuple[str, ...], WorkoutHead] | None = None

    def __iter__(self) -> Iterator[RowRead]:
        return read_rows(self._rows, self._header, self._read_row)

    def _read_row(self, line: int, row: list[str]) -> RowRead:
        layout = self._layout
        check_row_width(row, layout.width, "a comma")
        row.append("")
        (start, end, title, description, exercise, notes, kind, weight_text, reps_text,
         distance_text, seconds_text, rpe_text) = self._cells(row)  # fmt: skip
        head = self._workout_head(line, (start.strip(), end.strip(), title.strip(),
                                         description.strip()))  # fmt: skip
        weight = parse_decimal(weight_text, "weight")
        distance = parse_decimal(distance_text, "distance")
        reps = parse_count(reps_text, "reps")
        seconds = parse_decimal(seconds_text, "duration_seconds") or None
        if not reps and not weight and not seconds and not distance:
            return RowRead(line, RowOutcome.EMPTY, head)
        kind = kind.strip().lower()
        if kind not in SET_TYPES:
            raise InvalidInput("set_type", f"{kind!r} is not a Hevy set type", ", ".join(SET_TYPES))
        imported = ImportedSet(
            line=line,
            exercise_name=exercise.strip(),
            set_type=SET_TYPES[kind],
            reps=reps,
            load_kg=layout.weight_unit.to_kg(weight) if weight else None,
            duration_seconds=seconds,
            distance_m=round(distance * layout.metres_per_distance, 3) if distance else None,
            rpe=parse_decimal(rpe_text, "rpe") or None,
            notes=notes.strip(),
        )
        return RowRead(line, RowOutcome.SETS, head, (imported,))

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
        key = f"{start_text}\x1f{end_text}\x1f{title}"
        head = WorkoutHead(key, line, started, title, duration, description)
        self._head = (texts, head)
        return head

    def _time(self, text: str, field: str) -> datetime:
        # Every row of a workout repeats its times: parse each distinct text once.
        found = self._times.get(text)
        if found is None:
            found = self._times[text] = parse_local_datetime(text, self._tz, field)
        return found


def read_hevy_csv(lines: Iterable[str], options: ReadOptions | None = None) -> ParseReport:
    """Every workout of a Hevy export, with the problems found; holds the whole file."""
    return collect(HevyCsvReader(lines, options))


def _hevy_time(moment: datetime, tz: tzinfo) -> str:
    local = moment.astimezone(tz)
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year}, {local:%H:%M}"


def write_hevy_csv(
    workouts: Iterable[Workout],
    exercise_names: Mapping[str, str],
    out: TextSink,
    tz: tzinfo,
    unit: WeightUnit = WeightUnit.KG,
) -> int:
    """Write workouts as Hevy exports them, in `unit` (kg and km, or lbs and miles)."""
    header = list(HEVY_HEADER)
    per_distance = METRES_PER["km"]
    if unit is WeightUnit.LB:
        header[9], header[11], per_distance = "weight_lbs", "distance_miles", METRES_PER["mi"]
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    rows = 0
    for workout in workouts:
        start = _hevy_time(workout.started_at, tz)
        end = _hevy_time(workout.ended_at, tz) if workout.ended_at else ""
        index, previous = 0, ""
        for logged in workout.sets:
            name = logged.source_name or exercise_names.get(logged.exercise_id, logged.exercise_id)
            index = index + 1 if name == previous else 0
            previous = name
            writer.writerow(
                (
                    workout.name, start, end, workout.notes, name, "", logged.notes, index,
                    _TYPE_NAMES[logged.set_type],
                    plain_number(unit.from_kg(logged.load_kg)) if logged.load_kg else "",
                    "" if logged.reps is None else logged.reps,
                    plain_number((logged.distance_m or 0) / per_distance, 6),
                    plain_number(logged.duration_seconds or 0, 3),
                    plain_number(logged.rpe or 0),
                )
            )  # fmt: skip
            rows += 1
    return rows
