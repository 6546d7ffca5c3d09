from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.analytics import UNKNOWN, Period, summarise_progress
from backtone.domain.plan import PlanSession
from backtone.domain.training import LoggedSet, Workout
from backtone.domain.vocabulary import Level
from backtone.domain.volume_targets import WEEKLY_TARGETS as TARGETS

LONDON = ZoneInfo("Europe/London")
CATALOGUE = load_builtin_catalogue()


def on(day: date, *sets: LoggedSet) -> Workout:
    return Workout(started_at=datetime(day.year, day.month, day.day, 18, tzinfo=UTC), sets=sets)


def test_an_empty_history_gives_an_empty_but_complete_summary() -> None:
    summary = summarise_progress([], CATALOGUE, tz=LONDON, today=date(2026, 3, 20))
    assert len(summary.volume.weeks) == 12
    assert all(sum(summary.volume.hard_sets[r]) == 0 for r in summary.volume.regions)
    assert summary.balance.flags == ()
    assert summary.consistency.current_streak == 0
    assert summary.heatmap.training_days == 0
    assert summary.strength == {} and summary.rep_records == () and summary.new_records == ()
    assert summary.ladder is None and summary.body_weight.daily == ()


def test_a_month_report_counts_the_month_and_ignores_what_came_after() -> None:
    # Twice a week, Monday and Thursday, from 5 January to 30 April 2026, pull-ups growing.
    history = []
    monday = date(2026, 1, 5)
    for week in range(17):
        for offset in (0, 3):
            day = monday + timedelta(weeks=week, days=offset)
            history.append(
                on(
                    day,
                    LoggedSet("pull-up", reps=2 + week // 2),
                    LoggedSet("push-up", reps=15),
                    LoggedSet("my-deleted-row", reps=10, load_kg=20),
                )
            )
    plan = [PlanSession(day=w.started_at.date(), title="Back", items=()) for w in history]
    first_weigh_in = datetime(2026, 1, 5, 7, tzinfo=UTC)
    weights = [(first_weigh_in + timedelta(days=d), 80 - d / 30) for d in range(0, 110, 3)]
    summary = summarise_progress(
        history,
        CATALOGUE,
        tz=LONDON,
        today=date(2026, 3, 31),
        planned_sessions=plan,
        targets=TARGETS[Level.BEGINNER],
        body_weights=weights,
        period=Period.month(2026, 3),
    )
    # March 2026 touches the ISO weeks of 23 February to 30 March: six weeks.
    assert summary.volume.weeks[0] == date(2026, 2, 23) and len(summary.volume.weeks) == 6
    assert summary.volume.hard_sets["lats"] == (2, 2, 2, 2, 2, 1)
    assert summary.volume.hard_sets[UNKNOWN][0] == 2
    assert summary.balance.push_sets == summary.balance.pull_sets == 11
    assert [w.done for w in summary.consistency.weeks] == [2, 2, 2, 2, 2, 1]
    # Twelve full weeks on plan before the week of 30 March, which is still open.
    assert summary.consistency.current_streak == 12
    pull_ups = summary.strength["pull-up"].sessions
    assert pull_ups[-1].day == date(2026, 3, 30) and pull_ups[-1].reps == 2 + 12 // 2
    assert [r.exercise_id for r in summary.new_records] == ["pull-up"]
    assert summary.rep_records[0].exercise_id == "pull-up"
    assert summary.body_weight.daily[-1][0] <= date(2026, 3, 31)
    assert summary.heatmap.last == date(2026, 3, 31)
