"""Coaching: the next session with the progression engine's targets, and guided workouts.

A guided workout is an open workout (source "workout", no end time yet) that grows one set at
a time. Each set is committed as it is entered, so quitting or a crash loses nothing and the
workout can be resumed; finishing sets the end time and sums it up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from backtone.domain.catalogue import Catalogue, ExerciseFilter
from backtone.domain.errors import Conflict, InvalidInput, NotFound
from backtone.domain.exercise import Exercise
from backtone.domain.plan import PlanSession
from backtone.domain.plan_record import PlanRecord
from backtone.domain.profile import Profile
from backtone.domain.session_log import covered
from backtone.domain.training import GUIDED_SOURCE, LoggedSet, WeightUnit, Workout
from backtone.services.coach import Coach, item_of, kit_for
from backtone.services.ports import Clock, UnitOfWork
from backtone.services.session_plan import (
    GuidedWorkout,
    SessionItem,
    SessionPlan,
    SetEntry,
)
from backtone.services.workout_summary import WorkoutSummary, summarise

RESUMABLE = timedelta(hours=24)  # an open workout older than this is not offered again
MAX_SWAPS = 8

__all__ = [
    "GUIDED_SOURCE",
    "GuidedWorkout",
    "SessionItem",
    "SessionPlan",
    "SetEntry",
    "WorkoutSummary",
    "add_guided_set",
    "adhoc_session",
    "check_guided_open",
    "finish_workout",
    "log_guided_set",
    "next_session",
    "open_workout",
    "start_workout",
    "swap_item",
    "swap_options",
]


def _catalogue(uow: UnitOfWork, user_id: int, catalogue: Catalogue | None) -> Catalogue:
    """The catalogue a caller already holds, else the person's, through the unit of work."""
    if catalogue is not None:
        return catalogue
    with uow:
        return uow.catalogue(user_id)


def next_session(
    *,
    uow: UnitOfWork,
    user_id: int,
    today: date,
    tz: tzinfo,
    catalogue: Catalogue | None = None,
    unit: WeightUnit | None = None,
) -> SessionPlan:
    """The next planned session not yet done (today's, else the next one) with its targets.

    A session is done when a guided workout for it was finished or the sets logged on its
    day cover it (`domain/session_log.py`). Main items get the progression engine's sets,
    reps (or seconds), load and reason, read from the person's history and their kit, and
    today's readiness check-in if they gave one; warm-up and cool-down keep the plan's.
    A caller that has the person's catalogue already may pass it (else it is read through the
    unit of work), and one that knows the unit they read loads in (the
    saved profile's) may pass that.
    """
    catalogue = _catalogue(uow, user_id, catalogue)
    with uow:
        record = uow.plans.current(user_id)
        if record is None:
            raise NotFound("current plan", "yours", ["make one with `backtone plan`"])
        upcoming = sessions_ahead(uow, user_id, record, today, tz)
        if not upcoming:
            last = record.plan.sessions[-1].day if record.plan.sessions else today
            raise NotFound(
                "session left in your plan",
                f"after {min(last, today).isoformat()}",
                ["make a new plan with `backtone plan`"],
            )
        session_id, session = upcoming[0]
        if unit is None:
            unit = (uow.profiles.get(user_id) or record.plan.profile).units
        check_in = uow.check_ins.on(user_id, session.day)
        kit = kit_for(uow, user_id, unit)
        coach = Coach(uow, catalogue, user_id, tz, record.plan.profile.equipment, unit=unit,
                      kit=kit, check_in=check_in)  # fmt: skip
        deload = record.is_deload(session_id)
        items, notes = coach.items(session.items, session.day, deload=deload)
    return SessionPlan(
        session.day, session.title, items, session_id, record.plan.name, deload=deload,
        notes=notes, check_in=check_in, unit=unit, kit=kit,
    )  # fmt: skip


def sessions_ahead(
    uow: UnitOfWork, user_id: int, record: PlanRecord, today: date, tz: tzinfo
) -> list[tuple[int, PlanSession]]:
    """The plan's sessions from today on that are not done yet, in order (inside a uow)."""
    done = uow.workouts.finished_sessions(user_id, record.session_ids)
    upcoming = [
        (session_id, session)
        for session_id, session in zip(record.session_ids, record.plan.sessions, strict=True)
        if session.day >= today and session_id not in done
    ]
    if upcoming and upcoming[0][1].day == today and _logged_today(uow, user_id, today, tz,
                                                                  upcoming[0][1]):  # fmt: skip
        upcoming = upcoming[1:]
    return upcoming


def _logged_today(
    uow: UnitOfWork, user_id: int, today: date, tz: tzinfo, session: PlanSession
) -> bool:
    """Whether sets logged today (freely, outside a guided workout) cover today's session."""
    midnight = datetime.combine(today, time(0), tzinfo=tz).astimezone(UTC)
    # A guided workout still open is today's session in progress, not a finished one.
    workouts = uow.workouts.started_since(user_id, midnight)
    logged = [s for w in workouts if w.ended_at or w.source != "workout" for s in w.sets]
    return covered(session, logged)


def adhoc_session(
    *,
    uow: UnitOfWork,
    user_id: int,
    exercises: Sequence[str],
    today: date,
    tz: tzinfo,
    catalogue: Catalogue | None = None,
) -> SessionPlan:
    """A session of exercises chosen by name or id, each with this person's dose and the
    engine's target."""
    if not exercises:
        raise InvalidInput("exercise", "none given", "one or more exercise ids or names")
    catalogue = _catalogue(uow, user_id, catalogue)
    chosen = [catalogue.resolve(name) for name in exercises]
    with uow:
        profile = _profile(uow, user_id)
        unit = profile.units if profile else WeightUnit.KG
        kit = kit_for(uow, user_id, unit)
        coach = Coach(uow, catalogue, user_id, tz, profile.equipment if profile else None,
                      unit=unit, kit=kit, check_in=uow.check_ins.on(user_id, today))  # fmt: skip
        items, notes = coach.items([item_of(e, profile) for e in chosen], today)
    return SessionPlan(today, "Your own session", items, notes=notes, unit=unit, kit=kit)


def start_workout(
    *, uow: UnitOfWork, clock: Clock, user_id: int, session: SessionPlan
) -> GuidedWorkout:
    """Open a guided workout for a session, keeping its targets for next time's suggestions.

    A person has one open guided workout at most (the database holds to it): one left open
    for longer than RESUMABLE is closed first, and a start that loses a race with another
    start at the same moment gets the workout that won.
    """
    now = clock.now()
    workout = Workout(
        started_at=now,
        sets=(),
        name=session.title,
        source=GUIDED_SOURCE,
        planned_session_id=session.session_id,
    )
    with uow:
        uow.workouts.close_stale(user_id, GUIDED_SOURCE, started_before=now - RESUMABLE)
        workout_id = uow.workouts.add_unless_taken(
            user_id, replace(workout, source_key=workout.key), created_at=now
        )
        if workout_id is None:
            opened = uow.workouts.open_since(user_id, GUIDED_SOURCE, now - RESUMABLE)
            found = opened[0] if opened is not None else None
            if found is None or found.id is None:
                raise Conflict("a workout was started at this very moment; try again")
            return GuidedWorkout(found.id, found.started_at, session, found.sets)
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
        add_guided_set(uow, clock, user_id, workout_id, logged)
        uow.commit()


def add_guided_set(
    uow: UnitOfWork, clock: Clock, user_id: int, workout_id: int, logged: LoggedSet
) -> None:
    """Add one set to an open guided workout inside the caller's transaction (not committed).

    For a caller that commits the set together with more, such as an idempotency key.
    """
    check_guided_open(uow, user_id, workout_id)
    uow.workouts.append_sets(user_id, workout_id, [logged], clock.now())


def swap_item(
    *,
    uow: UnitOfWork,
    user_id: int,
    workout_id: int,
    position: int,
    exercise_id: str,
    today: date,
    tz: tzinfo,
    catalogue: Catalogue | None = None,
) -> SessionItem:
    """Replace the item at `position` of an open workout by another exercise, with its target."""
    catalogue = _catalogue(uow, user_id, catalogue)
    exercise = catalogue.get(exercise_id)
    with uow:
        check_guided_open(uow, user_id, workout_id)
        stored = uow.workouts.targets(user_id, [workout_id]).get(workout_id, [])
        if not 0 <= position < len(stored):
            raise InvalidInput("position", f"{position}", f"0-{len(stored) - 1}")
        was, _ = stored[position]
        profile = _profile(uow, user_id)
        unit = profile.units if profile else WeightUnit.KG
        coach = Coach(
            uow, catalogue, user_id, tz, profile.equipment if profile else None, workout_id,
            unit=unit, kit=kit_for(uow, user_id, unit),
        )  # fmt: skip
        planned = replace(item_of(exercise, profile), role=was.role)
        item = coach.item(planned, today)
        stored[position] = (item.as_plan_item(), item.target)
        uow.workouts.set_targets(user_id, workout_id, stored)
        uow.commit()
    return item


def swap_options(
    *,
    uow: UnitOfWork,
    user_id: int,
    exercise_id: str,
    catalogue: Catalogue | None = None,
) -> list[Exercise]:
    """Exercises to do instead: same pattern and kind, doable with the person's kit and level.

    Those sharing the most primary muscles come first; exercises the person's limitations
    rule out are left out.
    """
    catalogue = _catalogue(uow, user_id, catalogue)
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
    *,
    uow: UnitOfWork,
    clock: Clock,
    user_id: int,
    tz: tzinfo,
    catalogue: Catalogue | None = None,
) -> GuidedWorkout | None:
    """The person's unfinished guided workout of the last day, to resume, if there is one.

    A caller that has the person's catalogue already may pass it.
    """
    catalogue = _catalogue(uow, user_id, catalogue)
    with uow:
        opened = uow.workouts.open_since(user_id, GUIDED_SOURCE, clock.now() - RESUMABLE)
        if opened is None:
            return None
        found, stored = opened
        if found.id is None:
            return None
        profile = _profile(uow, user_id)
        unit = profile.units if profile else WeightUnit.KG
        kit = kit_for(uow, user_id, unit)
        coach = Coach(
            uow, catalogue, user_id, tz, None, excluding=found.id, reads_shown_targets=False,
            unit=unit, kit=kit,
        )  # fmt: skip
        items = coach.resumed_items(stored)
    day = found.started_at.astimezone(tz).date()
    session = SessionPlan(day, found.name, items, found.planned_session_id, unit=unit, kit=kit)
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


def check_guided_open(
    uow: UnitOfWork, user_id: int, workout_id: int, *, finished_too: bool = False
) -> None:
    """Check the workout is the person's, guided and still open (its sets are not read)."""
    workout = uow.workouts.get(user_id, workout_id, with_sets=False)
    if workout is None or workout.source != GUIDED_SOURCE:
        raise NotFound("guided workout", str(workout_id))
    if workout.ended_at is not None and not finished_too:
        raise Conflict(f"workout {workout_id} is finished; start a new one with `backtone workout`")


def _profile(uow: UnitOfWork, user_id: int) -> Profile | None:
    """The saved profile, else the current plan's."""
    profile = uow.profiles.get(user_id)
    if profile is None and (record := uow.plans.current(user_id)) is not None:
        profile = record.plan.profile
    return profile
