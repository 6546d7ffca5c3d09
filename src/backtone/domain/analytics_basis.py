"""What every progress metric needs: local ISO weeks, the period looked at, and set lookups.

Workouts are stored in UTC; a person's week runs Monday to Sunday where they live, so every
metric turns a start time into a local date with the time zone it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import InvalidInput
from backtone.domain.training import EARLIEST_DAY, Workout
from backtone.domain.vocabulary import (
    PULL_PATTERNS,
    PUSH_PATTERNS,
    REGION_OF,
    Kind,
    LoadKind,
    Region,
)

# Sets of exercises no longer in the catalogue (a deleted custom exercise) are counted here.
UNKNOWN = "unknown"
WEEK = timedelta(days=7)
LATEST_YEAR = 2999  # far enough ahead; datetime arithmetic near year 9999 overflows


def week_start(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.weekday())


def iso_label(monday: date) -> str:
    """'2026-W05' for the ISO week starting on `monday`."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def local_day(workout: Workout, tz: tzinfo) -> date:
    """The date the workout started on, where the person lives."""
    return workout.started_at.astimezone(tz).date()


@dataclass(frozen=True)
class Period:
    """Local dates from `first` to `last`, both included; metrics use the ISO weeks it touches."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput(
                "period", f"ends ({self.last}) before it starts ({self.first})", "first <= last"
            )

    @property
    def weeks(self) -> tuple[date, ...]:
        """Mondays of every ISO week the period touches, oldest first."""
        monday, end = week_start(self.first), week_start(self.last)
        count = (end - monday).days // 7 + 1
        return tuple(monday + WEEK * i for i in range(count))

    def days(self) -> Iterator[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)

    @classmethod
    def last_weeks(cls, today: date, weeks: int) -> Period:
        """The `weeks` ISO weeks ending with the one holding `today` (cut at today)."""
        if weeks < 1:
            raise InvalidInput("weeks", f"{weeks} is too few", "1 or more")
        return cls(week_start(today) - WEEK * (weeks - 1), today)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """The calendar month, e.g. Period.month(2026, 11)."""
        if not 1 <= month <= 12:
            raise InvalidInput("month", f"{month} is not a month", "1-12")
        if not EARLIEST_DAY.year <= year <= LATEST_YEAR:
            raise InvalidInput(
                "year", f"{year} is out of range", f"{EARLIEST_DAY.year}-{LATEST_YEAR}"
            )
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return cls(first, following - timedelta(days=1))


def history_period(workouts: Iterable[Workout], tz: tzinfo) -> Period | None:
    """From the first to the last workout's local date; None for an empty history."""
    days = [local_day(w, tz) for w in workouts if w.sets]
    return Period(min(days), max(days)) if days else None


@dataclass(frozen=True)
class SetFacts:
    """What the metrics need to know about an exercise, looked up once per id."""

    name: str
    known: bool
    strength: bool  # stretches, mobility and cardio are not hard sets for a region
    regions: tuple[str, ...]  # distinct regions of the primary muscles, or (UNKNOWN,)
    side: str | None  # "push", "pull" or None
    load: LoadKind | None


class ExerciseFacts:
    """Looks exercises up in the catalogue, remembering the answer; never raises for an id."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self._cache: dict[str, SetFacts] = {}
        self.missing: set[str] = set()

    def __call__(self, exercise_id: str) -> SetFacts:
        facts = self._cache.get(exercise_id)
        if facts is None:
            facts = self._cache[exercise_id] = self._look_up(exercise_id)
        return facts

    def _look_up(self, exercise_id: str) -> SetFacts:
        if exercise_id not in self._catalogue:
            self.missing.add(exercise_id)
            return SetFacts(exercise_id, False, True, (UNKNOWN,), None, None)
        exercise = self._catalogue.get(exercise_id)
        regions: list[str] = []
        for muscle in exercise.primary:
            region = REGION_OF[muscle].value
            if region not in regions:
                regions.append(region)
        side = (
            "push"
            if exercise.pattern in PUSH_PATTERNS
            else "pull"
            if exercise.pattern in PULL_PATTERNS
            else None
        )
        return SetFacts(
            name=exercise.name,
            known=True,
            strength=exercise.kind is Kind.STRENGTH,
            regions=tuple(regions),
            side=side,
            load=exercise.load,
        )


def unknown_note(missing: Iterable[str]) -> str:
    """Say which exercises were counted under 'unknown', or nothing when none were."""
    ids = sorted(missing)
    if not ids:
        return ""
    several = len(ids) > 1
    return (
        f"{len(ids)} exercise{'s' if several else ''} no longer in the catalogue "
        f"({', '.join(ids)}): {'their' if several else 'its'} sets are counted under '{UNKNOWN}'"
    )


def region_order(keys: Iterable[str]) -> tuple[str, ...]:
    """Regions in vocabulary order (back first), then 'unknown' last."""
    present = set(keys)
    ordered: list[str] = [r.value for r in Region if r.value in present]
    return tuple(ordered + ([UNKNOWN] if UNKNOWN in present else []))
