"""Strong's CSV export: every known layout read, the current comma layout written.

Layouts differ in separator (',' or ';'), quoting, column order and where units live: a
per-row `Weight Unit`/`Distance Unit`, units in the header (`Weight (kg)`), or none at all
(then weights are the app's kilograms and distances kilometres). Set Order is a number, or
W/D/F for warm-up, drop and failure sets, or `Rest Timer` for a pause (skipped, counted).
Strong writes 0 for "not given", so zero weights, seconds and distances mean none.
Times carry no zone: they are read in the zone the caller gives and stored in UTC.
"""

from __future__ import annotations

import csv
import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Protocol, TypeVar

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
    parse_duration,
    parse_local_datetime,
)
from backtone.domain.training import SetType, WeightUnit

if TYPE_CHECKING:
    from backtone.domain.training import LoggedSet, Workout

T = TypeVar("T")
Row = tuple[int, list[str]]

# Each field: its header name (as this module writes it) and the names other layouts use.
_FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("Date",),
    "workout": ("Workout Name",),
    "duration": ("Duration", "Workout Duration"),
    "exercise": ("Exercise Name",),
    "set_order": ("Set Order",),
    "weight": ("Weight",),
    "reps": ("Reps",),
    "distance": ("Distance",),
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

WEIGHT_UNITS = {
    "kg": WeightUnit.KG, "kgs": WeightUnit.KG, "kilograms": WeightUnit.KG,
    "lb": WeightUnit.LB, "lbs": WeightUnit.LB, "pounds": WeightUnit.LB,
}  # fmt: skip
METRES_PER = {
    "m": 1.0, "meters": 1.0, "metres": 1.0, "km": 1000.0, "kilometers": 1000.0,
    "kilometres": 1000.0, "mi": 1609.344, "miles": 1609.344,
    "ft": 0.3048, "feet": 0.3048, "yd": 0.9144, "yards": 0.9144,
}  # fmt: skip
_SECONDS_PER = {"sec": 1, "secs": 1, "seconds": 1, "s": 1, "min": 60, "minutes": 60}
_SET_TYPES = {
    "w": SetType.WARMUP, "warmup": SetType.WARMUP, "warm-up": SetType.WARMUP,
    "d": SetType.DROP, "drop": SetType.DROP, "f": SetType.FAILURE, "failure": SetType.FAILURE,
}  # fmt: skip
_LETTER = {SetType.WARMUP: "W", SetType.DROP: "D", SetType.FAILURE: "F"}
_REST = "rest timer"

_HEADER_UNIT = re.compile(r"(.*?)\s*\(([^()]*)\)")


class TextSink(Protocol):
    def write(self, text: str, /) -> object: ...


def open_csv(lines: Iterable[str], expected: str) -> tuple[list[str], str, Iterator[Row]]:
    """The header, the separator and the numbered rows of a CSV text; shared by the codecs.

    The separator is whichever of ',', ';' or tab the header uses most. A BOM, an empty
    file, bytes that are not UTF-8 text and NUL bytes are caught here as FormatError.
    Each row comes with the line it starts on (a quoted field may span several lines).
    """
    text = _text_lines(lines)
    first = next(text, "").lstrip("\ufeff")
    if not first.strip():
        raise FormatError(1, "the file is empty", f"{expected} with its header line")
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(itertools.chain([first], text), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as error:
        raise FormatError(1, f"cannot be read as a CSV header ({error})", expected) from None

    def rows() -> Iterator[Row]:
        previous = reader.line_num
        try:
            for row in reader:
                start, previous = previous + 1, reader.line_num
                if row and (len(row) > 1 or row[0].strip()):
                    yield start, row
        except csv.Error as error:
            raise FormatError(reader.line_num, f"cannot be read as CSV ({error})") from None

    return header, delimiter, rows()


def check_row_width(row: list[str], width: int, separator: str) -> None:
    """A row must have one value per header column."""
    if len(row) != width:
        raise InvalidInput(
            "row",
            f"has {len(row)} fields but the header has {width}",
            f"one value per column; quote text that holds {separator}",
        )


def _text_lines(lines: Iterable[str]) -> Iterator[str]:
    number = 0
    iterator = iter(lines)
    while True:
        try:
            line = next(iterator)
        except StopIteration:
            return
        except UnicodeDecodeError:
            raise FormatError(
                number + 1, "is not UTF-8 text: a binary file, or text in another encoding",
                "a CSV export saved as UTF-8",
            ) from None  # fmt: skip
        number += 1
        if "\x00" in line:
            raise FormatError(number, "holds NUL bytes: a binary file, not a CSV export",
                              "a CSV export saved as UTF-8")  # fmt: skip
        yield line


def format_duration(seconds: float | None) -> str:
    """A workout length the way Strong writes it: '35m', '1h 5m' (whole minutes)."""
    minutes = round(seconds or 0) // 60
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours}h {minutes}m"
    return f"{hours}h" if hours else f"{minutes}m"


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
    if {"exercise_title", "set_index", "weight_kg", "weight_lbs"} & set(names):
        raise FormatError(
            1,
            "this looks like a Hevy export, not a Strong one",
            "a Strong export, or read it as Hevy",
        )
    at: dict[str, int] = {}
    units: dict[str, str] = {}
    for index, name in enumerate(names):
        split = _HEADER_UNIT.fullmatch(name)
        base, unit = (split[1], split[2].strip()) if split else (name, "")
        key = _FIELD_OF.get(base)
        if key is not None and key not in at:
            at[key] = index
            if unit:
                units[key] = unit
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
    if units[key] not in known:
        column = _FIELDS[key][0]
        raise FormatError(1, f"column {column!r} has unknown unit {units[key]!r}", ", ".join(known))
    return known[units[key]]


class StrongCsvReader:
    """Streams the workouts of a Strong export; problems and counts gather on `report`.

    The header is read at once, so a file that is not a Strong export fails here with
    FormatError. Iterating yields one workout at a time; rows that cannot be read are left
    out of their workout and listed in `report.problems` with their line numbers.
    """

    def __init__(
        self,
        lines: Iterable[str],
        *,
        tz: tzinfo = UTC,
        weight_unit: WeightUnit = WeightUnit.KG,
        distance_unit: str = "km",
    ) -> None:
        header, delimiter, self._rows = open_csv(lines, "a Strong CSV export")
        layout = self._layout = _read_layout(header, delimiter)
        # A missing column reads as the empty cell appended after the row's last one.
        self._cells = operator.itemgetter(*(layout.at.get(k, layout.width) for k in _FIELDS))
        self._tz = tz
        self._weight_unit = weight_unit
        if distance_unit not in METRES_PER:
            raise InvalidInput("distance unit", f"unknown unit {distance_unit!r}", list(METRES_PER))
        self._metres_per = METRES_PER[distance_unit]
        self._dates: dict[str, datetime] = {}
        self._durations: dict[str, int | None] = {}
        self._head: tuple[tuple[str, ...], WorkoutHead] | None = None
        self.report = ParseReport()

    def __iter__(self) -> Iterator[ImportedWorkout]:
        return assemble_workouts(self._rows, self._read_row, self.report)

    def _read_row(self, line: int, row: list[str]) -> tuple[WorkoutHead, ImportedSet] | None:
        """The row's workout and set; None for rest rows and empty rows, which are counted."""
        layout = self._layout
        check_row_width(row, layout.width, "the separator")
        row.append("")
        (date, workout, duration, exercise, order, weight, reps, distance, seconds, notes,
         workout_notes, rpe, weight_unit, distance_unit) = self._cells(row)  # fmt: skip
        exercise, order = exercise.strip(), order.strip().lower()
        if order == _REST or exercise.lower() == _REST:
            self.report.rest_rows_skipped += 1
            return None
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
            self.report.empty_rows_skipped += 1
            return None
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
        return self._workout_head(line, (date, workout, duration, workout_notes)), imported

    def _workout_head(self, line: int, texts: tuple[str, ...]) -> WorkoutHead:
        # Every row of a workout repeats these cells: read them once per workout.
        if self._head is not None and self._head[0] == texts:
            return self._head[1]
        date, name, duration, notes = texts
        head = WorkoutHead(
            line=line,
            started_at=self._started_at(date.strip()),
            name=name.strip(),
            duration_seconds=self._duration(duration.strip()),
            notes=notes.strip(),
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
            unit = _row_unit(unit_text, "weight unit", WEIGHT_UNITS, self._weight_unit)
        return unit.to_kg(weight)

    def _distance_m(self, distance: float | None, unit_text: str) -> float | None:
        if not distance:
            return None
        per = self._layout.metres_per_distance
        if per is None:
            per = _row_unit(unit_text, "distance unit", METRES_PER, self._metres_per)
        return round(distance * per, 3)


def _row_unit(text: str, field: str, known: Mapping[str, T], default: T) -> T:
    text = text.strip()
    if not text:
        return default
    unit = known.get(text.lower())
    if unit is None:
        raise InvalidInput(field, f"{text!r} is not a known unit", ", ".join(known))
    return unit


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


def read_strong_csv(
    lines: Iterable[str],
    *,
    tz: tzinfo = UTC,
    weight_unit: WeightUnit = WeightUnit.KG,
    distance_unit: str = "km",
) -> ParseReport:
    """Every workout of a Strong export, with the problems found; holds the whole file.

    `weight_unit` and `distance_unit` apply only to layouts that state no unit at all.
    """
    reader = StrongCsvReader(lines, tz=tz, weight_unit=weight_unit, distance_unit=distance_unit)
    workouts = list(reader)
    reader.report.workouts = workouts
    return reader.report


def write_strong_csv(
    workouts: Iterable[Workout],
    exercise_names: Mapping[str, str],
    out: TextSink,
    tz: tzinfo = UTC,
) -> int:
    """Write workouts in Strong's current comma layout, in zone `tz`; returns rows written.

    Weights are kilograms, distances kilometres, as a kilogram Strong account exports them.
    Warm-up, drop and failure sets get W, D and F as their Set Order, like Strong writes.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STRONG_HEADER)
    rows = 0
    for workout in workouts:
        date = workout.started_at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
        ended = workout.ended_at
        length = (ended - workout.started_at).total_seconds() if ended else None
        duration = format_duration(length)
        numbers: dict[str, int] = {}
        for logged in workout.sets:
            if logged.set_type is SetType.WORKING:
                numbers[logged.exercise_id] = numbers.get(logged.exercise_id, 0) + 1
                order = str(numbers[logged.exercise_id])
            else:
                order = _LETTER[logged.set_type]
            name = exercise_names.get(logged.exercise_id, logged.exercise_id)
            rpe = _plain(logged.rpe or 0)
            head = (date, workout.name, duration, name, order)
            writer.writerow((*head, *_amounts(logged), logged.notes, workout.notes, rpe))
            rows += 1
    return rows


def _amounts(logged: LoggedSet) -> tuple[str, str, str, str]:
    """Weight, Reps, Distance and Seconds as Strong writes them: 0 where not given."""
    distance_km = (logged.distance_m or 0) / 1000
    return (
        repr(float(logged.load_kg or 0)),
        str(logged.reps or 0),
        _plain(distance_km) or "0",
        _plain(logged.duration_seconds or 0) or "0",
    )


def _plain(value: float) -> str:
    """A number without a needless '.0'; '' for zero, which callers turn into 0 or blank."""
    if not value:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
