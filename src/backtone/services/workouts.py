"""Guided workouts, each use case whole for one `Caller`: start today's session, log a set,
tick a warm-up or stretch, swap an exercise, finish.

The steps themselves (what a guided workout is, how a set sent later finds its workout) live in
`coaching.py`; these functions are what every door calls: the API, the pages, the terminal
app and the CLI. Each owns its transaction; run inside a caller's (an idempotency key's), it
commits with it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from backtone.domain.errors import NotFound
from backtone.domain.exercise import Exercise
from backtone.domain.training import LoggedSet
from backtone.services.coaching import (
    GuidedWorkout,
    SessionItem,
    SessionPlan,
    WorkoutSummary,
    add_guided_set,
    add_set_sent_later,
    finish_workout,
    next_session,
    open_workout,
    start_workout,
    swap_item,
    swap_options,
    tick_item,
)
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork


def start(
    *, uow: UnitOfWork, clock: Clock, caller: Caller, session: SessionPlan | None = None
) -> GuidedWorkout:
    """Open a guided workout for `session` (the terminal app's, chosen or planned), else for
    today: a workout already open is the one returned, so a double tap (or a second device)
    starts one; without one, the next planned session is started."""
    if session is None:
        found = open_workout(uow=uow, clock=clock, user_id=caller.user_id, tz=caller.tz)
        if found is not None:
            return found
        session = next_session(uow=uow, user_id=caller.user_id, today=caller.today, tz=caller.tz)
    return start_workout(uow=uow, clock=clock, user_id=caller.user_id, session=session)


@dataclass(frozen=True)
class GuidedSet:
    """A set as stored in a guided workout, and where it went if not where it was sent."""

    workout_id: int
    exercise: Exercise
    logged: LoggedSet
    notice: str = ""


def log_set(
    *,
    uow: UnitOfWork,
    clock: Clock,
    caller: Caller,
    workout_id: int,
    logged: LoggedSet,
    sent_later: bool = False,
    logged_at: datetime | None = None,
) -> GuidedSet:
    """Add one set (loads in kilograms) to the person's open guided workout, committed at once.

    A set a phone kept while offline (`sent_later`, logged there at `logged_at`) follows the
    rules of `add_set_sent_later`: it joins a workout finished elsewhere, or one recreated for
    a deleted one, and the notice says so.
    """
    with uow:
        exercise = uow.catalogue(caller.user_id).get(logged.exercise_id)
        done = replace(logged, exercise_id=exercise.id)
        went_to, notice = workout_id, ""
        if sent_later:
            went_to, notice = add_set_sent_later(
                uow, clock, caller.user_id, workout_id, done, logged_at
            )
        else:
            add_guided_set(uow, clock, caller.user_id, workout_id, done)
        uow.commit()
    return GuidedSet(went_to, exercise, done, notice)


@dataclass(frozen=True)
class Ticked:
    workout_id: int
    position: int
    exercise_id: str
    done: bool


def tick(
    *,
    uow: UnitOfWork,
    caller: Caller,
    workout_id: int,
    position: int,
    done: bool = True,
    sent_later: bool = False,
) -> Ticked:
    """Tick a warm-up, stretch or drill as done (or undo it); no set is stored."""
    with uow:
        exercise_id = tick_item(
            uow, uow.catalogue(caller.user_id), caller.user_id, workout_id, position,
            done=done, sent_later=sent_later,
        )  # fmt: skip
        uow.commit()
    return Ticked(workout_id, position, exercise_id, done)


@dataclass(frozen=True)
class SwapChoices:
    workout_id: int
    position: int
    item: SessionItem  # the exercise there now
    options: list[Exercise]


def swap_choices(
    *, uow: UnitOfWork, clock: Clock, caller: Caller, workout_id: int, position: int
) -> SwapChoices:
    """What could replace the exercise at `position` of the person's open workout."""
    found = open_workout(uow=uow, clock=clock, user_id=caller.user_id, tz=caller.tz)
    if found is None or found.workout_id != workout_id:
        raise NotFound("open workout", str(workout_id))
    if not 0 <= position < len(found.session.items):
        raise NotFound("exercise in this workout", str(position))
    item = found.session.items[position]
    options = alternatives(uow=uow, caller=caller, exercise_id=item.exercise_id)
    return SwapChoices(workout_id, position, item, options)


def alternatives(*, uow: UnitOfWork, caller: Caller, exercise_id: str) -> list[Exercise]:
    """Exercises to do instead of this one: same pattern and kind, the person's kit and level
    (the terminal app asks before its workout is stored)."""
    return swap_options(uow=uow, user_id=caller.user_id, exercise_id=exercise_id)


def swap(
    *, uow: UnitOfWork, caller: Caller, workout_id: int, position: int, exercise_id: str
) -> SessionItem:
    """Do another exercise at `position` of the open workout, with its own target."""
    return swap_item(
        uow=uow, user_id=caller.user_id, workout_id=workout_id, position=position,
        exercise_id=exercise_id, today=caller.today, tz=caller.tz,
    )  # fmt: skip


def finish(*, uow: UnitOfWork, clock: Clock, caller: Caller, workout_id: int) -> WorkoutSummary:
    """End the workout and sum it up (a workout with no set is removed)."""
    return finish_workout(
        uow=uow, clock=clock, user_id=caller.user_id, workout_id=workout_id, tz=caller.tz
    )
