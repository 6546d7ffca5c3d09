"""Weekly hard sets and volume per muscle region, set beside the plan's weekly targets.

A hard set is any set but a warm-up, of a strength exercise. It counts once for each region
its exercise's primary muscles belong to: the rule the planner uses for its targets, so the
two can be compared. Volume is reps x load in kilograms, added to the same regions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, tzinfo
from enum import StrEnum

from backtone.domain.analytics_basis import (
    ExerciseFacts,
    Period,
    history_period,
    local_day,
    region_order,
    unknown_note,
    week_start,
)
from backtone.domain.catalogue import Catalogue
from backtone.domain.training import SetType, Workout
from backtone.domain.vocabulary import BACK_REGIONS, Region


class TargetStatus(StrEnum):
    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"
    NO_TARGET = "no-target"


@dataclass(frozen=True)
class WeeklyVolume:
    """Per region, one figure per week (Mondays in `weeks`), plus the weekly target range."""

    weeks: tuple[date, ...]
    regions: tuple[str, ...]
    hard_sets: Mapping[str, tuple[int, ...]]
    volume_kg: Mapping[str, tuple[float, ...]]
    targets: Mapping[str, tuple[int, int]]
    unknown_exercises: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        """Why an 'unknown' region shows up, if it does."""
        return unknown_note(self.unknown_exercises)

    def sets_in(self, region: str, week: date) -> int:
        """Hard sets for a region in the ISO week starting on `week` (0 outside the period)."""
        if region not in self.hard_sets or week not in self.weeks:
            return 0
        return self.hard_sets[region][self.weeks.index(week)]

    def status(self, region: str, week: date) -> TargetStatus:
        """Whether the week's hard sets for a region fell below, within or above the target."""
        target = self.targets.get(region)
        if target is None:
            return TargetStatus.NO_TARGET
        sets = self.sets_in(region, week)
        if sets < target[0]:
            return TargetStatus.BELOW
        return TargetStatus.ABOVE if sets > target[1] else TargetStatus.WITHIN

    def average_sets(self, region: str) -> float:
        """Mean hard sets a week for a region over the period (0 for an empty period)."""
        values = self.hard_sets.get(region, ())
        return sum(values) / len(values) if values else 0.0

    def total_volume_kg(self, region: str) -> float:
        return sum(self.volume_kg.get(region, ()))


def weekly_volume(
    workouts: Iterable[Workout],
    catalogue: Catalogue,
    *,
    tz: tzinfo,
    targets: Mapping[Region, tuple[int, int]] | None = None,
    period: Period | None = None,
) -> WeeklyVolume:
    """Hard sets and kilograms per region for each ISO week of the period.

    `targets` is the plan's weekly hard-set range per region (the planner's table for the
    person's level). Without a period, the weeks from the first to the last workout are used.
    Regions with a target are always listed, so a week without back work shows as a zero.
    """
    workouts = list(workouts)
    period = period or history_period(workouts, tz)
    target_map = {str(region): band for region, band in (targets or {}).items()}
    if period is None:
        regions = region_order(target_map)
        empty: dict[str, tuple[int, ...]] = {r: () for r in regions}
        return WeeklyVolume((), regions, empty, {r: () for r in regions}, target_map)
    weeks = period.weeks
    index = {monday: i for i, monday in enumerate(weeks)}
    facts = ExerciseFacts(catalogue)
    sets: dict[str, list[int]] = {}
    volume: dict[str, list[float]] = {}
    for workout in workouts:
        i = index.get(week_start(local_day(workout, tz)))
        if i is None:
            continue
        for logged in workout.sets:
            if logged.set_type is SetType.WARMUP:  # not is_hard, without the call
                continue
            info = facts(logged.exercise_id)
            if not info.strength:
                continue
            kg = logged.volume_kg
            for region in info.regions:
                if region not in sets:
                    sets[region] = [0] * len(weeks)
                    volume[region] = [0.0] * len(weeks)
                sets[region][i] += 1
                volume[region][i] += kg
    regions = region_order([*target_map, *sets, *(r.value for r in BACK_REGIONS)])
    return WeeklyVolume(
        weeks=weeks,
        regions=regions,
        hard_sets={r: tuple(sets.get(r, [0] * len(weeks))) for r in regions},
        volume_kg={r: tuple(volume.get(r, [0.0] * len(weeks))) for r in regions},
        targets=target_map,
        unknown_exercises=tuple(sorted(facts.missing)),
    )
