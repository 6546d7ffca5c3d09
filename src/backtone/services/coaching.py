"""Coaching: the next session with the progression engine's targets, and guided workouts.

A guided workout is an open workout (source "workout", no end time yet) that grows one set at
a time. Each set is committed as it is entered, so quitting or a crash loses nothing and the
workout can be resumed; finishing sets the end time and sums it up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from backtone.domain.catalogue import Catalogue, ExerciseFilter
from backtone.domain.errors import Conflict, InvalidInput, NotFound
from backtone.domain.exercise import Exercise, Span
from backtone.domain.exposure import Change, Exposure, Target, exposures_from_workouts
from backtone.domain.ladders import ASSISTED, family_ids, ladder_of
from backtone.domain.plan import PlanItem, Role
from backtone.domain.profile import Profile
from backtone.domain.progression import suggest_next
from backtone.domain.progression_rules import describe_load
from backtone.domain.progression_words import help_words
from backtone.domain.training import LoggedSet, Workout
from backtone.domain.vocabulary import Equipment
from backtone.services.catalogue import catalogue_for
from backtone.services.ports import Clock, UnitOfWork
from backtone.services.workout_summary import WorkoutSummary, summarise

GUIDED_SOURCE = "workout"
HISTORY_WORKOUTS = 12  # sessions back the engine reads: enough to see a stall after a deload
RESUMABLE = timedelta(hours=24)  # an open workout older than this is not offered again
MAX_SWAPS = 8
# After these changes last time's reps mean little: the new target starts at the bottom.
FRESH = frozenset(
    {Change.START, Change.ADD_LOAD, Change.CLIMB_RUNG, Change.SWITCH_VARIANT, Change.DELOAD}
)

__all__ = [
    "GuidedWorkout",
    "SessionItem",
    "SessionPlan",
    "SetEntry",
    "WorkoutSummary",
    "adhoc_session",
    "finish_workout",
    "log_guided_set",
    "next_session",
    "open_workout",
    "start_workout",
    "swap_item",
    "swap_options",
]


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

    def load_words(self, kind_of: Catalogue) -> str:
        """' at 14 kg a hand', ' with 20 kg of help' or '' when the person picks the load."""
        if self.load_kg is None or self.exercise_id not in kind_of:
            return ""
        kind = kind_of.get(self.exercise_id).load
        if self.assisted:
            return f" with {help_words(kind, self.load_kg)}"
        if self.load_kg <= 0:
            return ""
        return f" at {describe_load(kind, self.load_kg)}"

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


@dataclass
class _Coach:
    """Targets for one person's items, read from their history."""

    uow: UnitOfWork
    catalogue: Catalogue
    user_id: int
    tz: tzinfo
    equipment: frozenset[Equipment] | None
    excluding: int | None = None  # the open workout, whose sets are today's, not history

    def item(self, planned: PlanItem, on: date) -> SessionItem:
        exercise = self.catalogue.get(planned.exercise_id)
        if planned.role is not Role.MAIN:
            return _as_planned(planned, exercise)
        exposures = self.exposures(family_ids(exercise.id))
        suggestion = suggest_next(
            _with_plan_prescription(exercise, planned), exposures, on, self.catalogue,
            equipment=self.equipment,
        )  # fmt: skip
        chosen = self.catalogue.get(suggestion.exercise_id)
        return SessionItem(
            exercise_id=chosen.id, name=chosen.name, role=Role.MAIN, sets=suggestion.sets,
            reps=suggestion.reps, seconds=suggestion.seconds, load_kg=suggestion.load_kg,
            rest_seconds=planned.rest_seconds,
            per_side=planned.per_side if chosen.id == exercise.id else chosen.prescription.per_side,
            change=suggestion.change, reason=suggestion.reason, assisted=suggestion.assisted,
            cues=chosen.cues, last=_last_sets(exposures, chosen.id),
            planned_exercise_id=planned.exercise_id,
        )  # fmt: skip

    def resumed(self, stored: PlanItem, target: Target) -> SessionItem:
        """An item as a started workout stored it, with last time's sets for the entry."""
        exercise = self.catalogue.get(stored.exercise_id)
        last: tuple[LoggedSet, ...] = ()
        if stored.role is Role.MAIN:
            last = _last_sets(self.exposures(frozenset({exercise.id})), exercise.id)
        return SessionItem(
            exercise_id=exercise.id, name=exercise.name, role=stored.role, sets=target.sets,
            reps=target.reps, seconds=target.seconds, load_kg=target.load_kg,
            rest_seconds=stored.rest_seconds, per_side=stored.per_side, change=target.change,
            reason=stored.note, assisted=exercise.id in ASSISTED, cues=exercise.cues, last=last,
            planned_exercise_id=stored.exercise_id,
        )  # fmt: skip

    def exposures(self, ids: frozenset[str]) -> list[Exposure]:
        """Past sessions of these exercises, each with the target shown then, if any."""
        workouts = self.uow.workouts.history_of(
            self.user_id, ids, HISTORY_WORKOUTS, excluding=self.excluding
        )
        asked = self.uow.workouts.targets(self.user_id, [w.id for w in workouts if w.id])
        found: list[Exposure] = []
        for workout in workouts:
            targets: dict[str, Target] = {}
            for item, target in asked.get(workout.id or 0, []):
                if item.role is Role.MAIN:
                    targets.setdefault(item.exercise_id, target)
            found += [
                replace(e, target=targets.get(e.exercise_id))
                for e in exposures_from_workouts([workout], ids, self.tz)
            ]
        return found


def next_session(
    *, uow: UnitOfWork, builtin: Catalogue, user_id: int, today: date, tz: tzinfo
) -> SessionPlan:
    """The next planned session not yet done (today's, else the next one) with its targets.

    Main items get the progression engine's sets, reps (or seconds), load and reason, read
    from the person's history of the whole ladder; warm-up and cool-down keep the plan's.
    """
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=user_id)
    with uow:
        record = uow.plans.current(user_id)
        if record is None:
            raise NotFound("current plan", "yours", ["make one with `backtone plan`"])
        done = uow.workouts.finished_sessions(user_id, record.session_ids)
        upcoming = [
            (session_id, session)
            for session_id, session in zip(record.session_ids, record.plan.sessions, strict=True)
            if session.day >= today and session_id not in done
        ]
        if not upcoming:
            last = record.plan.sessions[-1].day if record.plan.sessions else today
            raise NotFound(
                "session left in your plan",
                f"after {min(last, today).isoformat()}",
                ["make a new plan with `backtone plan`"],
            )
        session_id, session = upcoming[0]
        coach = _Coach(uow, catalogue, user_id, tz, record.plan.profile.equipment)
        items = tuple(coach.item(item, session.day) for item in session.items)
    return SessionPlan(session.day, session.title, items, session_id, record.plan.name)


def adhoc_session(
    *,
    uow: UnitOfWork,
    builtin: Catalogue,
    user_id: int,
    exercises: Sequence[str],
    today: date,
    tz: tzinfo,
) -> SessionPlan:
    """A session of exercises chosen by name or id, each with the engine's target."""
    if not exercises:
        raise InvalidInput("exercise", "none given", "one or more exercise ids or names")
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=user_id)
    chosen = [catalogue.resolve(name) for name in exercises]
    with uow:
        profile = _profile(uow, user_id)
        coach = _Coach(uow, catalogue, user_id, tz, profile.equipment if profile else None)
        items = tuple(coach.item(_item_of(e), today) for e in chosen)
    return SessionPlan(today, "Your own session", items)


def start_workout(
    *, uow: UnitOfWork, clock: Clock, user_id: int, session: SessionPlan
) -> GuidedWorkout:
    """Open a guided workout for a session, keeping its targets for next time's suggestions."""
    now = clock.now()
    workout = Workout(
        started_at=now,
        sets=(),
        name=session.title,
        source=GUIDED_SOURCE,
        planned_session_id=session.session_id,
    )
    with uow:
        workout_id = uow.workouts.add(
            user_id, replace(workout, source_key=workout.key), created_at=now
        )
        uow.workouts.set_targets(
            user_id, workout_id, [(i.as_plan_item(), i.target) for i in session.items]
        )
        uow.commit()
    return GuidedWorkout(workout_id, now, session)


def log_guided_set(
    *, uow: UnitOfWork, clock: Clock, user_id: int, workout_id: int, logged: LoggedSet
) -> None:
    """Add one set to an open guided workout and commit it at once: a crash keeps it."""
    with uow:
        _open_guided(uow, user_id, workout_id)
        uow.workouts.append_sets(user_id, workout_id, [logged], clock.now())
        uow.commit()


def swap_item(
    *,
    uow: UnitOfWork,
    builtin: Catalogue,
    user_id: int,
    workout_id: int,
    position: int,
    exercise_id: str,
    today: date,
    tz: tzinfo,
) -> SessionItem:
    """Replace the item at `position` of an open workout by another exercise, with its target."""
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=user_id)
    exercise = catalogue.get(exercise_id)
    with uow:
        _open_guided(uow, user_id, workout_id)
        stored = uow.workouts.targets(user_id, [workout_id]).get(workout_id, [])
        if not 0 <= position < len(stored):
            raise InvalidInput("position", f"{position}", f"0-{len(stored) - 1}")
        was, _ = stored[position]
        profile = _profile(uow, user_id)
        coach = _Coach(
            uow, catalogue, user_id, tz, profile.equipment if profile else None, workout_id
        )
        planned = replace(_item_of(exercise), role=was.role, rest_seconds=was.rest_seconds)
        item = coach.item(planned, today)
        stored[position] = (item.as_plan_item(), item.target)
        uow.workouts.set_targets(user_id, workout_id, stored)
        uow.commit()
    return item


def swap_options(
    *, uow: UnitOfWork, builtin: Catalogue, user_id: int, exercise_id: str
) -> list[Exercise]:
    """Exercises to do instead: same pattern and kind, doable with the person's kit and level.

    Those sharing the most primary muscles come first; exercises the person's limitations
    rule out are left out.
    """
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=user_id)
    current = catalogue.get(exercise_id)
    with uow:
        profile = _profile(uow, user_id)
    query = ExerciseFilter(
        equipment=profile.equipment if profile else None,
        level=profile.level if profile else current.level,
        kind=current.kind,
        pattern=current.pattern,
    )
    spared = profile.limitations if profile else frozenset()
    found = [e for e in catalogue.find(query) if e.id != current.id and not e.avoid_with & spared]
    shared = set(current.primary)
    found.sort(key=lambda e: (-len(shared & set(e.primary)), e.name))
    return found[:MAX_SWAPS]


def open_workout(
    *, uow: UnitOfWork, builtin: Catalogue, clock: Clock, user_id: int, tz: tzinfo
) -> GuidedWorkout | None:
    """The person's unfinished guided workout of the last day, to resume, if there is one."""
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=user_id)
    with uow:
        found = uow.workouts.open_since(user_id, GUIDED_SOURCE, clock.now() - RESUMABLE)
        if found is None or found.id is None:
            return None
        stored = uow.workouts.targets(user_id, [found.id]).get(found.id, [])
        coach = _Coach(uow, catalogue, user_id, tz, None, excluding=found.id)
        items = tuple(
            coach.resumed(item, target) for item, target in stored if item.exercise_id in catalogue
        )
    day = found.started_at.astimezone(tz).date()
    session = SessionPlan(day, found.name, items, found.planned_session_id)
    return GuidedWorkout(found.id, found.started_at, session, found.sets)


def finish_workout(
    *, uow: UnitOfWork, clock: Clock, user_id: int, workout_id: int, tz: tzinfo
) -> WorkoutSummary:
    """End a guided workout and sum it up: sets, volume, records broken, weeks in a row.

    A workout with no set in it is removed rather than kept empty. Finishing twice gives the
    same summary.
    """
    with uow:
        workout = uow.workouts.get(user_id, workout_id)
        if workout is None or workout.source != GUIDED_SOURCE:
            raise NotFound("guided workout", str(workout_id))
        ended = workout.ended_at or clock.now()
        if not workout.sets:
            uow.workouts.delete(user_id, workout_id)
        elif workout.ended_at is None:
            uow.workouts.finish(user_id, workout_id, ended)
        summary = summarise(uow, user_id, replace(workout, ended_at=ended), tz)
        uow.commit()
    return summary


def _open_guided(uow: UnitOfWork, user_id: int, workout_id: int) -> Workout:
    workout = uow.workouts.get(user_id, workout_id)
    if workout is None or workout.source != GUIDED_SOURCE:
        raise NotFound("guided workout", str(workout_id))
    if workout.ended_at is not None:
        raise Conflict(f"workout {workout_id} is finished; start a new one with `backtone workout`")
    return workout


def _profile(uow: UnitOfWork, user_id: int) -> Profile | None:
    """The saved profile, else the current plan's."""
    profile = uow.profiles.get(user_id)
    if profile is None and (record := uow.plans.current(user_id)) is not None:
        profile = record.plan.profile
    return profile


def _with_plan_prescription(exercise: Exercise, planned: PlanItem) -> Exercise:
    """The exercise with the plan's sets and range, so the engine progresses within them.

    Ladder exercises keep their rungs' targets: the ladder decides what comes next.
    """
    if ladder_of(exercise.id) is not None:
        return exercise
    prescription = replace(
        exercise.prescription, sets=planned.sets, reps=planned.reps, seconds=planned.seconds
    )
    return replace(exercise, prescription=prescription)


def _as_planned(planned: PlanItem, exercise: Exercise) -> SessionItem:
    return SessionItem(
        exercise_id=exercise.id, name=exercise.name, role=planned.role, sets=planned.sets,
        reps=planned.reps, seconds=planned.seconds, load_kg=None,
        rest_seconds=planned.rest_seconds, per_side=planned.per_side, reason=planned.note,
        cues=exercise.cues, planned_exercise_id=planned.exercise_id,
    )  # fmt: skip


def _item_of(exercise: Exercise) -> PlanItem:
    """A main item with the exercise's own prescription (rest to the nearest 5 s)."""
    p = exercise.prescription
    return PlanItem(
        exercise_id=exercise.id, name=exercise.name, role=Role.MAIN, sets=p.sets,
        rest_seconds=int(round(p.rest_seconds.mid / 5) * 5), reps=p.reps, seconds=p.seconds,
        per_side=p.per_side,
    )  # fmt: skip


def _last_sets(exposures: Iterable[Exposure], exercise_id: str) -> tuple[LoggedSet, ...]:
    """The working sets of the latest session of this very exercise."""
    mine = [e for e in exposures if e.exercise_id == exercise_id and e.working]
    if not mine:
        return ()
    return mine[0].working  # history_of reads the newest workouts first
