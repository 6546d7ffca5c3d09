"""A guided workout from the web: start today's session, log sets, swap an exercise, finish."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from pydantic import BaseModel, Field

from backtone.domain.account import Account
from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import NotFound
from backtone.domain.training import WeightUnit
from backtone.entrypoints.web.retries import once
from backtone.entrypoints.web.views.history import set_view
from backtone.entrypoints.web.views.sets import LoggedView, SetRequest, logged_set
from backtone.entrypoints.web.views.today import SwapView
from backtone.services.catalogue import catalogue_for
from backtone.services.coaching import (
    add_guided_set,
    add_set_sent_later,
    next_session,
    open_workout,
    start_workout,
    swap_item,
    swap_options,
    tick_item,
)
from backtone.services.ports import Clock, UnitOfWork


class SwapRequest(BaseModel):
    position: int = Field(ge=0, le=100)
    exercise_id: str = Field(min_length=1, max_length=120)


def start_today(
    *, uow: UnitOfWork, builtin: Catalogue, clock: Clock, account: Account, today: date, tz: tzinfo
) -> int:
    """Open today's guided workout; one already open is returned, so a double tap starts one."""
    found = open_workout(uow=uow, builtin=builtin, clock=clock, user_id=account.id, tz=tz)
    if found is not None:
        return found.workout_id
    session = next_session(uow=uow, builtin=builtin, user_id=account.id, today=today, tz=tz)
    return start_workout(uow=uow, clock=clock, user_id=account.id, session=session).workout_id


class KeptView(LoggedView):
    """A set a phone kept while offline, as stored, and what the rules did with it."""

    notice: str = Field(default="", description="Where the set went if not where it was sent")


def log_to_workout(
    *,
    uow: UnitOfWork,
    clock: Clock,
    builtin: Catalogue,
    account: Account,
    workout_id: int,
    entry: SetRequest,
    default_unit: WeightUnit,
    idempotency_key: str | None,
    sent_later: bool = False,
    logged_at: datetime | None = None,
) -> tuple[KeptView, bool]:
    """Add one set to the person's open workout; a retry with the same key adds nothing.

    A set the phone kept while offline (`sent_later`) follows the rules of
    `add_set_sent_later`: it joins a workout finished elsewhere, or one recreated for it.
    """
    unit = WeightUnit(entry.unit) if entry.unit else default_unit
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=account.id)
    exercise = catalogue.get(entry.exercise_id)
    done = logged_set(entry.model_copy(update={"exercise_id": exercise.id}), unit)

    def action() -> dict[str, object]:
        went_to, notice = workout_id, ""
        if sent_later:
            went_to, notice = add_set_sent_later(
                uow, clock, account.id, workout_id, done, logged_at
            )
        else:
            add_guided_set(uow, clock, account.id, workout_id, done)
        view = KeptView(
            workout_id=went_to,
            exercise_id=exercise.id,
            exercise=exercise.name,
            sets=[set_view(done, catalogue, unit)],
            notice=notice,
        )
        # Kept as before for a set sent at once: the stored answer of a retried request.
        return view.model_dump(mode="json", exclude=None if notice else {"notice"})

    stored, replayed = once(
        uow=uow,
        clock=clock,
        account=account,
        key=idempotency_key,
        action=action,
        scope=f"log a set of workout {workout_id}",
        body=entry,
    )
    return KeptView.model_validate(stored), replayed


class TickRequest(BaseModel):
    position: int = Field(ge=0, le=100)
    done: bool = True


class TickedView(BaseModel):
    workout_id: int
    position: int
    exercise_id: str
    done: bool


def tick(
    *,
    uow: UnitOfWork,
    clock: Clock,
    builtin: Catalogue,
    account: Account,
    workout_id: int,
    request: TickRequest,
    idempotency_key: str | None,
    sent_later: bool = False,
) -> TickedView:
    """Tick a warm-up, stretch or drill as done; a retry with the same key changes nothing."""
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=account.id)

    def action() -> dict[str, object]:
        exercise_id = tick_item(
            uow, catalogue, account.id, workout_id, request.position,
            done=request.done, sent_later=sent_later,
        )  # fmt: skip
        return TickedView(
            workout_id=workout_id,
            position=request.position,
            exercise_id=exercise_id,
            done=request.done,
        ).model_dump(mode="json")

    stored, _ = once(
        uow=uow,
        clock=clock,
        account=account,
        key=idempotency_key,
        action=action,
        scope=f"tick an item of workout {workout_id}",
        body=request,
    )
    return TickedView.model_validate(stored)


def swaps(
    *,
    uow: UnitOfWork,
    builtin: Catalogue,
    clock: Clock,
    account: Account,
    workout_id: int,
    position: int,
    tz: tzinfo,
) -> SwapView:
    """What could replace the exercise at `position` of the person's open workout."""
    found = open_workout(uow=uow, builtin=builtin, clock=clock, user_id=account.id, tz=tz)
    if found is None or found.workout_id != workout_id:
        raise NotFound("open workout", str(workout_id))
    if not 0 <= position < len(found.session.items):
        raise NotFound("exercise in this workout", str(position))
    item = found.session.items[position]
    options = swap_options(
        uow=uow, builtin=builtin, user_id=account.id, exercise_id=item.exercise_id
    )
    return SwapView(
        workout_id=workout_id,
        position=position,
        exercise_id=item.exercise_id,
        name=item.name,
        options=[{"id": e.id, "name": e.name} for e in options],
    )


def swap(
    *,
    uow: UnitOfWork,
    builtin: Catalogue,
    account: Account,
    workout_id: int,
    request: SwapRequest,
    today: date,
    tz: tzinfo,
    clock: Clock | None = None,
    idempotency_key: str | None = None,
) -> None:
    """Swap an exercise of the open workout; with a key (and the clock), a retry swaps once."""

    def action() -> dict[str, object]:
        item = swap_item(
            uow=uow,
            builtin=builtin,
            user_id=account.id,
            workout_id=workout_id,
            position=request.position,
            exercise_id=request.exercise_id,
            today=today,
            tz=tz,
        )
        return {"workout_id": workout_id, "position": request.position, "to": item.exercise_id}

    if clock is None or idempotency_key is None:
        action()
        return
    once(
        uow=uow,
        clock=clock,
        account=account,
        key=idempotency_key,
        action=action,
        scope=f"swap an exercise of workout {workout_id}",
        body=request,
    )
