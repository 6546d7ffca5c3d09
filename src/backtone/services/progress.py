"""Use cases for seeing progress: the progress page's figures, body weight, monthly reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from backtone.domain.analytics import (
    VOLUME_WEEKS,
    ProgressSummary,
    TrainingHistory,
    summarise_progress,
)
from backtone.domain.analytics_basis import Period
from backtone.domain.analytics_bodyweight import check_body_weight
from backtone.domain.analytics_strength import LadderStanding
from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import InvalidInput
from backtone.domain.ladders import PULL_UP_LADDER, Ladder
from backtone.domain.plan import PlanItem, Role
from backtone.domain.plan_record import PlanRecord
from backtone.domain.posture import PostureTrend
from backtone.domain.records import ExerciseRecords
from backtone.domain.training import WeightUnit, check_logged_day
from backtone.domain.vocabulary import Level
from backtone.domain.volume_targets import WEEKLY_TARGETS
from backtone.services.coach import Coach, item_of, kit_for, support_items
from backtone.services.coaching import sessions_ahead
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork
from backtone.services.posture import posture_history
from backtone.services.training_log import personal_records


def progress_summary(
    *, uow: UnitOfWork, caller: Caller, period: Period | None = None
) -> ProgressSummary:
    """Every figure of the progress page (or of one month, with `period`: read as on its last
    day while it is not over)."""
    user_id, tz = caller.user_id, caller.tz
    today = caller.today if period is None else min(period.last, caller.today)
    period = period or Period.last_weeks(today, VOLUME_WEEKS)
    # A day's margin either side of the weeks looked at covers every time zone.
    since = datetime.combine(period.weeks[0] - timedelta(days=1), time(), UTC)
    end = min(period.last, today)
    with uow:
        catalogue = uow.catalogue(user_id)
        history = TrainingHistory(
            recent=uow.workouts.started_since(user_id, since),
            digests=uow.workouts.digests(user_id),
            started=uow.workouts.start_times(user_id),
        )
        record = uow.plans.current(user_id)
        weights = uow.body_weights.for_user(user_id)
        ladder = ladder_standing(uow, catalogue, user_id, record, end, tz)
    level = record.plan.profile.level if record else Level.BEGINNER
    return summarise_progress(
        history,
        catalogue,
        tz=tz,
        today=today,
        planned_sessions=record.plan.sessions if record else (),
        targets=WEEKLY_TARGETS[level],
        body_weights=weights,
        period=period,
        ladder=ladder,
    )


@dataclass(frozen=True)
class ProgressPage:
    summary: ProgressSummary
    records: list[ExerciseRecords]
    catalogue: Catalogue  # names the exercises of the records


def progress_page(*, uow: UnitOfWork, caller: Caller) -> ProgressPage:
    """The progress page: the figures of the last weeks and every personal record."""
    with uow:
        summary = progress_summary(uow=uow, caller=caller)
        records = personal_records(uow=uow, caller=caller)
        return ProgressPage(summary, records, uow.catalogue(caller.user_id))


def ladder_standing(
    uow: UnitOfWork,
    catalogue: Catalogue,
    user_id: int,
    record: PlanRecord | None,
    on: date,
    tz: tzinfo,
    ladder: Ladder = PULL_UP_LADDER,
) -> LadderStanding | None:
    """Where the coach has the person on a ladder on `on` (inside a uow), None before they
    worked on it: the target the progression engine gives the plan's next session holding
    the ladder (the lead item where it holds two steps), so this is the step `backtone next`
    shows. Without such a session, the ladder move last logged is coached on its own."""
    profile = uow.profiles.get(user_id) or (record.plan.profile if record else None)
    unit = profile.units if profile else WeightUnit.KG
    kit = kit_for(uow, user_id, unit)
    coach = Coach(
        uow, catalogue, user_id, tz, profile.equipment if profile else None, unit=unit, kit=kit,
        before=datetime.combine(on + timedelta(days=1), time(), tz).astimezone(UTC),
    )  # fmt: skip
    history = coach.exposures(ladder.exercise_ids)
    if not history:
        return None
    planned, day, deload = _ladder_item(uow, user_id, record, on, tz, ladder)
    if planned is None:
        latest = max(history, key=lambda e: e.day)
        planned = item_of(catalogue.get(latest.exercise_id), profile)
    coach.check_in = uow.check_ins.on(user_id, day)
    item = coach.item(planned, day, deload=deload)
    if item.rung is None:
        return None
    following = ladder.rungs[item.rung + 1] if item.rung + 1 < len(ladder.rungs) else None
    next_step = ""
    if following is not None:
        move = next((catalogue.get(i).name for i in following.exercise_ids if i in catalogue),
                    following.exercise_ids[0])  # fmt: skip
        next_step = f"{move} {following.target()}"
    return LadderStanding(
        ladder=ladder, rung=item.rung, exercise_id=item.exercise_id, name=item.name,
        target=f"{item.sets} x {item.amount()}{item.load_words(unit, kit)}",
        reason=item.reason, next_step=next_step,
    )  # fmt: skip


def _ladder_item(
    uow: UnitOfWork,
    user_id: int,
    record: PlanRecord | None,
    on: date,
    tz: tzinfo,
    ladder: Ladder,
) -> tuple[PlanItem | None, date, bool]:
    """The lead item of the ladder in the plan's next session that holds it, that session's
    day and whether it falls in a deload week; no item (and `on`) without one."""
    if record is not None:
        for session_id, session in sessions_ahead(uow, user_id, record, on, tz):
            mains = [i for i in session.items if i.role is Role.MAIN]
            support = support_items(mains)
            lead = [i for i in mains if i.exercise_id in ladder.exercise_ids and i not in support]
            if lead:
                return lead[0], session.day, record.is_deload(session_id)
    return None, on, False


def record_body_weight(
    *,
    uow: UnitOfWork,
    clock: Clock,
    user_id: int,
    kg: float,
    on: date | None = None,
    tz: tzinfo = UTC,
) -> datetime:
    """Note today's (or a past day's) body weight in kilograms; returns when it counts."""
    check_body_weight(kg)
    now = clock.now()
    if on is not None:
        check_logged_day(on, now.astimezone(tz).date())
    when = now if on is None else datetime.combine(on, time(8), tz).astimezone(UTC)
    with uow:
        uow.body_weights.add(user_id, when, kg)
        uow.commit()
    return when


def body_weight_log(*, uow: UnitOfWork, caller: Caller) -> list[tuple[datetime, float]]:
    """Every body weight the person noted, oldest first, in kilograms."""
    with uow:
        return uow.body_weights.for_user(caller.user_id)


@dataclass(frozen=True)
class MonthlyReport:
    """A month's figures and the posture checks up to its end: what the report shows."""

    summary: ProgressSummary
    posture: PostureTrend


def monthly_report(*, uow: UnitOfWork, caller: Caller, month: str) -> MonthlyReport:
    """One month's report, YYYY-MM; a month that has not begun is refused."""
    period = month_period(month)
    if period.first > caller.today:
        raise InvalidInput("month", f"{month} has not begun", f"a month up to {caller.today:%Y-%m}")
    summary = progress_summary(uow=uow, caller=caller, period=period)
    posture = posture_history(uow=uow, caller=caller, until=period.last)
    return MonthlyReport(summary, posture)


def month_period(text: str) -> Period:
    """A month as typed, YYYY-MM."""
    try:
        year, month = (int(part) for part in text.split("-"))
        return Period.month(year, month)
    except (ValueError, TypeError, InvalidInput):
        raise InvalidInput("month", f"{text!r} is not a month", "YYYY-MM, e.g. 2026-11") from None
