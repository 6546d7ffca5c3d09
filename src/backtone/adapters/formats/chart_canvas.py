"""What every progress chart is drawn with: the figure, its style, date axes, the result type.

matplotlib is imported inside the functions, through its object API and the Agg canvas, so
`backtone --help` stays fast and nothing needs a display. Figures are 8 x 5 inches at 100 dpi
(800 x 500 px) with large type, to read on a phone.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, cast

from backtone.domain.analytics import UNKNOWN

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

SIZE_INCHES = (8.0, 5.0)
EPOCH = date(1970, 1, 1)
DPI = 100
COLOURS = {
    "lats": "#1f6f8b",
    "upper-back": "#e07b39",
    "lower-back": "#6a994e",
    "push": "#c8553d",
    "pull": "#1f6f8b",
    "planned": "#b8c4cc",
    "done": "#2a9d8f",
    UNKNOWN: "#9e9e9e",
}
LINE_COLOURS = ("#1f6f8b", "#e07b39", "#6a994e", "#8e5572", "#c8553d", "#3d5a80")
STYLE: dict[str, Any] = {
    "font.size": 14,
    "axes.titlesize": 17,
    "axes.labelsize": 14,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "backtone",  # the same chart gives the same SVG bytes
}


class ChartFormat(StrEnum):
    PNG = "png"
    SVG = "svg"


@dataclass(frozen=True)
class Series:
    """One plotted series: x values (dates or labels) against y values in `unit`."""

    label: str
    x: tuple[date | str, ...]
    y: tuple[float, ...]
    unit: str


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    series: tuple[Series, ...]
    image: bytes
    format: ChartFormat

    def series_named(self, label: str) -> Series:
        for series in self.series:
            if series.label == label:
                return series
        raise KeyError(label)

    @property
    def media_type(self) -> str:
        return "image/png" if self.format is ChartFormat.PNG else "image/svg+xml"


@contextmanager
def new_figure() -> Iterator[tuple[Figure, Axes]]:
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    with rc_context(cast(Any, {**STYLE, "date.epoch": "1970-01-01T00:00:00"})):
        figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
        yield figure, figure.add_subplot()


def to_bytes(figure: Figure, fmt: ChartFormat) -> bytes:
    buffer = io.BytesIO()
    metadata: dict[str, Any] = {"Date": None} if fmt is ChartFormat.SVG else {"Software": None}
    figure.savefig(buffer, format=fmt.value, dpi=DPI, metadata=metadata)
    return buffer.getvalue()


def date_axis(axes: Axes) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=3, maxticks=7)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    # Day ticks read '15 Mar' rather than a bare '15', which is ambiguous on a small screen.
    formats = ["%Y", "%b", "%d %b", "%H:%M", "%H:%M", "%S.%f"]
    formatter = ConciseDateFormatter(locator, formats=formats)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(formatter)


def day_number(day: date) -> float:
    # matplotlib's date numbers count days from its epoch, 1970-01-01 unless changed.
    return float((day - EPOCH).days)


def day_numbers(xs: Sequence[date | str]) -> list[float]:
    return [day_number(x) for x in xs if isinstance(x, date)]


def whole_numbers(axes: Axes) -> None:
    from matplotlib.ticker import MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(integer=True))


def say_empty(axes: Axes, message: str) -> None:
    axes.text(
        0.5,
        0.5,
        message,
        ha="center",
        va="center",
        transform=axes.transAxes,
        fontsize=16,
        color="#555555",
    )
    axes.set_xticks([])
    axes.set_yticks([])


def wrap(text: str, width: int = 48) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def plot_lines(
    axes: Axes, series: Sequence[Series], marker: str = "o", first_colour: int = 0
) -> None:
    for i, s in enumerate(series, start=first_colour):
        axes.plot(
            day_numbers(s.x),
            s.y,
            marker=marker,
            label=s.label,
            linewidth=2.5,
            markersize=5,
            color=LINE_COLOURS[i % len(LINE_COLOURS)],
        )
    date_axis(axes)
