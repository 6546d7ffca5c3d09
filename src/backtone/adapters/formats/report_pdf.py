"""The monthly report as a PDF: headline figures and tables on page one, then the charts.

Pure: the analytics summary and chart images in, PDF bytes out. Weights are converted to
the person's unit here, at the edge; the summary stays in kilograms.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime, tzinfo

from fpdf import FPDF

from backtone.domain.analytics import ProgressSummary, TargetStatus
from backtone.domain.posture import NOT_A_DIAGNOSIS, PostureTrend
from backtone.domain.training import WeightUnit

PAGE_W, MARGIN = 210.0, 14.0
WIDTH = PAGE_W - 2 * MARGIN
INK, ACCENT, SHADE, WARN = (25, 25, 25), (31, 111, 139), (232, 241, 244), (138, 28, 28)
CHART_H = 118.0  # an 800 x 500 chart at full width
_PLAIN = {"\u2013": "-", "\u2014": "-", "\u2019": "'", "\u2018": "'", "\u00d7": "x"}


def _latin(value: str) -> str:
    """Core PDF fonts hold Latin-1 only; anything else becomes '?' rather than an error."""
    for mark, plain in _PLAIN.items():
        value = value.replace(mark, plain)
    return value.encode("latin-1", "replace").decode("latin-1")


class _Report(FPDF):
    def __init__(self, title: str, created: datetime | None) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, MARGIN)
        self.set_title(_latin(title))
        self.set_creator("backtone")
        if created is not None:  # a fixed date gives the same bytes for the same input
            self.set_creation_date(created)
        self.report_title = title

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("Helvetica", "", 9)
        self.set_text_color(120, 120, 120)
        self.cell(0, 5, _latin(f"{self.report_title} - page {self.page_no()}"), align="C")


def _heading(pdf: _Report, text: str) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 14)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 8, _latin(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)


def _line(pdf: _Report, text: str, *, size: int = 11, colour: tuple[int, int, int] = INK) -> None:
    pdf.set_font("Helvetica", "", size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, size * 0.5, _latin(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)


def _table(
    pdf: _Report, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> None:
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_fill_color(*SHADE)
    for text, width in zip(header, widths, strict=True):
        pdf.cell(width, 7, _latin(text), border="B", fill=True)
    pdf.ln()
    pdf.set_font("Helvetica", "", 10)
    for row in rows:
        for text, width in zip(row, widths, strict=True):
            pdf.cell(width, 6.5, _latin(text))
        pdf.ln()


def _weight(kg: float, unit: WeightUnit) -> str:
    return f"{unit.from_kg(kg):,.1f} {unit.value}"


def _training_days(summary: ProgressSummary) -> int:
    first, last = summary.period.first, summary.period.last
    return sum(1 for day, sets in summary.heatmap.sets_by_day if sets and first <= day <= last)


def _headline(pdf: _Report, summary: ProgressSummary) -> None:
    c = summary.consistency
    planned = f" of {c.sessions_planned} planned" if c.sessions_planned else ""
    boxes = (
        ("Sessions", f"{c.sessions_done}{planned}"),
        ("Weeks on plan", f"{c.weeks_on_plan} of {len(c.weeks)}"),
        ("Weeks on plan in a row", f"{c.current_streak} (best {c.best_streak})"),
        ("Training days", str(_training_days(summary))),
    )
    width = WIDTH / len(boxes)
    pdf.set_fill_color(*SHADE)
    y = pdf.get_y()
    for i, (label, value) in enumerate(boxes):
        pdf.set_xy(MARGIN + i * width, y)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(width - 2, 6, _latin(label), fill=True, new_x="LEFT", new_y="NEXT")
        pdf.set_font("Helvetica", "B", 13)
        pdf.cell(width - 2, 9, _latin(value), fill=True)
    pdf.set_xy(MARGIN, y + 17)


def _volume(pdf: _Report, summary: ProgressSummary, unit: WeightUnit) -> None:
    _heading(pdf, "Weekly hard sets by region")
    volume = summary.volume
    rows = []
    for region in volume.regions:
        if not any(volume.hard_sets[region]) and region not in volume.targets:
            continue
        target = volume.targets.get(region)
        within = sum(volume.status(region, w) is TargetStatus.WITHIN for w in volume.weeks)
        rows.append(
            (
                region.replace("-", " "),
                f"{volume.average_sets(region):.1f}",
                f"{target[0]}-{target[1]}" if target else "-",
                f"{within} of {len(volume.weeks)}" if target else "-",
                _weight(volume.total_volume_kg(region), unit),
            )
        )
    header = ("Region", "Sets a week", "Target", "Weeks on target", f"Volume ({unit.value})")
    _table(pdf, header, rows, (40, 30, 25, 38, WIDTH - 133))
    if volume.unknown_exercises:
        _line(pdf, volume.note + ".", size=9, colour=(90, 90, 90))


def _balance(pdf: _Report, summary: ProgressSummary) -> None:
    _heading(pdf, "Front and back")
    b = summary.balance
    ratio = f"{b.pull_per_push:.1f} pull sets per push set" if b.pull_per_push else "no pushing"
    _line(pdf, f"{b.pull_sets} pull and {b.push_sets} push hard sets: {ratio}.")
    for message in b.messages:
        _line(pdf, message, colour=WARN)
    if b.waiting:
        _line(pdf, b.waiting)
    elif not b.messages and b.pull_sets:
        _line(pdf, "Balanced: the back got at least as many sets as the front.")


def _records(pdf: _Report, summary: ProgressSummary, unit: WeightUnit) -> None:
    _heading(pdf, "Records")
    rows = []
    for record in summary.new_records:
        value = (
            _weight(record.value, unit)
            if record.what == "estimated 1RM"
            else f"{record.value:g} reps"
        )
        if record.previous is None:
            before = "first time"
        elif record.what == "estimated 1RM":
            before = _weight(record.previous, unit)
        else:
            before = f"{record.previous:g} reps"
        rows.append((record.name, f"{record.day:%d %b}", record.what, value, before))
    if rows:
        _table(
            pdf,
            ("Exercise", "Date", "Record", "Now", "Before"),
            rows[:12],
            (58, 22, 34, 34, WIDTH - 148),
        )
    else:
        _line(pdf, "No new records this month.")
    bests = [
        f"{r.name}: {r.reps} reps" if r.reps else f"{r.name}: {r.seconds:g} s"
        for r in summary.rep_records[:4]
        if r.reps or r.seconds
    ]
    if bests:
        _line(pdf, "Best bodyweight sets so far - " + "; ".join(bests) + ".", size=10)
    ladder = summary.ladder
    if ladder is not None:
        step = "the top step" if ladder.at_top else f"then {ladder.next_step}"
        _line(pdf, f"Pull-up ladder at the month's end: {ladder.words()}; {step}.", size=10)


def _body_weight(pdf: _Report, summary: ProgressSummary, unit: WeightUnit) -> None:
    trend = summary.body_weight
    inside = [(d, kg) for d, kg in trend.moving_average if summary.period.first <= d]
    if len(inside) < 2:
        return
    _heading(pdf, "Body weight")
    change = inside[-1][1] - inside[0][1]
    _line(
        pdf,
        f"{_weight(inside[0][1], unit)} to {_weight(inside[-1][1], unit)} "
        f"({unit.from_kg(change):+.1f} {unit.value}, {trend.window_days}-day average).",
    )


def _posture(pdf: _Report, trend: PostureTrend | None) -> None:
    """The latest posture checks and the change since the first (the caller picks the checks
    up to the month's end)."""
    if trend is None or not trend.checks:
        return
    shown = trend.checks[-6:]
    _heading(pdf, "Posture (side photo)")
    rows = [
        (
            f"{c.taken_at:%d %b %Y}",
            f"{c.cva_deg:.1f} +/- {c.cva_sd:.1f} deg",
            f"{c.shoulder_offset_pct:+.1f} +/- {c.shoulder_sd:.1f} %",
            f"{c.trunk_lean_deg:+.1f} +/- {c.trunk_sd:.1f} deg",
        )
        for c in shown
    ]
    header = ("Date", "Head (CVA)", "Shoulder offset", "Trunk lean")
    _table(pdf, header, rows, (34, 48, 52, WIDTH - 134))
    for change in trend.changes:
        unit = " %" if change.what == "shoulder offset" else " deg"
        _line(pdf, change.words(unit) + ".", size=10)
    _line(pdf, trend.advice, size=10)
    _line(pdf, NOT_A_DIAGNOSIS, size=9, colour=(90, 90, 90))


def render_monthly_report(
    month: date,
    summary: ProgressSummary,
    charts: Sequence[tuple[str, bytes]] = (),
    *,
    unit: WeightUnit = WeightUnit.KG,
    person: str = "",
    created: datetime | None = None,
    posture: PostureTrend | None = None,
) -> bytes:
    """The month's report as PDF bytes: figures on page one, then two charts a page.

    `month` is any day of the month; `charts` are (title, PNG bytes) pairs in page order;
    `created` is stamped in the PDF's metadata (the PDF library's clock when left out);
    `posture` adds a posture section: its latest checks and their trend.
    """
    title = f"backtone monthly report - {month:%B %Y}"
    pdf = _Report(title, created)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 11, _latin(f"Your month: {month:%B %Y}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    who = f"{person} - " if person else ""
    weeks = summary.volume.weeks
    span = f"ISO weeks {weeks[0]:%d %b} to {weeks[-1]:%d %b}" if weeks else "no weeks"
    _line(
        pdf,
        f"{who}{summary.period.first:%d %b} to {summary.period.last:%d %b %Y}; weekly "
        f"figures cover the {span}.",
        size=10,
        colour=(90, 90, 90),
    )
    pdf.ln(2)
    _headline(pdf, summary)
    _volume(pdf, summary, unit)
    _balance(pdf, summary)
    _records(pdf, summary, unit)
    _body_weight(pdf, summary, unit)
    _posture(pdf, posture)
    for i, (chart_title, png) in enumerate(charts):
        if i % 2 == 0:
            pdf.add_page()
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 7, _latin(chart_title), new_x="LMARGIN", new_y="NEXT")
        pdf.image(io.BytesIO(png), x=MARGIN, w=WIDTH, h=CHART_H)
        pdf.ln(4)
    return bytes(pdf.output())


REPORT_CHARTS = ("volume", "consistency", "balance", "strength", "pullups", "bodyweight")


def monthly_report_pdf(
    summary: ProgressSummary,
    posture: PostureTrend,
    *,
    unit: WeightUnit,
    person: str,
    tz: tzinfo,
) -> bytes:
    """The whole monthly report with its charts (posture's only when there are checks): the
    one composition the CLI's `backtone report`, the progress page and the API all hand out."""
    from backtone.adapters.formats.charts import render_chart
    from backtone.adapters.formats.posture_chart import posture_chart

    drawn = [render_chart(name, summary, unit=unit) for name in REPORT_CHARTS]
    if posture.checks:
        drawn.append(posture_chart(posture, tz=tz))
    charts = [(chart.title, chart.image) for chart in drawn]
    return render_monthly_report(
        summary.period.first, summary, charts, unit=unit, person=person, posture=posture
    )
