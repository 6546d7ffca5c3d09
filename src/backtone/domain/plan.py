"""A training plan: weeks of dated sessions, each an ordered list of prescribed exercises."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from backtone.domain.errors import InvalidInput
from backtone.domain.exercise import SEED_SOURCES, Source, Span
from backtone.domain.profile import WEEKDAY_NAMES, Profile
from backtone.domain.warmup import RampStep, ramp_seconds


class Role(StrEnum):
    """Where an item sits in a session."""

    WARM_UP = "warm-up"
    MAIN = "main"
    COOL_DOWN = "cool-down"


START_RANGE = timedelta(days=366)  # a plan starts within a year of today, either way
SEED_MARK = "seed"  # how every surface marks a seed's numbers
# The line printouts carry: the numbers are the plan's; the app adjusts them from the log.
ADJUSTS = "backtone adjusts these numbers from the sets you log; the app shows today's."

# Time to move from one exercise to the next (set up the kit, find the spot, take the last
# rest): a minute between lifts, a quarter of one between stretches and drills.
CHANGEOVER_SECONDS = {Role.WARM_UP: 15, Role.MAIN: 60, Role.COOL_DOWN: 15}


@dataclass(frozen=True)
class PlanItem:
    """One exercise in a session: sets of reps (or of a timed hold) and the rest between them.

    `ramp` lists the ramp-up sets before the working sets of a heavy lift. `source` says
    whether the numbers are a seed article's. `estimated_seconds` is worked out when the plan
    is made (see `item_seconds`), so that exports need no catalogue.
    """

    exercise_id: str
    name: str
    role: Role
    sets: int
    rest_seconds: int
    reps: Span | None = None
    seconds: Span | None = None
    per_side: bool = False
    estimated_seconds: int = 0
    source: Source = Source.DEFAULT
    note: str = ""
    ramp: tuple[RampStep, ...] = ()
    rung: int | None = None  # for a ladder move: which of its ladder's rungs these numbers are

    @property
    def is_seed(self) -> bool:
        """Whether these are a seed article's numbers, to be shown as such everywhere."""
        return self.source in SEED_SOURCES

    @property
    def marked_name(self) -> str:
        """The name with the seed mark where the numbers are a seed's: 'Push-up (seed)'."""
        return f"{self.name} ({SEED_MARK})" if self.is_seed else self.name

    def guidance(self) -> str:
        """The ramp-up and the note, for the line under an item: 'ramp up: ...; note'."""
        return "; ".join(part for part in (self.ramp_words(), self.note) if part)

    def ramp_words(self) -> str:
        """'ramp up: 50% x 8, 70% x 5, 85% x 3', or empty."""
        if not self.ramp:
            return ""
        return "ramp up: " + ", ".join(step.describe() for step in self.ramp)

    def amount(self) -> str:
        """'12', '12-15', '30 s' or '30 s each side'."""
        if self.reps is not None:
            text = f"{self.reps}"
        elif self.seconds is not None and self.seconds.low >= 120 and self.seconds.low % 60 == 0:
            high = f"-{self.seconds.high // 60}" if self.seconds.high != self.seconds.low else ""
            text = f"{self.seconds.low // 60}{high} min"
        else:
            text = f"{self.seconds} s"
        return text + (" each side" if self.per_side else "")

    def dose(self) -> str:
        """Sets and amount as the printouts say them: '3 x 8-12'; one set is just '30 s'."""
        return f"{self.sets} x {self.amount()}" if self.sets > 1 else self.amount()

    def describe(self) -> str:
        """A short form such as '3 x 12, rest 60 s'."""
        rest = f", rest {self.rest_seconds} s" if self.rest_seconds else ""
        return f"{self.sets} x {self.amount()}{rest}"


@dataclass(frozen=True)
class PlanSession:
    """One training day."""

    day: date
    title: str
    items: tuple[PlanItem, ...]

    @property
    def weekday(self) -> int:
        return self.day.weekday()

    @property
    def weekday_name(self) -> str:
        return WEEKDAY_NAMES[self.weekday].capitalize()

    @property
    def estimated_seconds(self) -> int:
        return sum(item.estimated_seconds for item in self.items)

    @property
    def estimated_minutes(self) -> int:
        """Whole minutes, rounded up: a session never runs longer than it says."""
        return -(-self.estimated_seconds // 60)

    def by_role(self, role: Role) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.items if item.role is role)


@dataclass(frozen=True)
class PlanWeek:
    number: int
    deload: bool
    sessions: tuple[PlanSession, ...]
    focus: str = ""


@dataclass(frozen=True)
class Plan:
    """A multi-week plan made for one profile; `notes` tell the person what to know first."""

    name: str
    profile: Profile
    start: date
    weeks: tuple[PlanWeek, ...]
    template: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def sessions(self) -> tuple[PlanSession, ...]:
        return tuple(s for w in self.weeks for s in w.sessions)

    def exercise_ids(self) -> set[str]:
        return {i.exercise_id for s in self.sessions for i in s.items}


def item_seconds(
    *, sets: int, rest_seconds: int, reps: Span | None, seconds: Span | None,
    per_side: bool, seconds_per_rep: float, role: Role, ramp: tuple[RampStep, ...] = (),
) -> int:  # fmt: skip
    """Time an item takes, counted generously so a session never runs over: every set at the
    top of its range (both sides where there are two), the rests between sets, the ramp-up
    sets, and the changeover to the next exercise."""
    if seconds is not None:
        work = float(seconds.high)
    else:
        assert reps is not None
        work = reps.high * seconds_per_rep
    work *= 2 if per_side else 1
    total = sets * work + (sets - 1) * rest_seconds + CHANGEOVER_SECONDS[role]
    return int(-(-(total + ramp_seconds(ramp, seconds_per_rep)) // 1))


def check_plan_start(start: date, today: date) -> date:
    """The first day of a plan: within a year of today, before or after."""
    if abs(start - today) > START_RANGE:
        raise InvalidInput("start", f"{start} is too far from today", "within a year of today")
    return start
