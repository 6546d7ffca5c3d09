"""What today holds for a person: the workout they have open, else the next planned session.

Today's page (web and API), `backtone next` and `backtone workout` read it here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import NotFound
from backtone.services.coaching import (
    GuidedWorkout,
    SessionPlan,
    adhoc_session,
    next_session,
    open_workout,
)
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork


@dataclass(frozen=True)
class Today:
    """The open workout (its session inside), else the session to start; neither without a
    plan or with every session done (`has_plan` tells which)."""

    catalogue: Catalogue
    has_plan: bool
    workout: GuidedWorkout | None = None
    session: SessionPlan | None = None


def today(*, uow: UnitOfWork, clock: Clock, caller: Caller) -> Today:
    """The open workout if there is one, else the next planned session to start."""
    with uow:
        catalogue = uow.catalogue(caller.user_id)
    user_id, tz = caller.user_id, caller.tz
    workout = open_workout(uow=uow, clock=clock, user_id=user_id, tz=tz, catalogue=catalogue)
    if workout is not None:
        return Today(catalogue, True, workout, workout.session)
    with uow:
        if uow.plans.current(user_id) is None:
            return Today(catalogue, False)
    try:
        session = upcoming(uow=uow, caller=caller, catalogue=catalogue)
    except NotFound:
        return Today(catalogue, True)
    return Today(catalogue, True, None, session)


def upcoming(*, uow: UnitOfWork, caller: Caller, catalogue: Catalogue | None = None) -> SessionPlan:
    """The next planned session not yet done, with the coach's targets (`backtone next`)."""
    return next_session(
        uow=uow, user_id=caller.user_id, today=caller.today, tz=caller.tz,
        catalogue=catalogue, unit=caller.unit,
    )  # fmt: skip


@dataclass(frozen=True)
class ToDo:
    """What `backtone workout` offers: a workout to resume, and the session to do."""

    unfinished: GuidedWorkout | None
    session: SessionPlan | None


def to_do(*, uow: UnitOfWork, clock: Clock, caller: Caller, exercises: Sequence[str] = ()) -> ToDo:
    """The open workout to resume if any, and the session to do: the chosen exercises, else the
    next planned session. Without a session, the NotFound goes up unless there is one to resume.
    """
    unfinished = open_workout(uow=uow, clock=clock, user_id=caller.user_id, tz=caller.tz)
    try:
        if exercises:
            session = adhoc_session(
                uow=uow, user_id=caller.user_id, exercises=exercises, today=caller.today,
                tz=caller.tz,
            )  # fmt: skip
        else:
            session = upcoming(uow=uow, caller=caller)
    except NotFound:
        if unfinished is None:
            raise
        session = None
    return ToDo(unfinished, session)
