from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.formats import charts
from backtone.adapters.formats.charts import ChartFormat
from backtone.domain.analytics import Period, summarise_progress
from backtone.domain.analytics_balance import push_pull_balance
from backtone.domain.analytics_bodyweight import body_weight_trend
from backtone.domain.analytics_consistency import calendar_heatmap, consistency
from backtone.domain.analytics_strength import strength_progress
from backtone.domain.analytics_volume import weekly_volume
from backtone.domain.plan import PlanSession
from backtone.domain.training import LoggedSet, WeightUnit, Workout
from backtone.domain.vocabulary import Level
from backtone.domain.volume_targets import WEEKLY_TARGETS as TARGETS

LONDON = ZoneInfo("Europe/London")
CATALOGUE = load_builtin_catalogue()
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def on(day: date, *sets: LoggedSet) -> Workout:
    return Workout(started_at=datetime(day.year, day.month, day.day, 18, tzinfo=UTC), sets=sets)


HISTORY = [
    on(
        date(2026, 3, 2),
        *[LoggedSet("lat-pulldown", reps=10, load_kg=40)] * 3,
        LoggedSet("push-up", reps=12),
    ),
    on(date(2026, 3, 4), LoggedSet("pull-up", reps=3), LoggedSet("pull-up", reps=2)),
    on(
        date(2026, 3, 16),
        LoggedSet("lat-pulldown", reps=8, load_kg=45),
        LoggedSet("pull-up", reps=5),
        LoggedSet("pull-up", reps=4, load_kg=5),
    ),
]


def png_size(image: bytes) -> tuple[int, int]:
    return int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")


def test_volume_chart_plots_weekly_hard_sets_and_the_target_band() -> None:
    volume = weekly_volume(HISTORY, CATALOGUE, tz=LONDON, targets=TARGETS[Level.BEGINNER])
    chart = charts.volume_chart(volume)
    lats = chart.series_named("lats")
    assert lats.x == (date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16))
    assert lats.y == (5.0, 0.0, 3.0)
    assert lats.unit == "hard sets"
    assert chart.series_named("lats target").y == (6.0, 10.0)
    assert chart.image.startswith(PNG_MAGIC)
    assert png_size(chart.image) == (800, 500)


def test_every_chart_renders_as_svg_too() -> None:
    volume = weekly_volume(HISTORY, CATALOGUE, tz=LONDON)
    chart = charts.volume_chart(volume, fmt=ChartFormat.SVG)
    assert chart.media_type == "image/svg+xml"
    assert b"<svg" in chart.image[:500]
    assert b"Hard sets" in chart.image


def test_balance_chart_shows_push_against_pull_per_week() -> None:
    balance = push_pull_balance(HISTORY, CATALOGUE, tz=LONDON)
    chart = charts.balance_chart(balance)
    assert chart.series_named("push").y == (1.0, 0.0, 0.0)
    assert chart.series_named("pull").y == (5.0, 0.0, 3.0)
    assert "8.0 pull per push" in chart.title


def test_consistency_chart_carries_planned_done_and_the_streak() -> None:
    plan = [
        PlanSession(day=d, title="A", items=())
        for d in (date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 9), date(2026, 3, 16))
    ]
    result = consistency(HISTORY, plan, tz=LONDON, today=date(2026, 3, 22))
    chart = charts.consistency_chart(result)
    assert chart.series_named("planned").y == (2.0, 1.0, 1.0)
    assert chart.series_named("done").y == (2.0, 0.0, 1.0)
    assert chart.series_named("on plan").y == (1.0, 0.0, 1.0)
    assert result.current_streak == 1 and "1 week on plan in a row (best 1)" in chart.title


def test_heatmap_chart_has_one_value_per_day() -> None:
    heatmap = calendar_heatmap(HISTORY, tz=LONDON, today=date(2026, 3, 22), weeks=3)
    chart = charts.heatmap_chart(heatmap)
    series = chart.series_named("hard sets")
    assert len(series.x) == 21
    assert dict(zip(series.x, series.y, strict=True))[date(2026, 3, 2)] == 4.0
    assert "3 days trained" in chart.title


def test_strength_chart_converts_estimates_to_the_persons_unit() -> None:
    progress = strength_progress(HISTORY, CATALOGUE, tz=LONDON)
    in_kg = charts.strength_chart(progress, ["lat-pulldown", "not-logged"])
    in_lb = charts.strength_chart(progress, ["lat-pulldown"], unit=WeightUnit.LB)
    assert in_kg.series_named("Lat pulldown").y == pytest.approx((53.3, 57.0))
    assert in_lb.series_named("Lat pulldown").y[0] == pytest.approx(53.333 / 0.45359237, abs=0.1)
    assert in_lb.series_named("Lat pulldown").unit == "lb"
    assert len(in_kg.series) == 1


def test_pull_up_chart_plots_the_best_unweighted_set_per_session() -> None:
    progress = strength_progress(HISTORY, CATALOGUE, tz=LONDON)
    chart = charts.pull_up_chart(progress)
    series = chart.series_named("Pull-up")
    assert series.x == (date(2026, 3, 4), date(2026, 3, 16))
    assert series.y == (3.0, 5.0)


def test_assisted_help_is_its_own_falling_line_on_the_pull_up_chart() -> None:
    helped = [
        on(date(2026, 3, d), LoggedSet("band-assisted-pull-up", reps=8, load_kg=kg))
        for d, kg in ((2, 30.0), (9, 20.0), (16, 10.0))
    ]
    progress = strength_progress([*HISTORY, *helped], CATALOGUE, tz=LONDON)
    chart = charts.pull_up_chart(progress, unit=WeightUnit.KG)
    assert chart.series_named("Band-assisted pull-up: help").y == (30.0, 20.0, 10.0)
    assert chart.series_named("Pull-up").y == (3.0, 5.0)
    # The strength chart's default lines leave help out: it has no one-rep max.
    assert "band-assisted-pull-up" not in charts.most_trained(progress)


def test_body_weight_chart_plots_weigh_ins_and_the_average_in_pounds() -> None:
    entries = [(datetime(2026, 3, d, 7, tzinfo=UTC), kg) for d, kg in ((2, 80.0), (4, 79.0))]
    chart = charts.body_weight_chart(body_weight_trend(entries, tz=LONDON), unit=WeightUnit.LB)
    assert chart.series_named("weigh-ins").y == pytest.approx((176.37, 174.17), abs=0.01)
    assert chart.series_named("7-day average").y[-1] == pytest.approx(175.27, abs=0.01)
    assert "-1.1 lb" in chart.title


def test_empty_history_still_draws_every_chart_with_empty_series() -> None:
    summary = summarise_progress(
        [],
        CATALOGUE,
        tz=LONDON,
        today=date(2026, 3, 22),
        period=Period(date(2026, 3, 2), date(2026, 3, 22)),
    )
    drawn = [
        charts.volume_chart(summary.volume),
        charts.balance_chart(summary.balance),
        charts.consistency_chart(summary.consistency),
        charts.heatmap_chart(summary.heatmap),
        charts.strength_chart(summary.strength, ["lat-pulldown"]),
        charts.pull_up_chart(summary.strength),
        charts.body_weight_chart(summary.body_weight),
    ]
    assert all(c.image.startswith(PNG_MAGIC) for c in drawn)
    assert drawn[4].series == () and drawn[5].series == () and drawn[6].series[0].x == ()


def test_charts_render_without_a_display_or_pyplot() -> None:
    script = (
        "import os, sys; os.environ.pop('DISPLAY', None)\n"
        "from backtone.adapters.formats import charts\n"
        "assert 'matplotlib' not in sys.modules\n"
        "from backtone.domain.analytics_bodyweight import body_weight_trend\n"
        "from datetime import UTC\n"
        "chart = charts.body_weight_chart(body_weight_trend([], tz=UTC))\n"
        "assert chart.image[:4] == b'\\x89PNG'\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
