"""Strong's CSV export: every known layout read, the current comma layout written.

Layouts differ in separator (',' or ';'), quoting, column order and where units live: a
per-row `Weight Unit`/`Distance Unit` (spelt `kg`, `lbs`, `km`, `mi.`...), units in the header
(`Weight (kg)`), or none at all (then the person says which: the account's unit). Set Order is
a number, W/D/F for warm-up, drop and failure sets, `Rest Timer` for a pause or `Note` for an
exercise note (neither is a set; both are counted). Strong writes 0 for "not given", so zero
weights, seconds and distances mean none. Times carry no zone: they are read in the zone the
caller gives and stored in UTC; a workout is known by its date text and name, not by the zone.
Durations are kept at any length (`264h 1m` is a workout left running).
"""

from __future__ import annotations

import csv
import operator
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, TypeVar

from backtone.adapters.formats.csv_rows import (
    METRES_PER,
    WEIGHT_UNITS,
    Row,
    TextSink,
    check_row_width,
    default_distance,
    fold_unit,
    open_csv,
    plain_number,
    read_rows,
    unit_of,
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
    parse_duration,
    parse_local_datetime,
)
from backtone.domain.training import SetType, WeightUnit

if TYPE_CHECKING:
    from backtone.domain.training import LoggedSet, Workout

T = TypeVar("T")

# Each field: its header name (as this module writes it) and the names other layouts use.
_FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("Date",),
    "workout": ("Workout Name",),
    "duration": ("Duration", "Workout Duration"),
    "exercise": ("Exercise Name",),
    "set_order": ("Set Order",),
    "weight": ("Weight", "lbs", "kgs", "kg", "lb"),
    "reps": ("Reps",),
    "distance": ("Distance", "mi", "km"),
    "seconds": ("Seconds",),
    "notes": ("Notes",),
    "workout_notes": ("Workout Notes",),
    "rpe": ("RPE",),
    "weight_unit": ("Weight Unit",),
    "distance_unit": ("Distance Unit",),
}
_FIELD_OF = {name.lower(): key for key, names in _FIELDS.items() for name in names}
_REQUIRED = ("date", "exercise", "set_order", "weight", "reps")
STRONG_HEADER = tuple(_FIELDS[key][0] for key in list(_FIELDS)[:12])

_SECONDS_PER = {"sec": 1, "secs": 1, "seconds": 1, "s": 1, "min": 60, "minutes": 60}
_SET_TYPES = {
    "w": SetType.WARMUP, "warmup": SetType.WARMUP, "warm-up": SetType.WARMUP,
    "d": SetType.DROP, "drop": SetType.DROP, "f": SetType.FAILURE, "failure": SetType.FAILURE,
}  # fmt: skip
_LETTER = {SetType.WARMUP: "W", SetType.DROP: "D", SetType.FAILURE: "F"}
_REST = "rest timer"
_NOTE = "note"

_HEADER_UNIT = re.compile(r"(.*?)\s*\(([^()]*)\)")


@dataclass(frozen=True)
class _Layout:
    """Where each field sits in this file's rows, and the units its header states."""

    width: int
    at: dict[str, int]
    weight_unit: WeightUnit | None
    metres_per_distance: float | None
    seconds_per_duration: int | None  # a numeric duration column, e.g. "Duration (sec)"
    decimal_comma: bool


def _read_layout(header: list[str], delimiter: str) -> _Layout:
    names = [cell.strip().lower() for cell in header]
    if {"exercise_title", "set_index"} & set(names):
        raise WrongFormat(HistoryFormat.STRONG, HistoryFormat.HEVY)
    at: dict[str, int] = {}
    units: dict[str, str] = {}
    for index, name in enumerate(names):
        split = _HEADER_UNIT.fullmatch(name)
        base, unit = (split[1], split[2].strip()) if split else (name, "")
        key = _FIELD_OF.get(base) or _FIELD_OF.get(fold_unit(base))
        if key is None or key in at:
            continue
        at[key] = index
        if unit:
            units[key] = unit
        elif base != _FIELDS[key][0].lower() and key in ("weight", "distance"):
            units[key] = base  # the oldest layout: the column is named after its unit
    missing = [_FIELDS[key][0] for key in _REQUIRED if key not in at]
    if missing:
        raise FormatError(
            1,
            "is not the header of a Strong export: no column " + ", ".join(missing),
            "a header such as " + ",".join(STRONG_HEADER),
        )
    return _Layout(
        width=len(names),
        at=at,
        weight_unit=_header_unit(units, "weight", WEIGHT_UNITS),
        metres_per_distance=_header_unit(units, "distance", METRES_PER),
        seconds_per_duration=_header_unit(units, "duration", _SECONDS_PER),
        decimal_comma=delimiter == ";",
    )


def _header_unit(units: dict[str, str], key: str, known: Mapping[str, T]) -> T | None:
    if key not in units:
        return None
    unit = known.get(fold_unit(units[key]))
    if unit is None:
        column = _FIELDS[key][0]
        raise FormatError(1, f"column {column!r} has unknown unit {units[key]!r}", ", ".join(known))
    return unit


class StrongCsvReader:
    """Streams the rows of a Strong export, each with its workout and set or its outcome.

    The header is read at once, so a file that is not a Strong export fails here with
    FormatError (WrongFormat when it is another app's). Rows that cannot be read come out
    as problems with their line numbers; the others are read on.
    """

    def __init__(self, lines: Iterable[str], options: ReadOptions | None = None) -> None:
        options = options or ReadOptions()
        header, delimiter, rows = open_csv(lines, "a Strong CSV export")
        layout = self._layout = _read_layout(header, delimiter)
        self._header = header
        self._rows: Iterator[Row] = rows
        # A missing column reads as the empty cell appended after the row's last one.
        self._cells = operator.itemgetter(*(layout.at.get(k, layout.width) for k in _FIELDS))
        self._tz: tzinfo = options.tz
        self._weight_unit = options.weight_unit or WeightUnit.KG
        self._metres_per = default_distance(options.distance_unit, options.weight_unit)
        self._dates: dict[str, datetime] = {}
        self._durations: dict[str, int | None] = {}
        self._head: tuple[tuple[str, ...], WorkoutHead] | None = None

    def __iter__(self) -> Iterator[RowRead]:
        return read_rows(self._rows, self._header, self._read_row)

    def _read_row(self, line: int, row: list[str]) -> RowRead:
        layout = self._layout
        check_row_width(row, layout.width, "the separator")
        row.append("")
        (date, workout, duration, exercise, order, weight, reps, distance, seconds, notes,
         workout_notes, rpe, weight_unit, distance_unit) = self._cells(row)  # fmt: skip
        exercise, order = exercise.strip(), order.strip().lower()
        if order == _REST or exercise.lower() == _REST:
            return RowRead(line, RowOutcome.REST)
        head = self._workout_head(line, (date, workout, duration, workout_notes))
        if order == _NOTE:
            text = notes.strip()
            return RowRead(line, RowOutcome.NOTE, head, note=f"{exercise}: {text}" if text else "")
        comma = layout.decimal_comma
        load = self._load_kg(parse_decimal(weight, "weight", decimal_comma=comma), weight_unit)
        count = parse_count(reps, "reps", decimal_comma=comma)
        hold = parse_decimal(seconds, "seconds", decimal_comma=comma) or None
        metres = self._distance_m(
            parse_decimal(distance, "distance", decimal_comma=comma), distance_unit
        )
        if count == 0 and (hold or metres):
            count = None  # a timed hold or a distance: Strong writes 0 reps
        if not count and not load and not hold and not metres:
            return RowRead(line, RowOutcome.EMPTY, head)
        imported = ImportedSet(
            line=line,
            exercise_name=exercise,
            set_type=_SET_TYPES.get(order) or _working_set(order),
            reps=count,
            load_kg=load,
            duration_seconds=hold,
            distance_m=metres,
            rpe=parse_decimal(rpe, "rpe", decimal_comma=comma) or None,
            notes=notes.strip(),
        )
        return RowRead(line, RowOutcome.SETS, head, (imported,))

    def _workout_head(self, line: int, texts: tuple[str, ...]) -> WorkoutHead:
        # Every row of a workout repeats these cells: read them once per workout.
        if self._head is not None and self._head[0] == texts:
            return self._head[1]
        date, name, duration, notes = (text.strip() for text in texts)
        head = WorkoutHead(
            key=f"{date}\x1f{name}",
            line=line,
            started_at=self._started_at(date),
            name=name,
            duration_seconds=self._duration(duration),
            notes=notes,
        )
        self._head = (texts, head)
        return head

    def _started_at(self, text: str) -> datetime:
        found = self._dates.get(text)
        if found is None:
            found = self._dates[text] = parse_local_datetime(text, self._tz)
        return found

    def _duration(self, text: str) -> int | None:
        if text not in self._durations:
            per = self._layout.seconds_per_duration
            if per is None:
                seconds = parse_duration(text)
            else:
                value = parse_decimal(text, "duration", decimal_comma=self._layout.decimal_comma)
                seconds = check_workout_seconds(value * per, "duration") if value else None
            self._durations[text] = seconds or None
        return self._durations[text]

    def _load_kg(self, weight: float | None, unit_text: str) -> float | None:
        if not weight:
            return None  # Strong writes 0 for a set without added weight
        unit = self._layout.weight_unit
        if unit is None:
            unit = unit_of(unit_text, "weight unit", WEIGHT_UNITS, self._weight_unit)
        return unit.to_kg(weight)

    def _distance_m(self, distance: float | None, unit_text: str) -> float | None:
        if not distance:
            return None
        per = self._layout.metres_per_distance
        if per is None:
            per = unit_of(unit_text, "distance unit", METRES_PER, self._metres_per)
        return round(distance * per, 3)


def _working_set(order: str) -> SetType:
    try:
        number = float(order)
    except ValueError:
        number = -1.0
    if number < 0 or not number.is_integer():
        raise InvalidInput(
            "set order", f"{order!r} is not a set number", "1, 2, 3..., W, D, F or Rest Timer"
        )
    return SetType.WORKING


def read_strong_csv(lines: Iterable[str], options: ReadOptions | None = None) -> ParseReport:
    """Every workout of a Strong export, with the problems found; holds the whole file."""
    return collect(StrongCsvReader(lines, options))


def format_duration(seconds: float | None) -> str:
    """A workout length the way Strong writes it: '35m', '1h 5m' (whole minutes)."""
    minutes = round(seconds or 0) // 60
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours}h {minutes}m"
    return f"{hours}h" if hours else f"{minutes}m"


def write_strong_csv(
    workouts: Iterable[Workout],
    exercise_names: Mapping[str, str],
    out: TextSink,
    tz: tzinfo,
    unit: WeightUnit = WeightUnit.KG,
) -> int:
    """Write workouts in Strong's current comma layout, in zone `tz`; returns rows written.

    Weights are in `unit` and distances in kilometres (miles for pounds), as a Strong account
    in that unit exports them; each set keeps the name it was imported with, else backtone's.
    Warm-up, drop and failure sets get W, D and F as their Set Order, like Strong writes.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STRONG_HEADER)
    per_distance = METRES_PER["mi"] if unit is WeightUnit.LB else METRES_PER["km"]
    rows = 0
    for workout in workouts:
        date = workout.started_at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
        ended = workout.ended_at
        length = (ended - workout.started_at).total_seconds() if ended else None
        duration = format_duration(length)
        numbers: dict[str, int] = {}
        for logged in workout.sets:
            name = logged.source_name or exercise_names.get(logged.exercise_id, logged.exercise_id)
            if logged.set_type is SetType.WORKING:
                numbers[name] = numbers.get(name, 0) + 1
                order = str(numbers[name])
            else:
                order = _LETTER[logged.set_type]
            amounts = _amounts(logged, unit, per_distance)
            head = (date, workout.name, duration, name, order)
            rpe = plain_number(logged.rpe or 0)
            writer.writerow((*head, *amounts, logged.notes, workout.notes, rpe))
            rows += 1
    return rows


def _amounts(logged: LoggedSet, unit: WeightUnit, per_distance: float) -> tuple[str, ...]:
    """Weight, Reps, Distance and Seconds as Strong writes them: 0 where not given."""
    return (
        plain_number(unit.from_kg(logged.load_kg or 0)) or "0",
        str(logged.reps or 0),
        plain_number((logged.distance_m or 0) / per_distance, 6) or "0",
        plain_number(logged.duration_seconds or 0, 3) or "0",
    )
