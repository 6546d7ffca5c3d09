"""The posture trend: changes judged against their uncertainty, and the plan's emphasis."""

from __future__ import annotations

from datetime import UTC, datetime

from backtone.domain.posture import PostureCheck, posture_trend
from backtone.domain.profile import Emphasis

DAY = datetime(2026, 10, 1, tzinfo=UTC)


def check(day: int, cva: float, sd: float = 2.0, lean: float = 0.0) -> PostureCheck:
    return PostureCheck(DAY.replace(day=day), cva, sd, -10.0, 2.0, lean, 1.0)


def test_a_change_inside_the_uncertainty_is_no_clear_change() -> None:
    head, _, _ = posture_trend([check(1, 48.0), check(20, 49.5)], Emphasis.TONE).changes
    assert not head.clear
    assert head.words("°") == "head (CVA): no clear change (48 to 49.5°)"


def test_a_head_coming_forward_reads_worse_and_a_lean_towards_upright_better() -> None:
    head, _, lean = posture_trend(
        [check(1, 52.0, lean=8.0), check(28, 44.0, lean=1.0)], None
    ).changes
    assert head.words("°") == "head (CVA): 52 to 44°, worse"
    assert lean.words("°") == "trunk lean: 8 to 1°, better"


def test_the_advice_follows_the_plan_emphasis() -> None:
    assert "already emphasises posture" in posture_trend([], Emphasis.POSTURE).advice
    assert "--emphasis posture" in posture_trend([], Emphasis.STRENGTH).advice
    assert "emphasises strength" in posture_trend([], Emphasis.STRENGTH).advice
    assert posture_trend([check(3, 50.0)], None).changes == ()


def test_the_trend_chart_draws_each_measure_per_check_with_its_uncertainty() -> None:
    from zoneinfo import ZoneInfo

    from backtone.adapters.formats.chart_canvas import ChartFormat
    from backtone.adapters.formats.posture_chart import posture_chart

    trend = posture_trend([check(28, 44.0, lean=1.0), check(1, 52.0, lean=8.0)], None)
    chart = posture_chart(trend, tz=ZoneInfo("Pacific/Auckland"), fmt=ChartFormat.SVG)
    head = chart.series_named("head (CVA)")
    assert head.y == (52.0, 44.0)  # oldest first
    assert [d.day for d in head.x] == [1, 28]  # 00:00 UTC is already midday in Auckland
    assert chart.series_named("trunk lean").y == (8.0, 1.0)
    assert chart.series_named("shoulder offset").y == (-10.0, -10.0)
    assert chart.image.startswith(b"<?xml") and b"shoulder offset" in chart.image
    empty = posture_chart(posture_trend([], None), tz=UTC)
    assert empty.series == ()
