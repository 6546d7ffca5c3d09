"""Progress analytics: every figure of the progress page and the monthly report at once.

The metrics live in sibling modules (volume, balance, consistency, strength, body weight);
this module gathers them for one person so callers make one call with one set of inputs.
All weights are kilograms; the presentation side converts to the person's unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from backtone.domain.analytics_balance import Balance, BalanceFlag, push_pull_balance
from backtone.domain.analytics_basis import UNKNOWN, Period, iso_label, week_start
from backtone.domain.analytics_bodyweight import BodyWeightTrend, body_weight_trend
from backtone.domain.analytics_consistency import (
    CalendarHeatmap,
    Consistency,
    consistency_of,
    heatmap_from_digests,
)
from backtone.domain.analytics_strength import (
    ExerciseProgress,
    LadderStanding,
    NewRecord,
    RepRecord,
    bodyweight_records,
    new_records,
    progress_from_digests,
)
from backtone.domain.analytics_volume import TargetStatus, WeeklyVolume, weekly_volume
from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise_digest import ExerciseDigest, digest_workouts
from backtone.domain.plan import PlanSession
from backtone.domain.training import Workout
from backtone.domain.vocabulary import Region

__all__ = [
    "UNKNOWN",
    "Balance",
    "BalanceFlag",
    "BodyWeightTrend",
    "CalendarHeatmap",
    "Consistency",
    "ExerciseProgress",
    "LadderStanding",
    "NewRecord",
    "Period",
    "ProgressSummary",
    "RepRecord",
    "TargetStatus",
    "TrainingHistory",
    "WeeklyVolume",
    "iso_label",
    "summarise_progress",
]

VOLUME_WEEKS = 12
HEATMAP_WEEKS = 26


@dataclass(frozen=True)
class ProgressSummary:
    """Everything the progress page or a monthly report shows for one person."""

    period: Period
    volume: WeeklyVolume
    balance: Balance
    consistency: Consistency  # the period's weeks; streaks over the whole history
    heatmap: CalendarHeatmap
    strength: Mapping[str, ExerciseProgress]  # all history up to the period's end
    rep_records: tuple[RepRecord, ...]
    new_records: tuple[NewRecord, ...]  # bests beaten inside the period
    ladder: LadderStanding | None  # where the coach has the person on the pull-up ladder
    body_weight: BodyWeightTrend


@dataclass(frozen=True)
class TrainingHistory:
    """What the metrics read: recent workouts in full, the whole history as digests.

    Weekly volume and balance need every set of the weeks looked at; strength, the ladder,
    the calendar and streaks go back to the first workout, and read digests and start times.
    """

    recent: Sequence[Workout]  # at least every workout of the weeks looked at
    digests: Sequence[ExerciseDigest]  # every workout's, oldest first
    started: Sequence[datetime]  # when each workout holding sets started

    @classmethod
    def of(cls, workouts: Iterable[Workout]) -> TrainingHistory:
        """The history of these workouts, all of them in full."""
        every = sorted(workouts, key=lambda w: w.started_at)
        return cls(every, digest_workouts(every), [w.started_at for w in every if w.sets])


def summarise_progress(
    history: TrainingHistory | Iterable[Workout],
    catalogue: Catalogue,
    *,
    tz: tzinfo,
    today: date,
    planned_sessions: Iterable[PlanSession] = (),
    targets: Mapping[Region, tuple[int, int]] | None = None,
    ladder: LadderStanding | None = None,
    body_weights: Iterable[tuple[datetime, float]] = (),
    period: Period | None = None,
) -> ProgressSummary:
    """All progress metrics for one person; the period defaults to the last 12 weeks.

    Pass the workouts, or a TrainingHistory as storage reads it. For a monthly report pass
    `Period.month(year, month)` and `today` no later than the month's last day: weekly
    figures cover the ISO weeks the month touches, strength uses everything up to its end,
    and streaks are counted up to its end. The ladder standing is the coach's (the service
    reads it with the progression engine) and is passed in as it is.
    """
    if not isinstance(history, TrainingHistory):
        history = TrainingHistory.of(history)
    period = period or Period.last_weeks(today, VOLUME_WEEKS)
    end = min(period.last, today)

    def until_end(when: datetime) -> bool:
        return when.astimezone(tz).date() <= end

    first_week = period.weeks[0]
    in_weeks = [
        w
        for w in history.recent
        if until_end(w.started_at) and week_start(w.started_at.astimezone(tz).date()) >= first_week
    ]
    digests = [d for d in history.digests if until_end(d.started_at)]
    started = [when for when in history.started if until_end(when)]
    progress = progress_from_digests(digests, catalogue, tz=tz)
    return ProgressSummary(
        period=period,
        volume=weekly_volume(in_weeks, catalogue, tz=tz, targets=targets, period=period),
        balance=push_pull_balance(in_weeks, catalogue, tz=tz, period=period),
        consistency=consistency_of(started, planned_sessions, tz=tz, today=end).within(period),
        heatmap=heatmap_from_digests(digests, tz=tz, today=end, weeks=HEATMAP_WEEKS),
        strength=progress,
        rep_records=bodyweight_records(progress, catalogue),
        new_records=new_records(progress, first=period.first, last=end),
        ladder=ladder,
        body_weight=body_weight_trend(
            [(when, kg) for when, kg in body_weights if until_end(when)],
            tz=tz,
        ),
    )
