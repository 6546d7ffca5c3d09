"""Body weight trend: daily values, weekly means, a moving average and the change over time.

Day-to-day weight swings with water and food, so the trend is read from averages: several
weigh-ins on one day become their mean, and the moving average covers the trailing days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from backtone.domain.analytics_basis import week_start
from backtone.domain.errors import InvalidInput

LIGHTEST_KG, HEAVIEST_KG = 25.0, 350.0  # outside these a weigh-in is a typo


def check_body_weight(kg: float, field: str = "body weight") -> float:
    """A body weight a person can have, in kilograms."""
    if not LIGHTEST_KG <= kg <= HEAVIEST_KG:
        raise InvalidInput(
            field, f"{kg:g} kg is not a possible weight", f"{LIGHTEST_KG:g}-{HEAVIEST_KG:g} kg"
        )
    return kg


@dataclass(frozen=True)
class BodyWeightTrend:
    """Kilograms by local date (oldest first); empty when nothing was weighed."""

    daily: tuple[tuple[date, float], ...]
    weekly_mean: tuple[tuple[date, float], ...]  # Monday of the ISO week, mean of its days
    moving_average: tuple[tuple[date, float], ...]  # one per weighed day
    window_days: int

    @property
    def change_kg(self) -> float | None:
        """Last weighed day minus the first; None with fewer than two days."""
        return self.daily[-1][1] - self.daily[0][1] if len(self.daily) > 1 else None

    @property
    def smoothed_change_kg(self) -> float | None:
        """The same change read from the moving average, less moved by one odd day."""
        if len(self.moving_average) < 2:
            return None
        return self.moving_average[-1][1] - self.moving_average[0][1]


def body_weight_trend(
    entries: Iterable[tuple[datetime, float]], *, tz: tzinfo, window_days: int = 7
) -> BodyWeightTrend:
    """Daily means, ISO-weekly means and a trailing `window_days` moving average of weigh-ins.

    The moving average on a day is the mean of the daily values from the `window_days`
    days ending on it, so gaps in weighing shrink the window rather than stretch it.
    """
    if window_days < 1:
        raise InvalidInput("window", f"{window_days} days", "1 or more days")
    by_day: dict[date, list[float]] = {}
    for when, kg in entries:
        if when.tzinfo is None:
            raise InvalidInput("weighed at", "has no time zone", "an aware datetime")
        by_day.setdefault(when.astimezone(tz).date(), []).append(kg)
    daily = tuple((day, sum(v) / len(v)) for day, v in sorted(by_day.items()))
    by_week: dict[date, list[float]] = {}
    for day, kg in daily:
        by_week.setdefault(week_start(day), []).append(kg)
    weekly = tuple((monday, sum(v) / len(v)) for monday, v in by_week.items())
    moving: list[tuple[date, float]] = []
    start = 0
    for end, (day, _) in enumerate(daily):
        while daily[start][0] <= day - timedelta(days=window_days):
            start += 1
        window = [kg for _, kg in daily[start : end + 1]]
        moving.append((day, sum(window) / len(window)))
    return BodyWeightTrend(daily, weekly, tuple(moving), window_days)
