"""The course of a guided workout, apart from the screen: where the person is, rest, pause.

The Textual app only shows this state and forwards keys. Every set goes to the database as it
is logged; the workout itself is created with the first set (or swap), so opening the app and
quitting at once leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from backtone.domain.exercise import Exercise
from backtone.domain.plan import Role
from backtone.domain.readiness import CheckIn
from backtone.domain.training import LoggedSet, SetType, WeightUnit
from backtone.services import readiness, workouts
from backtone.services.coaching import GuidedWorkout, SessionItem, SessionPlan, WorkoutSummary
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork


@dataclass(frozen=True)
class Wiring:
    """What a guided workout needs from the app: storage, clock, person, zone, unit."""

    uow: UnitOfWork
    clock: Clock
    user_id: int
    tz: tzinfo
    unit: WeightUnit = WeightUnit.KG  # the one the person reads and types loads in

    @property
    def today(self) -> date:
        return self.clock.now().astimezone(self.tz).date()

    @property
    def caller(self) -> Caller:
        """Who the workout is for, with today read now (a workout may pass midnight)."""
        return Caller(self.user_id, self.tz, self.unit, self.today)


def offers_check_in(wiring: Wiring, session: SessionPlan | None) -> bool:
    """Whether to ask how the person feels first: a planned session of today's with no
    check-in yet (one given on the web or with `backtone checkin` counts)."""
    return (
        session is not None
        and session.session_id is not None
        and session.check_in is None
        and session.day == wiring.today
    )


def check_in_today(wiring: Wiring, answers: CheckIn) -> readiness.CheckInEffects:
    """Keep today's check-in, then read the session again with it."""
    w = wiring
    readiness.check_in(uow=w.uow, clock=w.clock, caller=w.caller, check_in=answers)
    return readiness.check_in_effects(uow=w.uow, caller=w.caller, day=answers.day)


@dataclass(frozen=True)
class Rest:
    """A rest between sets: when it ends, how long it is, and time left when paused."""

    total: float
    until: datetime
    paused_left: float | None = None

    def left(self, now: datetime) -> float:
        if self.paused_left is not None:
            return self.paused_left
        return max(0.0, (self.until - now).total_seconds())


class WorkoutFlow:
    """A session being done: the current item and set, the rest timer and pauses."""

    def __init__(self, wiring: Wiring, workout: GuidedWorkout | None, session: SessionPlan):
        self.wiring = wiring
        self.workout = workout
        self.items: list[SessionItem] = list(session.items)
        self.session = session
        sets = workout.sets if workout is not None else ()
        self.done: list[list[LoggedSet]] = [
            [s for s in sets if s.exercise_id == item.exercise_id and s.is_hard]
            for item in self.items
        ]
        self.ramped: list[int] = [
            sum(1 for s in sets if s.exercise_id == item.exercise_id and not s.is_hard)
            for item in self.items
        ]
        self.position = workout.resume_at() if workout is not None else 0
        self.rest: Rest | None = None
        self.paused = False
        self.summary: WorkoutSummary | None = None

    @classmethod
    def resume(cls, wiring: Wiring, workout: GuidedWorkout) -> WorkoutFlow:
        return cls(wiring, workout, workout.session)

    @property
    def current(self) -> SessionItem | None:
        return self.items[self.position] if self.position < len(self.items) else None

    @property
    def set_number(self) -> int:
        """The set about to be entered, from 1."""
        return len(self.done[self.position]) + 1 if self.current is not None else 0

    @property
    def finished(self) -> bool:
        return self.position >= len(self.items)

    @property
    def sets_logged(self) -> int:
        return sum(len(d) for d in self.done)

    def _started(self) -> GuidedWorkout:
        if self.workout is None:
            w = self.wiring
            self.workout = workouts.start(
                uow=w.uow, clock=w.clock, caller=w.caller, session=self.session
            )
        return self.workout

    def log_set(
        self,
        *,
        reps: int | None = None,
        seconds: float | None = None,
        load_kg: float | None = None,
        rpe: float | None = None,
    ) -> LoggedSet:
        """Store one set of the current item at once, then rest (or move on when it is done)."""
        item = self.current
        assert item is not None and item.role is Role.MAIN, "warm-ups and stretches are not logged"
        logged = LoggedSet(
            item.exercise_id, reps=reps, load_kg=load_kg, duration_seconds=seconds, rpe=rpe
        )
        w = self.wiring
        workout = self._started()
        workouts.log_set(
            uow=w.uow, clock=w.clock, caller=w.caller, workout_id=workout.workout_id, logged=logged
        )
        self.done[self.position].append(logged)
        if len(self.done[self.position]) >= item.sets:
            self.position += 1
        self.start_rest(item.rest_seconds)
        return logged

    def log_ramp_set(self) -> LoggedSet | None:
        """Store the current item's next ramp-up set as a warm-up set (kept out of records and
        progression); None when there is none left."""
        item = self.current
        if item is None or self.ramped[self.position] >= len(item.ramp):
            return None
        step = item.ramp[self.ramped[self.position]]
        logged = LoggedSet(
            item.exercise_id, set_type=SetType.WARMUP, reps=step.reps, load_kg=step.load_kg
        )
        w = self.wiring
        workout = self._started()
        workouts.log_set(
            uow=w.uow, clock=w.clock, caller=w.caller, workout_id=workout.workout_id, logged=logged
        )
        self.ramped[self.position] += 1
        return logged

    def next_item(self) -> None:
        """Done with the current item (a stretch, or sets enough): on to the next one."""
        self.position = min(self.position + 1, len(self.items))
        self.rest = None

    skip = next_item

    def swap_options(self) -> list[Exercise]:
        item = self.current
        assert item is not None
        w = self.wiring
        return workouts.alternatives(uow=w.uow, caller=w.caller, exercise_id=item.exercise_id)

    def swap(self, exercise_id: str) -> SessionItem:
        """Do another exercise in place of the current one, with its own target."""
        w = self.wiring
        workout = self._started()
        new = workouts.swap(
            uow=w.uow, caller=w.caller, workout_id=workout.workout_id, position=self.position,
            exercise_id=exercise_id,
        )  # fmt: skip
        self.items[self.position] = new
        self.session = replace(self.session, items=tuple(self.items))
        self.done[self.position] = []
        self.ramped[self.position] = 0
        return new

    def start_rest(self, seconds: int) -> None:
        if seconds <= 0 or self.finished:
            self.rest = None
            return
        now = self.wiring.clock.now()
        self.rest = Rest(float(seconds), now + timedelta(seconds=seconds))
        if self.paused:
            self.rest = replace(self.rest, paused_left=float(seconds))

    def rest_left(self) -> float:
        return self.rest.left(self.wiring.clock.now()) if self.rest is not None else 0.0

    def tick(self) -> bool:
        """Check the rest timer; True once, when a rest has just run out."""
        if self.rest is None or self.paused or self.rest_left() > 0:
            return False
        self.rest = None
        return True

    def toggle_pause(self) -> None:
        """Pause (the rest timer stops) or go on from where it stopped."""
        now = self.wiring.clock.now()
        if not self.paused:
            self.paused = True
            if self.rest is not None:
                self.rest = replace(self.rest, paused_left=self.rest.left(now))
            return
        self.paused = False
        if self.rest is not None and self.rest.paused_left is not None:
            until = now + timedelta(seconds=self.rest.paused_left)
            self.rest = Rest(self.rest.total, until)

    def finish(self) -> WorkoutSummary | None:
        """End the workout and keep its summary; None when nothing was ever stored."""
        if self.workout is None:
            return None
        w = self.wiring
        self.summary = workouts.finish(
            uow=w.uow, clock=w.clock, caller=w.caller, workout_id=self.workout.workout_id
        )
        return self.summary
