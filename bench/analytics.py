"""Every progress-page aggregate for one person with five years of training (aim: < 300 ms).

The synthetic history of bench/make_chart_examples.py is stretched to 260 weeks and each
session's sets repeated until the log holds about 100,000 sets, all in memory (the database
read is measured separately). Each metric is timed alone, then the whole summary.

Run: .venv/bin/python bench/analytics.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.analytics import Period, summarise_progress
from backtone.domain.analytics_balance import push_pull_balance
from backtone.domain.analytics_bodyweight import body_weight_trend
from backtone.domain.analytics_consistency import calendar_heatmap, consistency
from backtone.domain.analytics_strength import bodyweight_records, strength_progress
from backtone.domain.analytics_volume import weekly_volume
from backtone.domain.vocabulary import Level
from backtone.domain.volume_targets import WEEKLY_TARGETS as TARGETS
from make_chart_examples import ZONE, synthetic_history

WEEKS = 260
TARGET_SETS = 100_000
RUNS = 5


def timed(label: str, work: Callable[[], object]) -> float:
    """Median wall time of RUNS calls, in milliseconds, printed beside the label."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"  {label:<38} {median:8.1f} ms  (min {min(times):.1f}, max {max(times):.1f})")
    return median


def main() -> None:
    base = synthetic_history(start=date(2021, 5, 3), weeks=WEEKS)
    per_copy = sum(len(w.sets) for w in base.workouts)
    history = synthetic_history(
        start=date(2021, 5, 3), weeks=WEEKS, repeat=-(-TARGET_SETS // per_copy)
    )
    workouts, today = history.workouts, history.today
    sets = sum(len(w.sets) for w in workouts)
    catalogue = load_builtin_catalogue()
    targets = TARGETS[Level.INTERMEDIATE]
    period = Period.last_weeks(today, 12)
    print(
        f"{sets:,} sets in {len(workouts):,} workouts over {WEEKS} weeks, "
        f"{len(history.plan):,} planned sessions, {len(history.body_weights):,} weigh-ins"
    )
    print(f"median of {RUNS} runs each:")
    timed(
        "weekly volume (12 weeks)",
        lambda: weekly_volume(workouts, catalogue, tz=ZONE, targets=targets, period=period),
    )
    timed("weekly volume (all 5 years)", lambda: weekly_volume(workouts, catalogue, tz=ZONE))
    timed(
        "push:pull balance (all 5 years)", lambda: push_pull_balance(workouts, catalogue, tz=ZONE)
    )
    timed(
        "consistency and streaks", lambda: consistency(workouts, history.plan, tz=ZONE, today=today)
    )
    timed("calendar heatmap (26 weeks)", lambda: calendar_heatmap(workouts, tz=ZONE, today=today))
    progress = strength_progress(workouts, catalogue, tz=ZONE)
    timed("1RM and best set per exercise", lambda: strength_progress(workouts, catalogue, tz=ZONE))
    timed("bodyweight rep records", lambda: bodyweight_records(progress, catalogue))
    timed("body weight trend", lambda: body_weight_trend(history.body_weights, tz=ZONE))
    total = timed(
        "whole progress summary",
        lambda: summarise_progress(
            workouts,
            catalogue,
            tz=ZONE,
            today=today,
            planned_sessions=history.plan,
            targets=targets,
            body_weights=history.body_weights,
        ),
    )
    print(f"whole summary: {total:.0f} ms for {sets:,} sets (aim: under 300 ms)")


if __name__ == "__main__":
    main()
