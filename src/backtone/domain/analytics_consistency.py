"""Consistency: sessions done against sessions planned, streaks of weeks on plan, a calendar.

"Consistency is vital" (seed 000), so the coach counts weeks rather than single sessions: a
week is on plan when every planned session was done (any day of that week will do), or, in
a week with nothing planned, when the person trained at least twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from backtone.domain.analytics_basis import WEEK, Period, week_start
from backtone.domain.exercise_digest import ExerciseDigest, digest_workouts
from backtone.domain.plan import PlanSession
from backtone.domain.training import Workout

SESSIONS_WITHOUT_PLAN = 2


@dataclass(frozen=True)
class SessionOutcome:
    """A planned session and the local date of the workout that counted for it, if any."""

    planned: date
    title: str
    done_on: date | None


@dataclass(frozen=True)
class WeekConsistency:
    week: date
    planned: int
    done: int  # workouts in the week, planned or not
    matched: int  # planned sessions a workout counted for
    sessions: tuple[SessionOutcome, ...] = ()

    @property
    def on_plan(self) -> bool:
        if self.planned:
            return self.matched >= self.planned
        return self.done >= SESSIONS_WITHOUT_PLAN


@dataclass(frozen=True)
class Consistency:
    """Week by week, oldest first, up to the week holding `today`."""

    weeks: tuple[WeekConsistency, ...]
    current_streak: int
    best_streak: int

    @property
    def sessions_done(self) -> int:
        return sum(w.done for w in self.weeks)

    @property
    def sessions_planned(self) -> int:
        return sum(w.planned for w in self.weeks)

    @property
    def weeks_on_plan(self) -> int:
        return sum(w.on_plan for w in self.weeks)

    def streak_words(self) -> str:
        """The one streak the app shows, labelled: '3 weeks on plan in a row (best 5)'."""
        return streak_words(self.current_streak, self.best_streak)

    def within(self, period: Period) -> Consistency:
        """Only the weeks the period touches; the streaks stay those of the whole history."""
        mondays = set(period.weeks)
        kept = tuple(w for w in self.weeks if w.week in mondays)
        return Consistency(kept, self.current_streak, self.best_streak)


def streak_words(current: int, best: int | None = None) -> str:
    """'1 week on plan in a row', with the best streak where it is known."""
    words = f"{current} week{'' if current == 1 else 's'} on plan in a row"
    return words + (f" (best {best})" if best is not None else "")


def match_sessions(
    planned: Iterable[PlanSession], done: Iterable[date]
) -> tuple[SessionOutcome, ...]:
    """Pair one week's workouts with its planned sessions: same date first, then nearest."""
    sessions = sorted(planned, key=lambda s: s.day)
    free = sorted(done)
    done_on: dict[int, date] = {}
    for i, session in enumerate(sessions):
        if session.day in free:
            free.remove(session.day)
            done_on[i] = session.day
    for day in list(free):
        open_ = [i for i in range(len(sessions)) if i not in done_on]
        if not open_:
            break
        # Nearest in days; on a tie the earlier planned session, as it was missed first.
        best = min(open_, key=lambda i: (abs((sessions[i].day - day).days), sessions[i].day))
        done_on[best] = day
        free.remove(day)
    return tuple(SessionOutcome(s.day, s.title, done_on.get(i)) for i, s in enumerate(sessions))


def _streaks(on_plan: list[bool]) -> tuple[int, int]:
    best = run = 0
    for ok in on_plan:
        run = run + 1 if ok else 0
        best = max(best, run)
    # The week in progress may not be done yet: it extends a streak but never ends one.
    current = 0
    tail = on_plan[:-1] if on_plan and not on_plan[-1] else on_plan
    for ok in reversed(tail):
        if not ok:
            break
        current += 1
    return current, best


def consistency(
    workouts: Iterable[Workout],
    planned_sessions: Iterable[PlanSession],
    *,
    tz: tzinfo,
    today: date,
    period: Period | None = None,
) -> Consistency:
    """Sessions done vs planned per ISO week, and the current and best streak of weeks on plan.

    Without a period, weeks run from the first workout or planned session up to today's week.
    Planned sessions after today still count in the current week, which is why an unfinished
    week never breaks the current streak.
    """
    starts = [w.started_at for w in workouts if w.sets]
    return consistency_of(starts, planned_sessions, tz=tz, today=today, period=period)


def consistency_of(
    started: Iterable[datetime],
    planned_sessions: Iterable[PlanSession],
    *,
    tz: tzinfo,
    today: date,
    period: Period | None = None,
) -> Consistency:
    """consistency from the start times of the workouts that hold sets."""
    days = [when.astimezone(tz).date() for when in started]
    plan = [s for s in planned_sessions if s.day <= period_end(period, today)]
    if period is None:
        starts = [*days, *(s.day for s in plan)]
        if not starts:
            return Consistency((), 0, 0)
        period = Period(min(min(starts), today), today)
    weeks = period.weeks
    done_by_week: dict[date, list[date]] = {w: [] for w in weeks}
    for day in days:
        if (bucket := done_by_week.get(week_start(day))) is not None:
            bucket.append(day)
    plan_by_week: dict[date, list[PlanSession]] = {w: [] for w in weeks}
    for session in plan:
        if (slot := plan_by_week.get(week_start(session.day))) is not None:
            slot.append(session)
    rows = []
    for monday in weeks:
        outcomes = match_sessions(plan_by_week[monday], done_by_week[monday])
        matched = sum(o.done_on is not None for o in outcomes)
        rows.append(
            WeekConsistency(monday, len(outcomes), len(done_by_week[monday]), matched, outcomes)
        )
    current, best = _streaks([r.on_plan for r in rows])
    return Consistency(tuple(rows), current, best)


def period_end(period: Period | None, today: date) -> date:
    """Planned sessions count up to the end of the last week looked at."""
    last = period.last if period is not None else today
    return week_start(last) + WEEK


@dataclass(frozen=True)
class CalendarHeatmap:
    """Hard sets per local date, every day from `first` to `last` (zeros included)."""

    first: date
    last: date
    sets_by_day: tuple[tuple[date, int], ...]

    @property
    def training_days(self) -> int:
        return sum(1 for _, n in self.sets_by_day if n)

    def sets_on(self, day: date) -> int:
        if not self.first <= day <= self.last:
            return 0
        return self.sets_by_day[(day - self.first).days][1]


def calendar_heatmap(
    workouts: Iterable[Workout], *, tz: tzinfo, today: date, weeks: int = 26
) -> CalendarHeatmap:
    """Hard sets done each day of the last `weeks` ISO weeks, up to today.

    Every non-warm-up set counts, stretches and deleted exercises included: the calendar
    shows showing up, not what was trained.
    """
    return heatmap_from_digests(digest_workouts(workouts), tz=tz, today=today, weeks=weeks)


def heatmap_from_digests(
    digests: Iterable[ExerciseDigest], *, tz: tzinfo, today: date, weeks: int = 26
) -> CalendarHeatmap:
    """calendar_heatmap from the workouts' digests, which count their working sets."""
    period = Period.last_weeks(today, weeks)
    counts = {day: 0 for day in period.days()}
    for d in digests:
        day = d.started_at.astimezone(tz).date()
        if day in counts:
            counts[day] += d.sets
    return CalendarHeatmap(period.first, period.last, tuple(counts.items()))
