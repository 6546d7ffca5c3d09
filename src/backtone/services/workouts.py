"""Guided workouts, each use case whole for one `Caller`: start today's session, log a set,
tick a warm-up or stretch, swap an exercise, finish.

The coaching steps (the next session's targets, opening and resuming a workout) live in
`coaching.py`; the rules for a set or tick a phone sends late are here, below the use cases.
These functions are what every door calls: the API, the pages, the terminal app and the CLI.
Each owns its transaction; run inside a caller's (an idempotency key's), it commits with it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import Conflict, InvalidInput, NotFound
from backtone.domain.exercise import Exercise
from backtone.domain.training import LoggedSet, Workout
from backtone.services.coaching import (
    GuidedWorkout,
    SessionItem,
    SessionPlan,
    WorkoutSummary,
    add_guided_set,
    check_guided_open,
    finish_workout,
    next_session,
    open_workout,
    start_workout,
    swap_item,
    swap_options,
)
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork
from backtone.services.session_plan import ticked_off


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


# The steps, inside the caller's transaction.

RECREATED_NAME = "Recreated from sets saved on a phone"


# How far a phone's clock may be off: a workout that started later than this after the set was
# logged on the phone cannot be the one it was logged in.
CLOCK_SKEW = timedelta(minutes=10)


def add_set_sent_later(
    uow: UnitOfWork,
    clock: Clock,
    user_id: int,
    workout_id: int,
    logged: LoggedSet,
    logged_at: datetime | None = None,
) -> tuple[int, str]:
    """Add a set a phone kept while it had no signal, inside the caller's transaction, by
    rules a person can read. Returns the workout it went to and a notice ('' when none).

    - The workout is still open: the set joins it, as if it had been sent at once.
    - It was finished elsewhere meanwhile: the set joins it all the same (it belongs there).
    - It was deleted elsewhere: the set goes into a workout recreated for it (one for every
      deleted workout, however many sets follow), and the notice says so. A workout under the
      same id that started after the set was logged (`logged_at`, the phone's time; SQLite
      hands a deleted row's id out again) is another one, so that counts as deleted too.
    """
    now = clock.now()
    found = uow.workouts.get(user_id, workout_id, with_sets=False)
    if found is not None and logged_at is not None and found.started_at > logged_at + CLOCK_SKEW:
        found = None
    if found is None:
        key = f"recreated:{workout_id}"
        recreated = uow.workouts.id_for_key(user_id, key)
        if recreated is None:
            workout = Workout(
                started_at=now, sets=(), name=RECREATED_NAME, ended_at=now, source_key=key
            )
            recreated = uow.workouts.add_unless_taken(user_id, workout, created_at=now)
            recreated = recreated or uow.workouts.id_for_key(user_id, key)
        if recreated is None:
            raise Conflict("the workout for these sets is being recreated; try again")
        uow.workouts.append_sets(user_id, recreated, [logged], now)
        return recreated, (
            f"Workout {workout_id} was deleted elsewhere, so the sets saved on this phone "
            "went into a workout recreated for them."
        )
    uow.workouts.append_sets(user_id, workout_id, [logged], now)
    if found.ended_at is not None:
        return workout_id, (
            "That workout was finished elsewhere; the sets saved on this phone joined it."
        )
    return workout_id, ""


def tick_item(
    uow: UnitOfWork,
    catalogue: Catalogue,
    user_id: int,
    workout_id: int,
    position: int,
    *,
    done: bool = True,
    sent_later: bool = False,
) -> str:
    """Tick a warm-up, stretch or drill of an open workout as done (or undo the tick), inside
    the caller's transaction; returns the item's exercise id.

    A tick is kept with the workout's targets and adds no set, so it never counts as training
    volume. Main lifts are refused: their sets are logged. A tick a phone kept while offline
    (`sent_later`) still lands on a workout finished elsewhere meanwhile.
    """
    check_guided_open(uow, user_id, workout_id, finished_too=sent_later)
    stored = uow.workouts.targets(user_id, [workout_id]).get(workout_id, [])
    if not 0 <= position < len(stored):
        raise InvalidInput("position", f"{position}", f"0-{max(len(stored) - 1, 0)}")
    item, target = stored[position]
    kind = catalogue.get(item.exercise_id).kind if item.exercise_id in catalogue else None
    if kind is None or not ticked_off(item.role, kind):
        raise InvalidInput(
            "position", f"{item.name} is logged set by set", "a warm-up, stretch or drill"
        )
    stored[position] = (item, replace(target, ticked=done))
    uow.workouts.set_targets(user_id, workout_id, stored)
    return item.exercise_id
