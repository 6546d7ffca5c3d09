"""What a history file from another app holds before its exercise names meet the catalogue.

The codecs in adapters/formats turn Strong or Hevy exports into these objects. A bad row
becomes a ParseProblem carrying the file's real line number instead of an exception, so the
import service can look at every problem before it writes anything (and stop, or skip the bad
rows when asked). A file that is not an export at all raises FormatError.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

from backtone.domain.errors import InvalidInput
from backtone.domain.training import LoggedSet, SetType, Workout, check_set_values

MAX_WORKOUT_SECONDS = 24 * 3600

# Hour, minute, second and am/pm are groups 4-7 in both shapes of date.
_AM_PM = r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?: ?([ap])\.? ?m\.?)?"
_NUMERIC_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t| |t )" + _AM_PM)
_NAMED_DATE = re.compile(r"(\d{1,2}) ([a-z]{3})[a-z]*\.?,? (\d{4}),? " + _AM_PM)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DURATION = re.compile(r"(?:(\d+) ?h)? ?(?:(\d+) ?m(?:in)?)? ?(?:(\d+) ?s)?")
_CLOCK = re.compile(r"(\d+):(\d{2})(?::(\d{2}))?")


class FormatError(InvalidInput):
    """The file as a whole cannot be read: empty, binary, from another app, columns missing."""

    def __init__(self, line: int, problem: str, allowed: str = "") -> None:
        self.line = line
        super().__init__(f"line {line}", problem, allowed)


@dataclass(frozen=True)
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

    def __post_init__(self) -> None:
        if not self.exercise_name.strip():
            raise InvalidInput("exercise name", "is empty", "the name of an exercise")
        check_set_values(self)  # the same limits as a set logged by hand

    def to_logged_set(self, exercise_id: str) -> LoggedSet:
        """This set as the training log stores it, once its name is mapped to an id."""
        return LoggedSet(
            exercise_id=exercise_id,
            set_type=self.set_type,
            reps=self.reps,
            load_kg=self.load_kg,
            duration_seconds=self.duration_seconds,
            distance_m=self.distance_m,
            rpe=self.rpe,
            notes=self.notes,
        )


@dataclass(frozen=True)
class ImportedWorkout:
    """One workout of a file; `line` is the line of its first row, `started_at` is UTC."""

    line: int
    started_at: datetime
    sets: tuple[ImportedSet, ...]
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

    @property
    def exercise_names(self) -> list[str]:
        """The exercise names in the order they first appear."""
        return list(dict.fromkeys(s.exercise_name for s in self.sets))

    def to_workout(self, exercise_ids: Mapping[str, str]) -> Workout:
        """The workout as the log stores it, given the id each exercise name maps to."""
        return Workout(
            started_at=self.started_at,
            sets=tuple(s.to_logged_set(exercise_ids[s.exercise_name]) for s in self.sets),
            name=self.name,
            ended_at=self.ended_at,
            notes=self.notes,
        )


@dataclass(frozen=True)
class ParseProblem:
    """A row that could not be read: where it is, which field, and what is wrong or allowed."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.field}: {self.message}"

    def located(self, source: str) -> str:
        """The problem as 'FILE:LINE: field: message', the way compilers point at a line."""
        return f"{source}:{self.line}: {self.field}: {self.message}"

    @classmethod
    def from_error(cls, line: int, error: InvalidInput) -> ParseProblem:
        message = error.problem + (f" (allowed: {error.allowed})" if error.allowed else "")
        return cls(line, error.field, message)


@dataclass
class ParseReport:
    """Everything a parse found. Streaming readers fill it as they go, except `workouts`."""

    workouts: list[ImportedWorkout] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
    rows_read: int = 0
    rest_rows_skipped: int = 0  # Strong's "Rest Timer" rows: a pause, not a set
    empty_rows_skipped: int = 0  # rows with every value zero: an exercise with nothing logged

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def set_count(self) -> int:
        return sum(len(w.sets) for w in self.workouts)

    def sets_per_exercise(self) -> Counter[str]:
        """How many sets each exercise name has: the rows of the name-mapping table."""
        return Counter(s.exercise_name for w in self.workouts for s in w.sets)


@dataclass(frozen=True)
class WorkoutHead:
    """What every row of one workout repeats: its start, name, duration and notes."""

    line: int
    started_at: datetime
    name: str
    duration_seconds: int | None
    notes: str


class WorkoutAssembler:
    """Gathers consecutive rows of one workout and hands it over when the next one begins.

    Exports list a workout's rows together, so holding one workout at a time is enough to
    stream a file of any length. Rows of one workout split by another's become two workouts.
    """

    def __init__(self) -> None:
        self._head: WorkoutHead | None = None
        self._notes = ""
        self._duration: int | None = None
        self._sets: list[ImportedSet] = []

    def add(self, head: WorkoutHead, imported: ImportedSet | None) -> ImportedWorkout | None:
        """Add a row (None for a row that holds no set); return the workout this one closed."""
        done: ImportedWorkout | None = None
        current = self._head
        if current is None or (current.started_at, current.name) != (head.started_at, head.name):
            done = self.finish()
            self._head = head
        # Some apps repeat the notes and duration on only some rows: keep the first given.
        self._notes = self._notes or head.notes
        if self._duration is None:
            self._duration = head.duration_seconds
        if imported is not None:
            self._sets.append(imported)
        return done

    def finish(self) -> ImportedWorkout | None:
        """The workout still being gathered, if it has any set; resets the assembler."""
        head, sets = self._head, self._sets
        notes, duration = self._notes, self._duration
        self._head, self._sets, self._notes, self._duration = None, [], "", None
        if head is None or not sets:
            return None
        return ImportedWorkout(
            line=head.line,
            started_at=head.started_at,
            sets=tuple(sets),
            name=head.name,
            duration_seconds=duration,
            notes=notes,
        )


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
    """A workout length in whole seconds, rejecting negative or more than a day."""
    if not 0 <= seconds <= MAX_WORKOUT_SECONDS:
        raise InvalidInput(field, f"{seconds:g} s is not a possible workout length", "0 s to 24 h")
    return round(seconds)


def parse_local_datetime(text: str, tz: tzinfo, field: str = "date") -> datetime:
    """A wall-clock time as an export writes it, read in zone `tz`, returned in UTC.

    Takes '2024-11-28 17:36:08' and '15 Sep 2025, 07:48', on a 24-hour clock or with am/pm
    (some phones put a narrow no-break space, U+202F, before the am/pm).
    """
    clean = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").lower().split())
    allowed = "YYYY-MM-DD HH:MM:SS or '15 Sep 2025, 07:48', optionally with am/pm"
    problem = InvalidInput(field, f"{text!r} is not a date and time", allowed)
    if (match := _NUMERIC_DATE.fullmatch(clean)) is not None:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif (match := _NAMED_DATE.fullmatch(clean)) is not None:
        year, month, day = int(match[3]), _MONTHS.get(match[2], 0), int(match[1])
    else:
        raise problem
    hour, minute, second = int(match[4]), int(match[5]), int(match[6] or 0)
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
    """A workout length such as '35m', '1h 5m', '45s' or '1:05:00' in seconds; '' is None."""
    clean = " ".join(text.lower().split())
    if not clean:
        return None
    if (clock := _CLOCK.fullmatch(clean)) is not None:
        first, second, third = clock.groups()
        total = int(first) * 3600 + int(second) * 60 + int(third or 0)  # H:MM or H:MM:SS
    elif clean[0].isdigit() and (parts := _DURATION.fullmatch(clean)) is not None:
        hours, minutes, seconds = (int(g or 0) for g in parts.groups())
        total = hours * 3600 + minutes * 60 + seconds
    else:
        raise InvalidInput(field, f"{text!r} is not a duration", "e.g. 35m, 1h 5m or 1:05:00")
    return check_workout_seconds(total, field)


def assemble_workouts(
    rows: Iterable[tuple[int, list[str]]],
    read_row: Callable[[int, list[str]], tuple[WorkoutHead, ImportedSet] | None],
    report: ParseReport,
) -> Iterator[ImportedWorkout]:
    """Workouts from numbered CSV rows, one at a time; a row that cannot be read becomes a
    problem on `report` with its line, and the rest go on (read_row returns None for rows
    that hold no set, which it counts itself)."""
    assembler = WorkoutAssembler()
    for line, row in rows:
        report.rows_read += 1
        try:
            read = read_row(line, row)
        except InvalidInput as error:
            report.problems.append(ParseProblem.from_error(line, error))
            continue
        if read is not None and (done := assembler.add(*read)) is not None:
            yield done
    if (last := assembler.finish()) is not None:
        yield last
