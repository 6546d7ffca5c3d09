"""Use cases for seeing progress: the progress page's figures, body weight, monthly reports."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from backtone.domain.analytics import (
    VOLUME_WEEKS,
    ProgressSummary,
    TrainingHistory,
    summarise_progress,
)
from backtone.domain.analytics_basis import Period
from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import InvalidInput
from backtone.domain.training import check_logged_day
from backtone.domain.vocabulary import Level
from backtone.domain.volume_targets import WEEKLY_TARGETS
from backtone.services.catalogue import catalogue_for
from backtone.services.ports import Clock, UnitOfWork


def progress_summary(
    *,
    uow: UnitOfWork,
    builtin: Catalogue,
    user_id: int,
    today: date,
    tz: tzinfo,
    period: Period | None = None,
) -> ProgressSummary:
    """Every figure of the progress page (or of one month, with `period`)."""
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=user_id)
    period = period or Period.last_weeks(today, VOLUME_WEEKS)
    # A day's margin either side of the weeks looked at covers every time zone.
    since = datetime.combine(period.weeks[0] - timedelta(days=1), time(), UTC)
    with uow:
        history = TrainingHistory(
            recent=uow.workouts.started_since(user_id, since),
            digests=uow.workouts.digests(user_id),
            started=uow.workouts.start_times(user_id),
        )
        record = uow.plans.current(user_id)
        weights = uow.body_weights.for_user(user_id)
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
    )


def record_body_weight(
    *,
    uow: UnitOfWork,
    clock: Clock,
    user_id: int,
    kg: float,
    on: date | None = None,
    tz: tzinfo = UTC,
) -> None:
    """Note today's (or a past day's) body weight in kilograms."""
    if not 25 <= kg <= 350:
        raise InvalidInput("body weight", f"{kg:g} kg is not a possible weight", "25-350 kg")
    now = clock.now()
    if on is not None:
        check_logged_day(on, now.astimezone(tz).date())
    when = now if on is None else datetime.combine(on, time(8), tz).astimezone(UTC)
    with uow:
        uow.body_weights.add(user_id, when, kg)
        uow.commit()


def month_period(text: str) -> Period:
    """A month as typed, YYYY-MM."""
    try:
        year, month = (int(part) for part in text.split("-"))
        return Period.month(year, month)
    except (ValueError, TypeError, InvalidInput):
        raise InvalidInput("--month", f"{text!r} is not a month", "YYYY-MM, e.g. 2026-11") from None
