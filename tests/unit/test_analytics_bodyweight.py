from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from backtone.domain.analytics_bodyweight import body_weight_trend
from backtone.domain.errors import InvalidInput
from backtone.domain.training import WeightUnit


def weighed(day: int, kg: float, hour: int = 7) -> tuple[datetime, float]:
    return (datetime(2026, 3, day, hour, tzinfo=UTC), kg)


def test_no_weigh_ins_give_an_empty_trend_and_no_change() -> None:
    trend = body_weight_trend([], tz=UTC)
    assert trend.daily == () and trend.weekly_mean == () and trend.moving_average == ()
    assert trend.change_kg is None and trend.smoothed_change_kg is None


def test_one_weigh_in_is_its_own_average_with_no_change() -> None:
    trend = body_weight_trend([weighed(2, 80.0)], tz=UTC)
    assert trend.daily == ((date(2026, 3, 2), 80.0),)
    assert trend.moving_average == ((date(2026, 3, 2), 80.0),)
    assert trend.change_kg is None


def test_two_weigh_ins_on_one_day_become_their_mean() -> None:
    trend = body_weight_trend([weighed(2, 80.0), weighed(2, 81.0, hour=20)], tz=UTC)
    assert trend.daily == ((date(2026, 3, 2), 80.5),)


def test_weekly_means_follow_iso_weeks() -> None:
    entries = [weighed(2, 80.0), weighed(4, 79.0), weighed(8, 78.0), weighed(9, 77.0)]
    trend = body_weight_trend(entries, tz=UTC)
    assert [monday for monday, _ in trend.weekly_mean] == [date(2026, 3, 2), date(2026, 3, 9)]
    assert [kg for _, kg in trend.weekly_mean] == pytest.approx([79.0, 77.0])


def test_the_moving_average_covers_the_trailing_days_and_shrinks_over_gaps() -> None:
    days = [(1, 80.0), (4, 79.0), (7, 78.0), (8, 77.0), (20, 76.0)]
    entries = [weighed(day, kg) for day, kg in days]
    trend = body_weight_trend(entries, tz=UTC, window_days=7)
    values = [kg for _, kg in trend.moving_average]
    # On the 8th the window is the 2nd-8th: 79, 78 and 77; on the 20th only that day.
    assert values == pytest.approx([80.0, 79.5, 79.0, 78.0, 76.0])
    assert trend.change_kg == pytest.approx(-4.0)
    assert trend.smoothed_change_kg == pytest.approx(-4.0)


def test_weights_entered_in_pounds_are_trended_in_kilograms() -> None:
    entries = [weighed(2, WeightUnit.LB.to_kg(180)), weighed(9, WeightUnit.LB.to_kg(178))]
    trend = body_weight_trend(entries, tz=UTC)
    assert trend.change_kg == pytest.approx(-2 * 0.45359237)


def test_a_weigh_in_without_a_time_zone_is_refused_with_the_field_named() -> None:
    with pytest.raises(InvalidInput, match="weighed at"):
        body_weight_trend([(datetime(2026, 3, 2, 7), 80.0)], tz=UTC)
