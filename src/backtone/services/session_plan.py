"""What the coach hands out: a session's items with their targets, and an open workout."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from backtone.domain.exercise import Span
from backtone.domain.exposure import Change, Target
from backtone.domain.kit import Kit, default_kit
from backtone.domain.plan import PlanItem, Role
from backtone.domain.progression_rules import describe_load
from backtone.domain.progression_words import help_words
from backtone.domain.readiness import CheckIn
from backtone.domain.training import LoggedSet, WeightUnit
from backtone.domain.vocabulary import Kind, LoadKind

# After these changes last time's reps mean little: the new target starts at the bottom.
FRESH = frozenset(
    {Change.START, Change.ADD_LOAD, Change.CLIMB_RUNG, Change.SWITCH_VARIANT, Change.DELOAD}
)


def ticked_off(role: Role, kind: Kind) -> bool:
    """Whether an item is ticked as done rather than logged set by set: warm-ups, cool-downs
    and stretches wherever they sit. A mobility drill that is a session's main work (wall
    slides in a posture plan) keeps its reps, which the camera coach can count."""
    return role is not Role.MAIN or kind is Kind.STRETCH


@dataclass(frozen=True)
class SetEntry:
    """What a set entry starts with: last time's numbers, or the target's."""

    reps: int | None
    seconds: int | None
    load_kg: float | None


@dataclass(frozen=True)
class RampSet:
    """A ramp-up set before a heavy lift: a share of the working load, rounded to the kit."""

    percent: int
    reps: int
    load_kg: float | None  # None while the working load is not known yet


@dataclass(frozen=True)
class SessionItem:
    """One exercise of a coached session: what to do today, what the plan said, and why.

    `planned` is the plan's item (None in a session put together ad hoc); the target (sets,
    reps or seconds, load) is the plan's numbers moved by the person's logs, and `reason`
    says how. Warm-up and cool-down items keep the plan's numbers. `last` holds last time's
    working sets; `ramp` the ramp-up sets before a heavy lift.
    """

    exercise_id: str
    name: str
    role: Role
    sets: int
    reps: Span | None
    seconds: Span | None
    load_kg: float | None
    rest_seconds: int
    per_side: bool = False
    change: Change | None = None
    reason: str = ""
    assisted: bool = False
    cues: tuple[str, ...] = ()
    last: tuple[LoggedSet, ...] = ()
    planned: PlanItem | None = None
    ramp: tuple[RampSet, ...] = ()
    load_kind: LoadKind = LoadKind.BODYWEIGHT
    rung: int | None = None  # the step of its ladder today's target is (0 = the first)
    ticked: bool = False  # a warm-up, stretch or drill ticked off as done in an open workout

    @property
    def planned_exercise_id(self) -> str:
        return self.planned.exercise_id if self.planned is not None else self.exercise_id

    @property
    def target(self) -> Target:
        """What is stored with the workout, so next time's suggestion knows what was asked."""
        return Target(
            self.sets, self.reps, self.seconds, self.load_kg, self.change, self.planned, self.rung,
            self.ticked,
        )  # fmt: skip

    @property
    def timed(self) -> bool:
        return self.seconds is not None

    @property
    def changed(self) -> bool:
        """Whether today's exercise or sets differ from the plan's, or its range leaves the
        plan's (aiming higher inside the plan's range, 13-15 within 12-15, is the plan's)."""
        p = self.planned
        if p is None:
            return False
        today, plan = self.reps or self.seconds, p.reps or p.seconds
        inside = (
            today is not None and plan is not None
            and today.high == plan.high and today.low >= plan.low
        )  # fmt: skip
        return (p.exercise_id, p.sets) != (self.exercise_id, self.sets) or not inside

    @property
    def is_seed(self) -> bool:
        """The seed mark: the plan's numbers are a seed's and today keeps them."""
        return self.planned is not None and self.planned.is_seed and not self.changed

    def plan_words(self) -> str:
        """The plan's numbers: 'Push-up 3 x 10' where today differs, else ''."""
        if self.planned is None or not self.changed:
            return ""
        p = self.planned
        return f"{p.name} {p.sets} x {p.amount()}"

    def as_plan_item(self) -> PlanItem:
        return PlanItem(
            exercise_id=self.exercise_id, name=self.name, role=self.role, sets=self.sets,
            rest_seconds=self.rest_seconds, reps=self.reps, seconds=self.seconds,
            per_side=self.per_side, note=self.reason,
        )  # fmt: skip

    def amount(self) -> str:
        """'8-12', '30 s', '10 min' or '30 s each side'."""
        return self.as_plan_item().amount()

    def load_words(self, unit: WeightUnit, kit: Kit) -> str:
        """' at 14 kg a hand', ' with 20 kg of help' or '' when the person picks the load."""
        if self.load_kg is None:
            return ""
        if self.assisted:
            return f" with {help_words(self.load_kind, self.load_kg, unit, kit)}"
        if self.load_kg <= 0:
            return ""
        return f" at {describe_load(self.load_kind, self.load_kg, unit, kit)}"

    def ramp_words(self, unit: WeightUnit) -> str:
        """'ramp up: 8 at 10 kg, 4 at 14 kg' (or by share of the load while it is unknown)."""
        if not self.ramp:
            return ""
        parts = [
            f"{r.reps} at {unit.say(r.load_kg)}" if r.load_kg else f"{r.reps} at {r.percent}%"
            for r in self.ramp
        ]
        return "ramp up: " + ", ".join(parts)

    def prefill(self, set_number: int) -> SetEntry:
        """Set `set_number` (from 1) as last time, when it still applies; else the target."""
        low = (self.reps or self.seconds or Span(0, 0)).low
        earlier = self.last[min(set_number, len(self.last)) - 1] if self.last else None
        if earlier is not None and earlier.exercise_id != self.exercise_id:
            earlier = None
        load = self.load_kg
        if load is None and earlier is not None:
            load = earlier.load_kg
        if earlier is None or self.change in FRESH:
            return SetEntry(None if self.timed else low, low if self.timed else None, load)
        if self.timed:
            return SetEntry(None, int(earlier.duration_seconds or low), load)
        return SetEntry(earlier.reps if earlier.reps is not None else low, None, load)


@dataclass(frozen=True)
class SessionPlan:
    """A session to do: planned (with its id) or put together ad hoc (`session_id` None)."""

    day: date
    title: str
    items: tuple[SessionItem, ...]
    session_id: int | None = None
    plan_name: str = ""
    deload: bool = False  # the plan's week is a deload
    notes: tuple[str, ...] = ()  # what today changed for a check-in: left out, swapped
    check_in: CheckIn | None = None
    unit: WeightUnit = WeightUnit.KG  # the person's: how loads are said
    kit: Kit = field(default_factory=lambda: default_kit(WeightUnit.KG))

    def load_words(self, item: SessionItem) -> str:
        """An item's load in the person's unit and kit: ' at 45 lb a hand'."""
        return item.load_words(self.unit, self.kit)

    def target_words(self, item: SessionItem) -> str:
        """One way to say an item's target: '3 x 12-15 at 14 kg a hand'."""
        return f"{item.sets} x {item.amount()}{self.load_words(item)}"

    @property
    def main_items(self) -> tuple[SessionItem, ...]:
        return tuple(i for i in self.items if i.role is Role.MAIN)


@dataclass(frozen=True)
class GuidedWorkout:
    """An open guided workout: its stored id, the session it follows, the sets so far."""

    workout_id: int
    started_at: datetime
    session: SessionPlan
    sets: tuple[LoggedSet, ...] = ()

    def done(self, position: int) -> tuple[LoggedSet, ...]:
        """Working sets logged so far for the item at `position` (ramp-ups not counted)."""
        exercise_id = self.session.items[position].exercise_id
        return tuple(s for s in self.sets if s.exercise_id == exercise_id and s.is_hard)

    def ramped(self, position: int) -> int:
        """Ramp-up sets logged so far for the item at `position`."""
        exercise_id = self.session.items[position].exercise_id
        return sum(1 for s in self.sets if s.exercise_id == exercise_id and not s.is_hard)

    def resume_at(self) -> int:
        """Where to pick up: the first main item with sets still to do, else the cool-down.

        Warm-up and cool-down items are not logged, so once a set is in they count as done.
        """
        if not self.sets:
            return 0
        items = self.session.items
        for n, item in enumerate(items):
            if item.role is Role.MAIN and len(self.done(n)) < item.sets:
                return n
        return 1 + max((n for n, i in enumerate(items) if i.role is Role.MAIN), default=-1)
