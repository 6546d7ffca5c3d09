"""Today's workout: the planned session as exercise cards, with last time's values to hand."""

from __future__ import annotations

from datetime import date, tzinfo

from pydantic import BaseModel

from backtone.domain.account import Account
from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import NotFound
from backtone.domain.plan import PlanItem
from backtone.domain.training import WeightUnit, Workout
from backtone.entrypoints.web.views.history import SetView, set_text, set_view
from backtone.services.catalogue import catalogue_for
from backtone.services.plans import current_plan
from backtone.services.ports import UnitOfWork
from backtone.services.training_log import workout_history


class LastTime(BaseModel):
    day: date
    text: str


class CardView(BaseModel):
    exercise_id: str
    name: str
    role: str
    target: str
    sets: int
    rest_seconds: int
    timed: bool
    summary: str
    cues: list[str]
    last: LastTime | None
    logged: list[SetView]
    reps: int | None  # what the quick entry is filled with
    load: float | None
    seconds: float | None


class TodayView(BaseModel):
    day: date
    unit: str
    has_plan: bool
    plan_id: int | None
    session_id: int | None
    session_day: date | None
    is_today: bool
    title: str
    minutes: int
    cards: list[CardView]


def _card(
    item: PlanItem,
    catalogue: Catalogue,
    history: list[Workout],
    *,
    today: date,
    tz: tzinfo,
    unit: WeightUnit,
) -> CardView:
    exercise = catalogue.get(item.exercise_id) if item.exercise_id in catalogue else None
    done_today = [w for w in history if w.started_at.astimezone(tz).date() == today]
    before = [w for w in history if w.started_at.astimezone(tz).date() < today]
    logged = [s for w in done_today for s in w.sets]
    previous = before[0].sets[-1] if before and before[0].sets else None
    source = logged[-1] if logged else previous
    timed = item.seconds is not None
    reps = (
        source.reps
        if source and source.reps is not None
        else (item.reps.low if item.reps else None)
    )
    seconds = (
        source.duration_seconds
        if source and source.duration_seconds is not None
        else (float(item.seconds.low) if item.seconds else None)
    )
    load = round(unit.from_kg(source.load_kg), 1) if source and source.load_kg else None
    return CardView(
        exercise_id=item.exercise_id,
        name=item.name,
        role=item.role.value,
        target=item.describe(),
        sets=item.sets,
        rest_seconds=item.rest_seconds,
        timed=timed,
        summary=exercise.summary if exercise else "",
        cues=list(exercise.cues[:3]) if exercise else [],
        last=(
            LastTime(
                day=before[0].started_at.astimezone(tz).date(),
                text=", ".join(set_text(s, unit) for s in before[0].sets),
            )
            if before
            else None
        ),
        logged=[set_view(s, catalogue, unit) for s in logged],
        reps=None if timed else reps,
        load=load,
        seconds=seconds if timed else None,
    )


def today_view(
    *,
    uow: UnitOfWork,
    builtin: Catalogue,
    account: Account,
    today: date,
    tz: tzinfo,
    unit: WeightUnit,
) -> TodayView:
    """The session planned for today, or the next one, with what was logged so far."""
    empty = TodayView(
        day=today,
        unit=unit.value,
        has_plan=False,
        plan_id=None,
        session_id=None,
        session_day=None,
        is_today=False,
        title="",
        minutes=0,
        cards=[],
    )
    try:
        record = current_plan(uow=uow, user_id=account.id)
    except NotFound:
        return empty
    found = record.session_on(today) or record.next_session(today)
    if found is None:
        return empty.model_copy(update={"has_plan": True, "plan_id": record.id})
    session_id, session = found
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=account.id)
    cards = []
    with uow:
        for item in session.items:
            history = workout_history(
                uow=uow, user_id=account.id, limit=2, exercise_id=item.exercise_id
            )
            cards.append(_card(item, catalogue, history, today=today, tz=tz, unit=unit))
    return TodayView(
        day=today,
        unit=unit.value,
        has_plan=True,
        plan_id=record.id,
        session_id=session_id,
        session_day=session.day,
        is_today=session.day == today,
        title=session.title,
        minutes=session.estimated_minutes,
        cards=cards,
    )
