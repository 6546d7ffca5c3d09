"""Progress charts as PNG or SVG bytes, drawn from the analytics results (never the database).

Each chart returns the series it drew beside the image, so tests and the web page read the
same numbers the picture shows. How a figure is set up lives in chart_canvas.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from backtone.adapters.formats.chart_canvas import (
    COLOURS,
    LINE_COLOURS,
    Chart,
    ChartFormat,
    Series,
    date_axis,
    day_number,
    day_numbers,
    new_figure,
    plot_lines,
    say_empty,
    to_bytes,
    whole_numbers,
    wrap,
)
from backtone.domain.analytics import (
    UNKNOWN,
    Balance,
    BodyWeightTrend,
    CalendarHeatmap,
    Consistency,
    ExerciseProgress,
    ProgressSummary,
    WeeklyVolume,
)
from backtone.domain.analytics_strength import PULL_UP_FAMILY
from backtone.domain.errors import InvalidInput
from backtone.domain.ladders import ASSISTED
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import BACK_REGIONS

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "CHART_NAMES",
    "Chart",
    "ChartFormat",
    "Series",
    "balance_chart",
    "body_weight_chart",
    "consistency_chart",
    "heatmap_chart",
    "most_trained",
    "pull_up_chart",
    "render_chart",
    "strength_chart",
    "volume_chart",
]


def _weekly_bars(
    axes: Axes,
    weeks: Sequence[date],
    groups: Sequence[tuple[str, Sequence[float]]],
    width_days: float = 5.6,
) -> None:
    base = [day_number(w) + 3.0 for w in weeks]  # bars sit in the middle of their week
    width = width_days / max(len(groups), 1)
    for i, (label, values) in enumerate(groups):
        offset = (i - (len(groups) - 1) / 2) * width
        axes.bar(
            [b + offset for b in base],
            values,
            width=width,
            label=label.replace("-", " "),
            color=COLOURS.get(label, LINE_COLOURS[i % len(LINE_COLOURS)]),
        )
    date_axis(axes)


def volume_chart(
    volume: WeeklyVolume,
    *,
    regions: Sequence[str] | None = None,
    fmt: ChartFormat = ChartFormat.PNG,
) -> Chart:
    """Weekly hard sets per back region as bars, each region's target range as a shaded band."""
    shown = list(regions or [r for r in volume.regions if r in BACK_REGIONS or r == UNKNOWN])
    if UNKNOWN in shown and not any(volume.hard_sets.get(UNKNOWN, ())):
        shown.remove(UNKNOWN)
    series = [
        Series(r, volume.weeks, tuple(map(float, volume.hard_sets.get(r, ()))), "hard sets")
        for r in shown
    ]
    series += [
        Series(f"{r} target", ("low", "high"), tuple(map(float, volume.targets[r])), "hard sets")
        for r in shown
        if r in volume.targets
    ]
    title = "Hard sets per week by back region"
    with new_figure() as (figure, axes):
        axes.set_title(title)
        if not volume.weeks:
            say_empty(axes, "No workouts logged yet")
        else:
            _target_bands(axes, volume, shown)
            _weekly_bars(axes, volume.weeks, [(s.label, s.y) for s in series[: len(shown)]])
            axes.set_ylabel("Hard sets")
            axes.legend(loc="upper left", ncols=2, fontsize=11)
            axes.set_ylim(0, max(_top(volume, shown), 1) * 1.4)
        return Chart("volume", title, tuple(series), to_bytes(figure, fmt), fmt)


def _target_bands(axes: Axes, volume: WeeklyVolume, shown: Sequence[str]) -> None:
    """One shaded band per distinct target range; regions sharing a range share its band."""
    sharing: dict[tuple[int, int], list[str]] = {}
    for region in shown:
        if region in volume.targets:
            sharing.setdefault(volume.targets[region], []).append(region)
    for (low, high), regions in sharing.items():
        label = f"target {' & '.join(r.replace('-', ' ') for r in regions)}: {low}-{high}"
        colour = COLOURS.get(regions[0], "#888888")
        axes.axhspan(low, high, color=colour, alpha=0.13, label=label, linewidth=0)


def _top(volume: WeeklyVolume, shown: Sequence[str]) -> float:
    sets = [max(volume.hard_sets.get(r, (0,)), default=0) for r in shown]
    bands = [volume.targets[r][1] for r in shown if r in volume.targets]
    return float(max([*sets, *bands, 0]))


def balance_chart(balance: Balance, *, fmt: ChartFormat = ChartFormat.PNG) -> Chart:
    """Push and pull hard sets side by side for each week; the ratio is in the title."""
    weeks = tuple(w.week for w in balance.weeks)
    series = (
        Series("push", weeks, tuple(float(w.push_sets) for w in balance.weeks), "hard sets"),
        Series("pull", weeks, tuple(float(w.pull_sets) for w in balance.weeks), "hard sets"),
    )
    ratio = balance.pull_per_push
    title = "Front and back: push vs pull sets"
    if ratio is not None:
        title += f" ({ratio:.1f} pull per push)"
    with new_figure() as (figure, axes):
        axes.set_title(title)
        if not weeks:
            say_empty(axes, "No workouts logged yet")
        else:
            _weekly_bars(axes, weeks, [(s.label, s.y) for s in series])
            axes.set_ylabel("Hard sets")
            axes.legend(loc="upper left")
            if balance.messages:
                axes.text(
                    0.99,
                    0.98,
                    "\n".join(wrap(m) for m in balance.messages),
                    transform=axes.transAxes,
                    ha="right",
                    va="top",
                    fontsize=11,
                    color="#8a1c1c",
                )
            axes.set_ylim(0, max([*series[0].y, *series[1].y, 1.0]) * 1.4)
        return Chart("balance", title, series, to_bytes(figure, fmt), fmt)


def consistency_chart(consistency: Consistency, *, fmt: ChartFormat = ChartFormat.PNG) -> Chart:
    """Sessions planned and done each week; the current and best streaks are in the title."""
    weeks = tuple(w.week for w in consistency.weeks)
    series = (
        Series("planned", weeks, tuple(float(w.planned) for w in consistency.weeks), "sessions"),
        Series("done", weeks, tuple(float(w.done) for w in consistency.weeks), "sessions"),
        Series("on plan", weeks, tuple(float(w.on_plan) for w in consistency.weeks), "yes=1"),
    )
    title = f"Sessions a week: {consistency.streak_words()}"
    with new_figure() as (figure, axes):
        axes.set_title(title)
        if not weeks:
            say_empty(axes, "No workouts or plan yet")
        else:
            _weekly_bars(axes, weeks, [(s.label, s.y) for s in series[:2]])
            top = max([*series[0].y, *series[1].y, 1.0])
            on_plan = [day_number(w) + 3.0 for w, ok in zip(weeks, series[2].y, strict=True) if ok]
            axes.scatter(
                on_plan,
                [top * 1.12] * len(on_plan),
                marker="v",
                s=60,
                color=COLOURS["done"],
                label="week on plan",
            )
            axes.set_ylabel("Sessions")
            axes.set_ylim(0, top * 1.45)
            whole_numbers(axes)
            axes.legend(loc="upper left", ncols=3)
        return Chart("consistency", title, series, to_bytes(figure, fmt), fmt)


def heatmap_chart(heatmap: CalendarHeatmap, *, fmt: ChartFormat = ChartFormat.PNG) -> Chart:
    """A calendar of hard sets a day: one column per week, Monday at the top."""
    days = tuple(d for d, _ in heatmap.sets_by_day)
    counts = tuple(float(n) for _, n in heatmap.sets_by_day)
    series = (Series("hard sets", days, counts, "sets"),)
    title = f"Training calendar: {heatmap.training_days} days trained"
    with new_figure() as (figure, axes):
        axes.set_title(title)
        monday = heatmap.first.toordinal() - heatmap.first.weekday()
        columns = (heatmap.last.toordinal() - monday) // 7 + 1
        grid = [[float("nan")] * columns for _ in range(7)]
        for day, n in heatmap.sets_by_day:
            grid[day.weekday()][(day.toordinal() - monday) // 7] = n
        image = axes.imshow(
            grid,
            cmap="Greens",
            aspect="auto",
            vmin=0,
            vmax=max([*counts, 1.0]),
            interpolation="nearest",
        )
        axes.set_yticks(range(7), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        step = max(1, columns // 6)
        ticks = list(range(0, columns, step))
        labels = [date.fromordinal(monday + 7 * c).strftime("%d %b") for c in ticks]
        axes.set_xticks(ticks, labels)
        axes.spines[:].set_visible(False)
        bar = figure.colorbar(image, ax=axes, shrink=0.8)
        bar.set_label("Hard sets")
        return Chart("heatmap", title, series, to_bytes(figure, fmt), fmt)


def strength_chart(
    progress: Mapping[str, ExerciseProgress],
    exercise_ids: Sequence[str],
    *,
    unit: WeightUnit = WeightUnit.KG,
    fmt: ChartFormat = ChartFormat.PNG,
) -> Chart:
    """Estimated one-rep max (Epley) per session date, one line per exercise, in `unit`."""
    series = []
    for exercise_id in exercise_ids:
        item = progress.get(exercise_id)
        if item is None:
            continue
        rated = [p for p in item.sessions if p.e1rm_kg is not None]
        x = tuple(p.day for p in rated)
        y = tuple(round(unit.from_kg(p.e1rm_kg or 0.0), 1) for p in rated)
        if x:
            series.append(Series(item.name, x, y, unit.value))
    title = "Estimated one-rep max"
    with new_figure() as (figure, axes):
        axes.set_title(title)
        if not series:
            say_empty(axes, "No loaded sets of 12 reps or fewer yet")
        else:
            plot_lines(axes, series)
            axes.set_ylabel(f"Estimated 1RM ({unit.value})")
            axes.legend(loc="upper left")
        return Chart("strength", title, tuple(series), to_bytes(figure, fmt), fmt)


def pull_up_chart(
    progress: Mapping[str, ExerciseProgress],
    exercise_ids: Sequence[str] = PULL_UP_FAMILY,
    *,
    unit: WeightUnit = WeightUnit.KG,
    fmt: ChartFormat = ChartFormat.PNG,
) -> Chart:
    """Most reps in one unweighted set per session date, for each pull-up variation logged,
    and the help an assisted pull-up needed (on its own axis: a falling line is progress)."""
    helped = []
    for exercise_id in sorted(ASSISTED):
        item = progress.get(exercise_id)
        points = [p for p in item.sessions if p.load_kg] if item is not None else []
        if item is not None and points:
            x = tuple(p.day for p in points)
            y = tuple(round(unit.from_kg(p.load_kg or 0.0), 1) for p in points)
            helped.append(Series(f"{item.name}: help", x, y, unit.value))
    series = []
    for exercise_id in exercise_ids:
        item = progress.get(exercise_id)
        if item is None:
            continue
        done = [p for p in item.sessions if p.unloaded_reps is not None]
        x = tuple(p.day for p in done)
        if x:
            series.append(
                Series(item.name, x, tuple(float(p.unloaded_reps or 0) for p in done), "reps")
            )
    title = "Pull-ups: best set per session"
    with new_figure() as (figure, axes):
        axes.set_title(title)
        if not series and not helped:
            say_empty(axes, "No pull-ups logged yet")
        if series:
            plot_lines(axes, series)
            axes.set_ylabel("Reps in one set")
            axes.set_ylim(0, max(max(s.y) for s in series) + 1)
            whole_numbers(axes)
            axes.legend(loc="upper left")
        if helped:
            help_axes = axes.twinx() if series else axes
            plot_lines(help_axes, helped, marker="s", first_colour=len(series))
            help_axes.set_ylabel(f"Help ({unit.value}), less is stronger")
            help_axes.set_ylim(0, max(max(s.y) for s in helped) * 1.15)
            help_axes.legend(loc="upper right")
        return Chart("pull-ups", title, (*series, *helped), to_bytes(figure, fmt), fmt)


def body_weight_chart(
    trend: BodyWeightTrend,
    *,
    unit: WeightUnit = WeightUnit.KG,
    fmt: ChartFormat = ChartFormat.PNG,
) -> Chart:
    """Weigh-ins as dots and the moving average as a line, in `unit`."""

    def convert(points: Sequence[tuple[date, float]], label: str) -> Series:
        x = tuple(d for d, _ in points)
        return Series(label, x, tuple(round(unit.from_kg(kg), 2) for _, kg in points), unit.value)

    daily = convert(trend.daily, "weigh-ins")
    average = convert(trend.moving_average, f"{trend.window_days}-day average")
    title = "Body weight"
    change = trend.smoothed_change_kg
    if change is not None:
        title += f": {unit.from_kg(change):+.1f} {unit.value} over the period"
    with new_figure() as (figure, axes):
        axes.set_title(title)
        if not daily.x:
            say_empty(axes, "No weigh-ins yet")
        else:
            axes.scatter(day_numbers(daily.x), daily.y, s=18, color="#9aa5ad", label=daily.label)
            axes.plot(
                day_numbers(average.x),
                average.y,
                linewidth=3,
                color=LINE_COLOURS[0],
                label=average.label,
            )
            date_axis(axes)
            axes.set_ylabel(f"Body weight ({unit.value})")
            axes.legend(loc="upper right")
        return Chart("body-weight", title, (daily, average), to_bytes(figure, fmt), fmt)


CHART_NAMES = ("volume", "balance", "consistency", "heatmap", "strength", "pullups", "bodyweight")


def most_trained(progress: Mapping[str, ExerciseProgress], count: int = 3) -> list[str]:
    """The exercises with an estimated 1RM and the most sessions: the strength chart's default
    lines (assisted moves log help, not load, and have none)."""
    rated = [p for p in progress.values() if any(s.e1rm_kg for s in p.sessions)]
    rated.sort(key=lambda p: (-len(p.sessions), p.exercise_id))
    return [p.exercise_id for p in rated[:count]]


def render_chart(
    name: str,
    summary: ProgressSummary,
    *,
    unit: WeightUnit = WeightUnit.KG,
    fmt: ChartFormat = ChartFormat.PNG,
    exercises: Sequence[str] = (),
) -> Chart:
    """One of the progress charts by name (see CHART_NAMES), drawn from a summary."""
    if name == "volume":
        return volume_chart(summary.volume, fmt=fmt)
    if name == "balance":
        return balance_chart(summary.balance, fmt=fmt)
    if name == "consistency":
        return consistency_chart(summary.consistency, fmt=fmt)
    if name == "heatmap":
        return heatmap_chart(summary.heatmap, fmt=fmt)
    if name == "strength":
        chosen = list(exercises) or most_trained(summary.strength)
        return strength_chart(summary.strength, chosen, unit=unit, fmt=fmt)
    if name == "pullups":
        return pull_up_chart(summary.strength, unit=unit, fmt=fmt)
    if name == "bodyweight":
        return body_weight_chart(summary.body_weight, unit=unit, fmt=fmt)
    raise InvalidInput("chart", f"unknown chart {name!r}", CHART_NAMES)
