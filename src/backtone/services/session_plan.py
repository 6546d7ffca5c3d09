"""What the coach hands out: a session's items with their targets, and an open workout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Span
from backtone.domain.exposure import Change, Target
from backtone.domain.plan import PlanItem, Role
from backtone.domain.progression_rules import describe_load
from backtone.domain.progression_words import help_words
from backtone.domain.training import LoggedSet, WeightUnit

# After these changes last time's reps mean little: the new target starts at the bottom.
FRESH = frozenset(
    {Change.START, Change.ADD_LOAD, Change.CLIMB_RUNG, Change.SWITCH_VARIANT, Change.DELOAD}
)


@dataclass(frozen=True)
class SetEntry:
    """What a set entry starts with: last time's numbers, or the target's."""

    reps: int | None
    seconds: int | None
    load_kg: float | None


@dataclass(frozen=True)
class SessionItem:
    """One exercise of a coached session: what to do today and why.

    Main items carry the progression engine's target (`change` and `reason`); warm-up and
    cool-down items keep the plan's prescription. `last` holds last time's working sets.
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
    planned_exercise_id: str = ""

    @property
    def target(self) -> Target:
        """What is stored with the workout, so next time's suggestion knows what was asked."""
        return Target(self.sets, self.reps, self.seconds, self.load_kg, self.change)

    @property
    def timed(self) -> bool:
        return self.seconds is not None

    def as_plan_item(self) -> PlanItem:
        return PlanItem(
            exercise_id=self.exercise_id, name=self.name, role=self.role, sets=self.sets,
            rest_seconds=self.rest_seconds, reps=self.reps, seconds=self.seconds,
            per_side=self.per_side, note=self.reason,
        )  # fmt: skip

    def amount(self) -> str:
        """'8-12', '30 s', '10 min' or '30 s each side'."""
        return self.as_plan_item().amount()

    def load_words(self, kind_of: Catalogue, unit: WeightUnit = WeightUnit.KG) -> str:
        """' at 14 kg a hand', ' with 20 kg of help' or '' when the person picks the load."""
        if self.load_kg is None or self.exercise_id not in kind_of:
            return ""
        kind = kind_of.get(self.exercise_id).load
        if self.assisted:
            return f" with {help_words(kind, self.load_kg, unit)}"
        if self.load_kg <= 0:
            return ""
        return f" at {describe_load(kind, self.load_kg, unit)}"

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
        """Sets logged so far for the item at `position`."""
        exercise_id = self.session.items[position].exercise_id
        return tuple(s for s in self.sets if s.exercise_id == exercise_id)

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
