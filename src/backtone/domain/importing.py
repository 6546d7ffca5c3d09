"""What a history file from another app holds before its exercise names meet the catalogue.

The codecs in adapters/formats turn each app's export into a stream of `RowRead`s: one per
data row of the file, each with its outcome (sets, a rest-timer row, an empty row, a row that
could not be read...), so that every row is accounted for. A row that cannot be read carries a
ParseProblem with the file's real line number instead of raising, so an import goes on and
lists what it skipped. A file that is not an export at all raises FormatError.

Rows name their workout by a `WorkoutHead` whose `key` is made of the file's own data (its
date text, workout name or number), never of the time zone the times are read in: importing
the same file twice, with any zone, finds the same workouts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from backtone.domain.column_mapping import ColumnMapping
from backtone.domain.errors import InvalidInput
from backtone.domain.training import (
    LoggedSet,
    SetType,
    WeightUnit,
    Workout,
    check_set_values,
)

# Hour, minute, second and am/pm are groups 4-7 in both shapes of date.
_AM_PM = r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?: ?([ap])\.? ?m\.?)?"
_NUMERIC_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:t| |t )" + _AM_PM + ")?")
_DAY_FIRST_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:(?:t| |, ?)" + _AM_PM + ")?")
_NAMED_DATE = re.compile(r"(\d{1,2}) ([a-z]{3})[a-z]*\.?,? (\d{4})(?:,? " + _AM_PM + ")?")
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DURATION = re.compile(
    r"(?:(\d+) ?h(?:ours?|rs?)?)? ?"
    r"(?:(\d+) ?m(?:in|ins|inutes?)?)? ?"
    r"(?:(\d+) ?s(?:ec|ecs|econds?)?)?"
)
_CLOCK = re.compile(r"(\d+):(\d{2})(?::(\d{2}))?")

# A workout longer than this was left running in the app: kept as written, but said.
LONG_WORKOUT_SECONDS = 24 * 3600


class HistoryFormat(StrEnum):
    """The apps whose exports backtone reads (and, for some, writes)."""

    STRONG = "strong"
    HEVY = "hevy"
    FITNOTES = "fitnotes"
    STRONGLIFTS = "stronglifts"
    LIFTOSAUR = "liftosaur"
    LIFTLOG = "liftlog"
    JEFIT = "jefit"
    CSV = "csv"  # any other CSV, read through a column mapping the person gives
    OPENWEIGHT = "openweight"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    HistoryFormat.STRONG: "Strong",
    HistoryFormat.HEVY: "Hevy",
    HistoryFormat.FITNOTES: "FitNotes",
    HistoryFormat.STRONGLIFTS: "StrongLifts",
    HistoryFormat.LIFTOSAUR: "Liftosaur",
    HistoryFormat.LIFTLOG: "LiftLog",
    HistoryFormat.JEFIT: "JEFIT",
    HistoryFormat.CSV: "your own CSV",
    HistoryFormat.OPENWEIGHT: "openweight JSON",
}


class FormatError(InvalidInput):
    """The file as a whole cannot be read: empty, binary, from another app, columns missing."""

    def __init__(self, line: int, problem: str, allowed: str = "") -> None:
        self.line = line
        super().__init__(f"line {line}", problem, allowed)


def _a(label: str) -> str:
    return f"an {label}" if label[0].lower() in "aeiou" else f"a {label}"


class WrongFormat(FormatError):
    """The file is an export of another app than the one chosen; `detected` names it."""

    def __init__(self, chosen: HistoryFormat, detected: HistoryFormat) -> None:
        self.chosen = chosen
        self.detected = detected
        super().__init__(
            1,
            f"this looks like {_a(detected.label)} export, not {_a(chosen.label)} one",
            f"import it as {detected.value} (backtone import {detected.value} FILE)",
        )


class UnitNeeded(InvalidInput):
    """The file does not say its weight unit: the person must (kg or lb)."""

    def __init__(self, app: str) -> None:
        super().__init__(
            "--unit", f"{app} files do not say whether weights are kg or lb", "kg or lb"
        )


class ImplausibleValue(InvalidInput):
    """A value no real set has (a 4,500-rep set, a 2,000 kg squat): that row is flagged."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What a file does not say and the person does: its time zone and units."""

    tz: tzinfo = UTC
    weight_unit: WeightUnit | None = None  # for files that state no unit at all
    distance_unit: str | None = None  # likewise; None: km, or miles with pounds
    columns: ColumnMapping | None = None  # for a CSV of the person's own (HistoryFormat.CSV)


@dataclass(frozen=True, slots=True)
class ImportedSet:
    """One set read from a file: values already in kilograms, seconds and metres."""

    line: int
    exercise_name: str
    set_type: SetType = SetType.WORKING
    reps: int | None = None
    load_kg: float | None = None
    duration_seconds: float | None = None
    distance_m: float | None = None
    rpe: float | None = None
    notes: str = ""
    reps_in_reserve: int | None = None
    rest_seconds: float | None = None

    def __post_init__(self) -> None:
        if not self.exercise_name.strip():
            raise InvalidInput("exercise name", "is empty", "the name of an exercise")
        try:
            check_set_values(self)  # the same limits as a set logged by hand
        except InvalidInput as error:
            if error.field == "set":  # nothing to count: incomplete, not implausible
                raise
            raise ImplausibleValue(error.field, error.problem, error.allowed) from None
        if self.reps_in_reserve is not None and not 0 <= self.reps_in_reserve <= 10:
            raise ImplausibleValue("rir", f"{self.reps_in_reserve} is out of range", "0-10")

    def to_logged_set(self, exercise_id: str) -> LoggedSet:
        """This set as the training log stores it, keeping the name it had in the file."""
        return LoggedSet(
            exercise_id=exercise_id,
            set_type=self.set_type,
            reps=self.reps,
            load_kg=self.load_kg,
            duration_seconds=self.duration_seconds,
            distance_m=self.distance_m,
            rpe=self.rpe,
            reps_in_reserve=self.reps_in_reserve,
            rest_seconds=self.rest_seconds,
            notes=self.notes,
            source_name=self.exercise_name,
        )


@dataclass(frozen=True, slots=True)
class WorkoutHead:
    """What names a row's workout. `key` is the file's own identity for it (never the zone)."""

    key: str
    line: int
    started_at: datetime
    name: str = ""
    duration_seconds: int | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            raise InvalidInput("started_at", "has no time zone", "an aware datetime in UTC")

    @property
    def ended_at(self) -> datetime | None:
        if self.duration_seconds is None:
            return None
        return self.started_at + timedelta(seconds=self.duration_seconds)


class RowOutcome(StrEnum):
    """What became of one data row of a file; every row has exactly one."""

    SETS = "sets"
    REST = "rest-timer rows (a pause, not a set)"
    NOTE = "note rows (their text kept with the workout)"
    EMPTY = "empty rows (nothing logged)"
    NOT_DONE = "sets not done"
    HEADER = "repeated header lines"
    UNREADABLE = "unreadable rows"
    IMPLAUSIBLE = "rows with an implausible value"

    @property
    def skipped(self) -> bool:
        """A row that held a set the person did but that could not be imported."""
        return self in (RowOutcome.UNREADABLE, RowOutcome.IMPLAUSIBLE)


@dataclass(frozen=True, slots=True)
class ParseProblem:
    """A row that could not be read: where it is, which field, and what is wrong or allowed."""

    line: int
    field: str
    message: str
    implausible: bool = False

    def __str__(self) -> str:
        return f"line {self.line}: {self.field}: {self.message}"

    def located(self, source: str) -> str:
        """The problem as 'FILE:LINE: field: message', the way compilers point at a line."""
        return f"{source}:{self.line}: {self.field}: {self.message}"

    @classmethod
    def from_error(cls, line: int, error: InvalidInput) -> ParseProblem:
        message = error.problem + (f" (allowed: {error.allowed})" if error.allowed else "")
        return cls(line, error.field, message, isinstance(error, ImplausibleValue))


@dataclass(frozen=True, slots=True)
class RowRead:
    """One data row of a file and what it gave: sets of a workout, or why it gave none."""

    line: int
    outcome: RowOutcome
    workout: WorkoutHead | None = None
    sets: tuple[ImportedSet, ...] = ()
    problem: ParseProblem | None = None
    not_done: int = 0  # sets the row lists as not done (StrongLifts' missed sets)
    note: str = ""  # a note row's text, kept with its workout

    @classmethod
    def failed(cls, line: int, error: InvalidInput) -> RowRead:
        problem = ParseProblem.from_error(line, error)
        outcome = RowOutcome.IMPLAUSIBLE if problem.implausible else RowOutcome.UNREADABLE
        return cls(line, outcome, problem=problem)


@dataclass
class RowCounts:
    """Every row of a file, by outcome, and the sets they held: the import's accounting."""

    rows: Counter[RowOutcome] = field(default_factory=Counter)
    sets: int = 0
    not_done: int = 0

    @property
    def rows_read(self) -> int:
        return sum(self.rows.values())

    def add(self, row: RowRead) -> None:
        self.rows[row.outcome] += 1
        self.sets += len(row.sets)
        self.not_done += row.not_done


@dataclass(frozen=True)
class ImportedWorkout:
    """One workout of a file, its rows gathered wherever they sat; `started_at` is UTC."""

    head: WorkoutHead
    sets: tuple[ImportedSet, ...]
    notes: str = ""

    @property
    def line(self) -> int:
        return self.head.line

    @property
    def started_at(self) -> datetime:
        return self.head.started_at

    @property
    def name(self) -> str:
        return self.head.name

    @property
    def duration_seconds(self) -> int | None:
        return self.head.duration_seconds

    def to_workout(self, exercise_ids: Mapping[str, str], source: str = "log") -> Workout:
        """The workout as the log stores it, given the id each exercise name maps to."""
        return Workout(
            started_at=self.head.started_at,
            sets=tuple(s.to_logged_set(exercise_ids[s.exercise_name]) for s in self.sets),
            name=self.head.name,
            ended_at=self.head.ended_at,
            notes=self.notes,
            source=source,
        )


@dataclass
class ParseReport:
    """A whole file read into memory: its workouts, problems and counts (small files, tests)."""

    workouts: list[ImportedWorkout] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
    counts: RowCounts = field(default_factory=RowCounts)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def rows_read(self) -> int:
        return self.counts.rows_read

    @property
    def set_count(self) -> int:
        return sum(len(w.sets) for w in self.workouts)

    def sets_per_exercise(self) -> Counter[str]:
        """How many sets each exercise name has: the rows of the name-mapping table."""
        return Counter(s.exercise_name for w in self.workouts for s in w.sets)


def collect(rows: Iterable[RowRead]) -> ParseReport:
    """Gather rows into workouts by their key, wherever in the file each row sits."""
    report = ParseReport()
    heads: dict[str, WorkoutHead] = {}
    sets: dict[str, list[ImportedSet]] = {}
    notes: dict[str, list[str]] = {}
    for row in rows:
        report.counts.add(row)
        if row.problem is not None:
            report.problems.append(row.problem)
        head = row.workout
        if head is None:
            continue
        known = heads.setdefault(head.key, head)
        if head.started_at < known.started_at:  # rows listed newest first (LiftLog)
            heads[head.key] = replace(known, started_at=head.started_at)
        if row.sets:
            sets.setdefault(head.key, []).extend(row.sets)
        text = row.note or head.notes
        if text and text not in notes.setdefault(head.key, []):
            notes[head.key].append(text)
    for key, gathered in sets.items():
        report.workouts.append(
            ImportedWorkout(heads[key], tuple(gathered), "\n".join(notes.get(key, ())))
        )
    report.workouts.sort(key=lambda w: w.line)
    return report


def parse_decimal(text: str, field: str, *, decimal_comma: bool = False) -> float | None:
    """A number as an export writes it; empty means not given. Raises InvalidInput."""
    try:
        value = float(text)  # the common case first: this runs for every cell of every row
    except ValueError:
        clean = text.strip()
        if not clean:
            return None
        try:
            value = float(clean.replace(",", ".") if decimal_comma else clean)
        except ValueError:
            raise InvalidInput(
                field, f"{clean!r} is not a number", "a number such as 12.5"
            ) from None
    if not math.isfinite(value):
        raise InvalidInput(field, f"{text.strip()!r} is not a number", "a finite number")
    return value


def parse_count(text: str, field: str, *, decimal_comma: bool = False) -> int | None:
    """A whole number such as reps; exports often write it as '12.0'. Raises InvalidInput."""
    value = parse_decimal(text, field, decimal_comma=decimal_comma)
    if value is None:
        return None
    if not value.is_integer():
        raise InvalidInput(field, f"{text.strip()!r} is not a whole number", "0, 1, 2, ...")
    return int(value)


def check_workout_seconds(seconds: float, field: str) -> int:
    """A workout length in whole seconds; any length is kept (apps leave workouts running)."""
    if seconds < 0:
        raise InvalidInput(field, f"{seconds:g} s is not a possible workout length", "0 s or more")
    return round(seconds)


def parse_local_datetime(
    text: str, tz: tzinfo, field: str = "date", *, order: str = "ymd"
) -> datetime:
    """A wall-clock time as an export writes it, read in zone `tz`, returned in UTC.

    Takes '2024-11-28 17:36:08', '2024/11/28' and '15 Sep 2025, 07:48', on a 24-hour clock or
    with am/pm (some phones put a narrow no-break space, U+202F, before the am/pm). A date
    without a time is that day's midnight. With `order` 'dmy' or 'mdy', '28/11/2024' and
    '11/28/2024' are read that way.
    """
    clean = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").lower().split())
    allowed = "YYYY-MM-DD HH:MM:SS or '15 Sep 2025, 07:48', optionally with am/pm"
    problem = InvalidInput(field, f"{text!r} is not a date and time", allowed)
    if order != "ymd" and (match := _DAY_FIRST_DATE.fullmatch(clean)) is not None:
        first, second = int(match[1]), int(match[2])
        day, month = (first, second) if order == "dmy" else (second, first)
        year = int(match[3])
    elif (match := _NUMERIC_DATE.fullmatch(clean)) is not None:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif (match := _NAMED_DATE.fullmatch(clean)) is not None:
        year, month, day = int(match[3]), _MONTHS.get(match[2], 0), int(match[1])
    else:
        raise problem
    hour, minute, second = int(match[4] or 0), int(match[5] or 0), int(match[6] or 0)
    if match[7] is not None:  # 12-hour clock: 12 am is midnight, 12 pm is noon
        if not 1 <= hour <= 12:
            raise problem
        hour = hour % 12 + (12 if match[7] == "p" else 0)
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        raise problem from None
    return local.astimezone(UTC)


def parse_duration(text: str, field: str = "duration") -> int | None:
    """A length such as '35m', '38min', '1h 5m', '264h 1m', '45s' or '1:05:00' in seconds."""
    clean = " ".join(text.lower().split())
    if not clean:
        return None
    if clean.isdecimal():  # a bare number of seconds ("²" is a digit int() cannot read)
        return check_workout_seconds(int(clean), field)
    if (clock := _CLOCK.fullmatch(clean)) is not None:
        first, second, third = clock.groups()
        if third is None:  # H:MM
            total = int(first) * 3600 + int(second) * 60
        else:
            total = int(first) * 3600 + int(second) * 60 + int(third)
    elif clean[0].isdigit() and (parts := _DURATION.fullmatch(clean)) is not None:
        hours, minutes, seconds = (int(g or 0) for g in parts.groups())
        total = hours * 3600 + minutes * 60 + seconds
    else:
        raise InvalidInput(field, f"{text!r} is not a duration", "e.g. 35m, 1h 5m or 1:05:00")
    return check_workout_seconds(total, field)


def parse_clock_seconds(text: str, field: str = "time") -> float | None:
    """A set's time as 'H:MM:SS', 'M:SS' or plain seconds ('90'); '' is None."""
    clean = text.strip()
    if not clean:
        return None
    if ":" not in clean:
        return parse_decimal(clean, field)
    parts = clean.split(":")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        raise InvalidInput(field, f"{text!r} is not a time", "H:MM:SS, M:SS or seconds") from None
    if len(numbers) > 3 or any(n < 0 for n in numbers):
        raise InvalidInput(field, f"{text!r} is not a time", "H:MM:SS, M:SS or seconds")
    seconds = 0.0
    for number in numbers:
        seconds = seconds * 60 + number
    return seconds
