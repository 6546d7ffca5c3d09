"""The progress page's view model: records, weekly hard sets, balance, streaks, the ladder."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from backtone.domain.analytics import LadderStanding, ProgressSummary
from backtone.domain.catalogue import Catalogue
from backtone.domain.records import ExerciseRecords, Record
from backtone.domain.training import WeightUnit
from backtone.services.progress import ProgressPage

CHARTS = ("volume", "consistency", "balance", "strength", "pullups", "heatmap", "bodyweight")
SHOWN_WEEKS = 6


class RecordView(BaseModel):
    exercise_id: str
    exercise: str
    estimated_1rm: float | None
    estimated_1rm_detail: str
    most_reps: int | None
    most_reps_detail: str
    best_volume: float | None
    least_help: float | None  # an assisted move's record: the least help needed
    unit: str


class RegionRow(BaseModel):
    region: str
    hard_sets: list[int]
    target: str


class LadderView(BaseModel):
    """Where the coach has you on the pull-up ladder: the step `next` and today show."""

    rung: int  # 0 = the first step, as `next --json` and the plan's JSON count
    of: int
    exercise_id: str
    target: str
    reason: str
    next_step: str
    words: str  # "step 5 of 9: Close-grip pull-up 2 x 1-3"


def _ladder(standing: LadderStanding) -> LadderView:
    return LadderView(
        rung=standing.rung, of=standing.rungs, exercise_id=standing.exercise_id,
        target=standing.target, reason=standing.reason, next_step=standing.next_step,
        words=standing.words(),
    )  # fmt: skip


class ProgressView(BaseModel):
    owner: str
    first: date
    last: date
    weeks: list[date]
    regions: list[RegionRow]
    balance_flags: list[str]
    balance_advice: list[str]  # a sentence per flag, or why it is too early to say
    sessions_done: int
    sessions_planned: int
    current_streak: int
    best_streak: int
    streak: str  # "3 weeks on plan in a row (best 5)"
    ladder: LadderView | None
    new_records: list[str]
    records: list[RecordView]
    charts: list[str]


def _record(r: ExerciseRecords, catalogue: Catalogue, unit: WeightUnit) -> RecordView:
    def value(rec: Record | None) -> float | None:
        return None if rec is None else round(unit.from_kg(rec.value), 1)

    reps = r.most_reps_in_a_set
    return RecordView(
        exercise_id=r.exercise_id,
        exercise=catalogue.get(r.exercise_id).name if r.exercise_id in catalogue else r.exercise_id,
        estimated_1rm=value(r.epley_1rm),
        estimated_1rm_detail=r.epley_1rm.detail if r.epley_1rm else "",
        most_reps=None if reps is None else int(reps.value),
        most_reps_detail=reps.detail if reps else "",
        best_volume=value(r.best_volume_session),
        least_help=round(unit.from_kg(r.least_help[0]), 1) if r.least_help else None,
        unit=unit.value,
    )


def progress_view(page: ProgressPage, *, owner: str, unit: WeightUnit) -> ProgressView:
    summary, records, catalogue = page.summary, page.records, page.catalogue
    volume = summary.volume
    weeks = list(volume.weeks[-SHOWN_WEEKS:])
    rows = []
    for region in volume.regions:
        target = volume.targets.get(region)
        counts = list(volume.hard_sets.get(region, ()))[-len(weeks) :] if weeks else []
        rows.append(
            RegionRow(
                region=region,
                hard_sets=counts,
                target=f"{target[0]}-{target[1]}" if target else "",
            )
        )
    ladder = summary.ladder
    return ProgressView(
        owner=owner,
        first=summary.period.first,
        last=summary.period.last,
        weeks=weeks,
        regions=rows,
        balance_flags=[f.value for f in summary.balance.flags],
        balance_advice=list(summary.balance.messages)
        or ([summary.balance.waiting] if summary.balance.waiting else []),
        sessions_done=summary.consistency.sessions_done,
        sessions_planned=summary.consistency.sessions_planned,
        current_streak=summary.consistency.current_streak,
        best_streak=summary.consistency.best_streak,
        streak=summary.consistency.streak_words(),
        ladder=_ladder(ladder) if ladder else None,
        new_records=[r.exercise_id for r in summary.new_records],
        records=[_record(r, catalogue, unit) for r in records],
        charts=list(CHARTS),
    )


def chart_svg(summary: ProgressSummary, *, name: str, unit: WeightUnit) -> bytes:
    from backtone.adapters.formats.charts import ChartFormat, render_chart

    return render_chart(name, summary, unit=unit, fmt=ChartFormat.SVG).image
