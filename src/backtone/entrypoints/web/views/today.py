"""Today's workout: the coach's next session as exercise cards, started, logged set by set.

Before the workout starts the cards preview the session; once started, each card shows the
sets done and a quick entry filled with the value to aim for (last time's, or the target).
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from backtone.domain.catalogue import Catalogue
from backtone.domain.training import LoggedSet, WeightUnit
from backtone.domain.vocabulary import LoadKind
from backtone.entrypoints.web.views.coach import coach_rule
from backtone.entrypoints.web.views.history import SetView, set_text, set_view
from backtone.services.coaching import GuidedWorkout, SessionItem, SessionPlan
from backtone.services.readiness import check_in_words
from backtone.services.session_plan import ticked_off
from backtone.services.today import Today
from backtone.services.workout_summary import WorkoutSummary


class RampView(BaseModel):
    """A ramp-up set before a heavy lift, in the person's unit."""

    reps: int
    load: float | None
    text: str
    done: bool


class CardView(BaseModel):
    position: int
    exercise_id: str
    name: str
    role: str
    target: str
    plan: str = Field(description="The plan's numbers where today differs from them, else ''")
    seed: bool = Field(description="Today keeps a seed article's own numbers")
    rung: int | None = Field(description="Its step on a ladder, 0 = the first; none off them")
    from_kit: bool = Field(description="The target's load is one of the person's kit")
    ramp: list[RampView]
    reason: str
    sets: int
    rest_seconds: int
    timed: bool
    loaded: bool = Field(description="A load can be added (not a drill done unloaded)")
    tick: bool = Field(description="Ticked as done rather than logged: a warm-up, stretch, drill")
    ticked: bool = Field(description="Ticked as done in the open workout")
    form_rule: str | None = Field(description="The form rule a video check uses; none, no check")
    cues: list[str]
    last: str | None
    logged: list[SetView]
    reps: int | None  # what the quick entry is filled with
    load: float | None
    seconds: int | None


class TodayView(BaseModel):
    day: date
    unit: str
    deload: bool = False
    notes: list[str] = Field(default=[], description="What today's check-in changed")
    check_in: str | None = Field(default=None, description="Today's check-in, in words")
    has_plan: bool
    started: bool
    workout_id: int | None
    session_id: int | None
    session_day: date | None
    is_today: bool
    title: str
    cards: list[CardView]


def _card(
    position: int,
    item: SessionItem,
    done: tuple[LoggedSet, ...],
    ramped: int,
    catalogue: Catalogue,
    session: SessionPlan,
) -> CardView:
    unit = session.unit
    fill = item.prefill(len(done) + 1)
    return CardView(
        position=position,
        exercise_id=item.exercise_id,
        name=item.name,
        role=item.role.value,
        target=session.target_words(item),
        plan=item.plan_words(),
        seed=item.is_seed,
        rung=item.rung,
        from_kit=item.load_kg is not None,
        ramp=[
            RampView(
                reps=r.reps,
                load=None if r.load_kg is None else round(unit.from_kg(r.load_kg), 1),
                text=f"{r.reps} at {unit.say(r.load_kg)}"
                if r.load_kg
                else f"{r.reps} at {r.percent}%",
                done=n < ramped,
            )
            for n, r in enumerate(item.ramp)
        ],
        reason=item.reason,
        sets=item.sets,
        rest_seconds=item.rest_seconds,
        timed=item.timed,
        loaded=item.load_kind is not LoadKind.UNLOADED,
        tick=item.exercise_id in catalogue
        and ticked_off(item.role, catalogue.get(item.exercise_id).kind),
        ticked=item.ticked,
        form_rule=coach_rule(item.exercise_id),
        cues=list(item.cues[:3]),
        last=", ".join(set_text(s, unit) for s in item.last) if item.last else None,
        logged=[set_view(s, catalogue, unit) for s in done],
        reps=fill.reps,
        load=None if fill.load_kg is None else round(unit.from_kg(fill.load_kg), 1),
        seconds=fill.seconds,
    )


def _view(
    today: date,
    unit: WeightUnit,
    session: SessionPlan,
    catalogue: Catalogue,
    workout: GuidedWorkout | None,
) -> TodayView:
    cards = [
        _card(n, item, workout.done(n) if workout else (), workout.ramped(n) if workout else 0,
              catalogue, session)
        for n, item in enumerate(session.items)
    ]  # fmt: skip
    return TodayView(
        day=today,
        unit=unit.value,
        deload=session.deload,
        notes=list(session.notes),
        check_in=check_in_words(session.check_in) if session.check_in else None,
        has_plan=True,
        started=workout is not None,
        workout_id=workout.workout_id if workout else None,
        session_id=session.session_id,
        session_day=session.day,
        is_today=session.day == today,
        title=session.title,
        cards=cards,
    )


def today_view(found: Today, *, day: date, unit: WeightUnit) -> TodayView:
    """Today's page: the open workout's cards, else the next session's, else what is missing."""
    if found.session is not None:
        return _view(day, unit, found.session, found.catalogue, found.workout)
    return TodayView(
        day=day,
        unit=unit.value,
        has_plan=found.has_plan,
        started=False,
        workout_id=None,
        session_id=None,
        session_day=None,
        is_today=False,
        title="",
        cards=[],
    )


class RecordBroken(BaseModel):
    exercise_id: str
    text: str


class SummaryView(BaseModel):
    workout_id: int
    minutes: int
    exercises: int
    sets: int
    volume: float
    unit: str
    records: list[RecordBroken]
    streak_weeks: int
    streak: str  # "This week: 2 of 3 planned sessions; 4 weeks on plan in a row"


def summary_view(summary: WorkoutSummary, unit: WeightUnit) -> SummaryView:
    return SummaryView(
        workout_id=summary.workout_id,
        minutes=summary.minutes,
        exercises=summary.exercises,
        sets=summary.sets,
        volume=round(unit.from_kg(summary.volume_kg), 1),
        unit=unit.value,
        records=[
            RecordBroken(exercise_id=r.exercise_id, text=r.describe()) for r in summary.records
        ],
        streak_weeks=summary.streak_weeks,
        streak=summary.streak_words(),
    )
