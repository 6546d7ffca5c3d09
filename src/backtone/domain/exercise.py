"""An exercise or stretch as the coach knows it, with its default prescription."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from backtone.domain.errors import InvalidInput
from backtone.domain.vocabulary import (
    Equipment,
    Kind,
    Level,
    Limitation,
    LoadKind,
    Muscle,
    Pattern,
)


class Source(StrEnum):
    """Where a figure or an entry comes from."""

    SEED_000 = "seed-000"  # "How To Tone Your Back Muscles": six gym exercises
    SEED_003 = "seed-003"  # "How to tone your back": stretches, push-ups, pull-ups, routine
    DEFAULT = "default"  # backtone's own sensible default
    FREE_EXERCISE_DB = "free-exercise-db"
    CUSTOM = "custom"


SEED_SOURCES = frozenset({Source.SEED_000, Source.SEED_003})


@dataclass(frozen=True)
class Span:
    """An inclusive range such as 12-15 reps or 30-60 seconds; low == high for one value."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if self.low < 0 or self.high < self.low:
            raise InvalidInput(
                "range",
                f"{self.low}-{self.high} is not a valid range",
                "two whole numbers, low <= high, not negative",
            )

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


@dataclass(frozen=True)
class Prescription:
    """How much of an exercise to do: sets of reps (or of a timed hold) and the rest between.

    `source` says whether the numbers are quoted from a seed article or are a default;
    `note` explains anything a reader would otherwise wonder about.
    """

    sets: int
    rest_seconds: Span
    reps: Span | None = None
    seconds: Span | None = None
    per_side: bool = False
    source: Source = Source.DEFAULT
    note: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.sets <= 10:
            raise InvalidInput("sets", f"{self.sets} is out of range", "1-10")
        if (self.reps is None) == (self.seconds is None):
            raise InvalidInput("prescription", "give either reps or seconds", "reps or seconds")

    @property
    def is_timed(self) -> bool:
        return self.seconds is not None

    def describe(self) -> str:
        """A short human form, e.g. '3 x 12-15, rest 30 s' or '1 x 30-60 s each side'."""
        amount = f"{self.reps}" if self.reps is not None else f"{self.seconds} s"
        side = " each side" if self.per_side else ""
        rest = f", rest {self.rest_seconds} s" if self.rest_seconds.high else ""
        return f"{self.sets} x {amount}{side}{rest}"


@dataclass(frozen=True)
class Exercise:
    """One entry of the catalogue. `equipment` lists everything needed at once; `supports`
    lists things to lean on, any one of which will do (a bench or a chair).

    `avoid` pairs each limitation the exercise is unsuitable for with the reason, so the
    planner, swaps and notes all say the same thing (the policy is in docs/coaching.md).
    """

    id: str
    name: str
    kind: Kind
    pattern: Pattern
    level: Level
    primary: tuple[Muscle, ...]
    prescription: Prescription
    secondary: tuple[Muscle, ...] = ()
    equipment: frozenset[Equipment] = frozenset()
    load: LoadKind = LoadKind.BODYWEIGHT
    aliases: tuple[str, ...] = ()
    summary: str = ""
    setup: str = ""
    steps: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    mistakes: tuple[str, ...] = ()
    safety: tuple[str, ...] = ()
    easier: tuple[str, ...] = ()
    harder: tuple[str, ...] = ()
    avoid: tuple[tuple[Limitation, str], ...] = ()
    supports: frozenset[Equipment] = frozenset()
    seconds_per_rep: float = 3.0
    featured_in: tuple[Source, ...] = ()
    origin: Source = Source.DEFAULT

    @property
    def muscles(self) -> tuple[Muscle, ...]:
        return self.primary + self.secondary

    @property
    def avoid_with(self) -> frozenset[Limitation]:
        return frozenset(limitation for limitation, _ in self.avoid)

    def why_not_with(self, limitation: Limitation) -> str:
        """Why this exercise is unsuitable with `limitation`, or empty when it is fine."""
        return next((why for lim, why in self.avoid if lim is limitation), "")

    @property
    def needs(self) -> frozenset[Equipment]:
        """Equipment actually required (\"none\" needs nothing)."""
        return self.equipment - {Equipment.NONE}

    def kit(self) -> list[str]:
        """What it takes, each piece in words: ['dumbbells', 'bench or chair']."""
        words = sorted(e.label for e in self.needs)
        if self.supports:
            words.append(" or ".join(sorted(e.label for e in self.supports)))
        return words

    def kit_words(self) -> str:
        """What it takes in one line, e.g. 'dumbbells, bench or chair'; 'none' for nothing."""
        return ", ".join(self.kit()) or "none"

    def doable_with(self, available: frozenset[Equipment]) -> bool:
        return self.needs <= available and (not self.supports or bool(self.supports & available))

    def work_seconds_per_set(self) -> float:
        """Estimated time under work for one set, both sides counted."""
        p = self.prescription
        if p.seconds is not None:
            work = p.seconds.mid
        else:
            assert p.reps is not None
            work = p.reps.mid * self.seconds_per_rep
        return work * (2 if p.per_side else 1)
