from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from backtone.domain.analytics_basis import Period
from backtone.domain.analytics_consistency import (
    calendar_heatmap,
    consistency,
    match_sessions,
)
from backtone.domain.plan import PlanSession
from backtone.domain.training import LoggedSet, SetType, Workout

LONDON = ZoneInfo("Europe/London")
ROW = LoggedSet("row", reps=10, load_kg=20)


def done(day: date, sets: int = 3, hour: int = 18) -> Workout:
    when = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return Workout(started_at=when, sets=(ROW,) * sets)


def planned(*days: date) -> list[PlanSession]:
    return [PlanSession(day=d, title=f"Session {i + 1}", items=()) for i, d in enumerate(days)]


# March 2026: Mondays are the 2nd, 9th, 16th, 23rd and 30th.
MON, WED, FRI = date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 6)


def test_a_workout_on_the_planned_date_counts_for_that_session() -> None:
    outcomes = match_sessions(planned(MON, WED, FRI), [WED])
    assert [o.done_on for o in outcomes] == [None, WED, None]


def test_a_moved_workout_counts_for_the_nearest_unmatched_session() -> None:
    # Thursday is a day from Wednesday and from Friday; Wednesday was done on Tuesday.
    tue, thu = date(2026, 3, 3), date(2026, 3, 5)
    outcomes = match_sessions(planned(MON, WED, FRI), [MON, tue, thu])
    assert [o.done_on for o in outcomes] == [MON, tue, thu]


def test_same_date_matches_win_over_nearer_moved_ones() -> None:
    outcomes = match_sessions(planned(WED, FRI), [date(2026, 3, 5), FRI])
    assert [o.done_on for o in outcomes] == [date(2026, 3, 5), FRI]


def test_empty_history_and_no_plan_has_no_weeks_and_no_streak() -> None:
    result = consistency([], [], tz=LONDON, today=date(2026, 3, 20))
    assert result.weeks == () and result.current_streak == 0 and result.best_streak == 0


def test_a_week_is_on_plan_when_every_planned_session_was_done() -> None:
    plan = planned(MON, WED, FRI, date(2026, 3, 9), date(2026, 3, 11), date(2026, 3, 13))
    history = [done(MON), done(date(2026, 3, 5)), done(FRI), done(date(2026, 3, 9))]
    result = consistency(history, plan, tz=LONDON, today=date(2026, 3, 16))
    assert [(w.planned, w.done, w.on_plan) for w in result.weeks] == [
        (3, 3, True),
        (3, 1, False),
        (0, 0, False),
    ]
    assert result.sessions_done == 4 and result.sessions_planned == 6
    assert result.current_streak == 0 and result.best_streak == 1


def test_without_a_plan_two_sessions_make_a_week_on_plan() -> None:
    history = [done(MON), done(FRI), done(date(2026, 3, 10))]
    result = consistency(history, [], tz=LONDON, today=date(2026, 3, 15))
    assert [w.on_plan for w in result.weeks] == [True, False]


def test_the_week_in_progress_extends_the_streak_but_never_breaks_it() -> None:
    history = [done(d) for d in (MON, FRI, date(2026, 3, 9), date(2026, 3, 12))]
    history.append(done(date(2026, 3, 16)))  # one session so far this week
    result = consistency(history, [], tz=LONDON, today=date(2026, 3, 17))
    assert [w.on_plan for w in result.weeks] == [True, True, False]
    assert result.current_streak == 2
    history.append(done(date(2026, 3, 17)))
    assert consistency(history, [], tz=LONDON, today=date(2026, 3, 17)).current_streak == 3


def test_a_gap_of_several_weeks_ends_the_streak_but_the_best_is_kept() -> None:
    early = [done(d) for d in (MON, FRI, date(2026, 3, 9), date(2026, 3, 13))]
    back = [done(date(2026, 4, 6)), done(date(2026, 4, 8))]
    result = consistency(early + back, [], tz=LONDON, today=date(2026, 4, 19))
    assert [w.done for w in result.weeks] == [2, 2, 0, 0, 0, 2, 0]
    assert result.best_streak == 2
    assert result.current_streak == 1  # the week of 6 April; this week is still open


def test_a_single_session_is_one_week_and_no_streak() -> None:
    result = consistency([done(MON)], [], tz=LONDON, today=MON)
    assert len(result.weeks) == 1
    assert result.weeks[0].done == 1 and not result.weeks[0].on_plan
    assert (result.current_streak, result.best_streak) == (0, 0)


def test_workouts_without_sets_are_not_sessions() -> None:
    result = consistency([done(MON, sets=0), done(WED)], [], tz=LONDON, today=FRI)
    assert result.weeks[0].done == 1


def test_a_late_evening_session_counts_on_the_local_date() -> None:
    # 23:30 in Los Angeles on Sunday 8 March (summer time, UTC-7) is 06:30 UTC on Monday.
    la = ZoneInfo("America/Los_Angeles")
    late = Workout(started_at=datetime(2026, 3, 9, 6, 30, tzinfo=UTC), sets=(ROW,))
    result = consistency([late], planned(date(2026, 3, 8)), tz=la, today=date(2026, 3, 8))
    assert result.weeks[0].sessions[0].done_on == date(2026, 3, 8)
    assert result.weeks[0].on_plan


def test_narrowing_to_a_period_keeps_the_whole_history_streaks() -> None:
    history = [done(d) for d in (MON, FRI, date(2026, 3, 9), date(2026, 3, 13))]
    history += [done(date(2026, 3, 16)), done(date(2026, 3, 18))]
    full = consistency(history, [], tz=LONDON, today=date(2026, 3, 22))
    narrowed = full.within(Period(date(2026, 3, 16), date(2026, 3, 22)))
    assert len(narrowed.weeks) == 1
    assert (narrowed.current_streak, narrowed.best_streak) == (3, 3)


def test_the_heatmap_has_every_day_with_its_hard_sets() -> None:
    warm_up = LoggedSet("row", set_type=SetType.WARMUP, reps=5, load_kg=10)
    history = [
        done(MON, sets=4),
        Workout(started_at=datetime(2026, 3, 4, 7, tzinfo=UTC), sets=(warm_up, ROW)),
        Workout(started_at=datetime(2026, 3, 4, 19, tzinfo=UTC), sets=(ROW, ROW)),
        done(date(2026, 1, 5)),  # outside the two weeks shown
    ]
    heatmap = calendar_heatmap(history, tz=LONDON, today=date(2026, 3, 11), weeks=2)
    assert (heatmap.first, heatmap.last) == (MON, date(2026, 3, 11))
    assert len(heatmap.sets_by_day) == 10
    assert heatmap.sets_on(MON) == 4
    assert heatmap.sets_on(WED) == 3
    assert heatmap.sets_on(date(2026, 1, 5)) == 0
    assert heatmap.training_days == 2


def test_an_empty_heatmap_is_all_zero_days() -> None:
    heatmap = calendar_heatmap([], tz=LONDON, today=date(2026, 3, 8), weeks=1)
    assert [n for _, n in heatmap.sets_by_day] == [0] * 7
