"""The plan page's view model: weeks of dated sessions, each a list of prescribed items."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from backtone.domain.plan_record import PlanRecord, PlanSummary


class ItemView(BaseModel):
    exercise_id: str
    name: str
    role: str
    sets: int
    amount: str
    rest_seconds: int
    note: str
    seed: bool
    ramp: str


class SessionView(BaseModel):
    id: int
    day: date
    weekday: str
    title: str
    minutes: int
    items: list[ItemView]


class WeekView(BaseModel):
    number: int
    deload: bool
    focus: str
    sessions: list[SessionView]


class PlanView(BaseModel):
    id: int
    owner: str
    name: str
    start: date
    created_at: datetime
    is_current: bool
    profile: str
    emphasis: str = ""
    notes: list[str]
    weeks: list[WeekView]


class PlanSummaryView(BaseModel):
    id: int
    name: str
    start: date
    created_at: datetime
    weeks: int
    sessions: int
    is_current: bool


def plan_view(record: PlanRecord, owner: str) -> PlanView:
    ids = iter(record.session_ids)
    plan = record.plan
    return PlanView(
        id=record.id,
        owner=owner,
        name=plan.name,
        start=plan.start,
        created_at=record.created_at,
        is_current=record.is_current,
        profile=plan.profile.describe(),
        emphasis=plan.profile.emphasis.value,
        notes=list(plan.notes),
        weeks=[
            WeekView(
                number=week.number,
                deload=week.deload,
                focus=week.focus,
                sessions=[
                    SessionView(
                        id=next(ids),
                        day=s.day,
                        weekday=s.weekday_name,
                        title=s.title,
                        minutes=s.estimated_minutes,
                        items=[
                            ItemView(
                                exercise_id=i.exercise_id,
                                name=i.name,
                                role=i.role.value,
                                sets=i.sets,
                                amount=i.amount(),
                                rest_seconds=i.rest_seconds,
                                note=i.note,
                                seed=i.is_seed,
                                ramp=i.ramp_words(),
                            )
                            for i in s.items
                        ],
                    )
                    for s in week.sessions
                ],
            )
            for week in plan.weeks
        ],
    )


def summary_view(summary: PlanSummary) -> PlanSummaryView:
    return PlanSummaryView(
        id=summary.id,
        name=summary.name,
        start=summary.start,
        created_at=summary.created_at,
        weeks=summary.weeks,
        sessions=summary.sessions,
        is_current=summary.is_current,
    )
