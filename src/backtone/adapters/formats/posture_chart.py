"""The posture trend as a chart: each measure of every side-photo check, with its uncertainty.

Angles share the left axis (degrees); the shoulder offset, a share of the ear-hip line, has
its own on the right. Each point carries an error bar of one standard deviation, so a change
smaller than the bars reads as no change.
"""

from __future__ import annotations

from datetime import tzinfo

from backtone.adapters.formats.chart_canvas import (
    LINE_COLOURS,
    Chart,
    ChartFormat,
    Series,
    date_axis,
    day_numbers,
    new_figure,
    say_empty,
    to_bytes,
)
from backtone.domain.posture import PostureTrend

ANGLES = (("head (CVA)", "cva_deg", "cva_sd"), ("trunk lean", "trunk_lean_deg", "trunk_sd"))
SHOULDER = ("shoulder offset", "shoulder_offset_pct", "shoulder_sd")


def posture_chart(trend: PostureTrend, *, tz: tzinfo, fmt: ChartFormat = ChartFormat.PNG) -> Chart:
    """Head angle and trunk lean (degrees) and shoulder offset (%) per check, oldest first."""
    days = tuple(c.taken_at.astimezone(tz).date() for c in trend.checks)
    series: list[Series] = []
    errors: list[tuple[float, ...]] = []
    for label, value, sd in (*ANGLES, SHOULDER):
        unit = "%" if value == SHOULDER[1] else "deg"
        series.append(
            Series(label, days, tuple(round(getattr(c, value), 1) for c in trend.checks), unit)
        )
        errors.append(tuple(round(getattr(c, sd), 1) for c in trend.checks))
    title = "Posture from side photos"
    with new_figure() as (figure, axes):
        axes.set_title(title)
        if not days:
            say_empty(axes, "No posture checks yet")
            return Chart("posture", title, (), to_bytes(figure, fmt), fmt)
        x = day_numbers(days)
        for i, (s, err) in enumerate(zip(series[:2], errors[:2], strict=True)):
            axes.errorbar(x, s.y, yerr=err, marker="o", capsize=4, linewidth=2.5,
                          color=LINE_COLOURS[i], label=f"{s.label} (deg)")  # fmt: skip
        axes.set_ylabel("Angle (degrees)")
        shoulder = axes.twinx()
        shoulder.errorbar(
            x, series[2].y, yerr=errors[2], marker="s", capsize=4, linewidth=2, linestyle="--",
            color=LINE_COLOURS[2], label="shoulder offset (%)",
        )  # fmt: skip
        shoulder.set_ylabel("Shoulder offset (% of ear-hip line)")
        date_axis(axes)
        lines, labels = axes.get_legend_handles_labels()
        more, more_labels = shoulder.get_legend_handles_labels()
        axes.legend(lines + more, labels + more_labels, loc="best", fontsize=10)
        return Chart("posture", title, tuple(series), to_bytes(figure, fmt), fmt)
