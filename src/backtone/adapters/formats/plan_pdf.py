"""A printable plan: one page per week, big type, a table per session, boxes to tick."""

from __future__ import annotations

from fpdf import FPDF

from backtone.domain.plan import Plan, PlanItem, PlanSession, PlanWeek, Role

PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 12.0
SIZES = (15, 14, 13, 12, 11, 10, 9, 8)  # largest type that still fits the week on one page
ROLE_SHADE = {
    Role.WARM_UP: (232, 242, 236),
    Role.MAIN: (255, 255, 255),
    Role.COOL_DOWN: (232, 238, 247),
}
INK, ACCENT = (25, 25, 25), (32, 84, 122)
_LATIN = {
    "\u2013": "-",
    "\u2014": "-",
    "\u2019": "'",
    "\u2018": "'",
    "\u00d7": "x",
    "\u2026": "...",
}


def _text(value: str) -> str:
    """Core PDF fonts speak Latin-1 only: swap typographic marks for plain ones."""
    for bad, good in _LATIN.items():
        value = value.replace(bad, good)
    return value.encode("latin-1", "replace").decode("latin-1")


class _Sheet(FPDF):
    def __init__(self, plan: Plan) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.plan = plan
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_title(_text(plan.name))
        self.set_creator("backtone")


def _columns(size: int) -> tuple[float, float, float, float]:
    """Widths of exercise, prescription, rest and tick-box columns for a type size."""
    ticks = size * 2.4
    rest = size * 1.3
    amount = size * 3.6
    return PAGE_W - 2 * MARGIN - ticks - rest - amount, amount, rest, ticks


def _bookend(pdf: _Sheet, session: PlanSession, role: Role, size: int, line: float) -> None:
    """Warm-up or cool-down on one wrapped line: the stretches need no tick boxes."""
    items = session.by_role(role)
    if not items:
        return
    pdf.set_fill_color(*ROLE_SHADE[role])
    label = "Warm-up: " if role is Role.WARM_UP else "Cool-down: "
    text = label + "  |  ".join(
        f"{i.marked_name} {f'{i.sets} x ' if i.sets > 1 else ''}{i.amount()}" for i in items
    )
    pdf.set_font("Helvetica", "", max(7, size - 2))
    pdf.multi_cell(0, line * 0.85, _text(text), fill=True, new_x="LMARGIN", new_y="NEXT")


def _session(pdf: _Sheet, session: PlanSession, size: int) -> None:
    line = size * 0.58
    pdf.set_fill_color(*ACCENT)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("Helvetica", "B", size)
    heading = f"{session.weekday_name} {session.day:%d %b}  -  {session.title}"
    pdf.cell(PAGE_W - 2 * MARGIN - 30, line + 1, _text(heading), fill=True)
    pdf.cell(30, line + 1, f"~{session.estimated_minutes} min", fill=True, align="R",
             new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.set_text_color(*INK)
    _bookend(pdf, session, Role.WARM_UP, size, line)
    for item in session.by_role(Role.MAIN):
        _row(pdf, item, size, line, _columns(size))
    _bookend(pdf, session, Role.COOL_DOWN, size, line)
    pdf.ln(line * 0.6)


def _row(pdf: _Sheet, item: PlanItem, size: int, line: float, widths: tuple[float, ...]) -> None:
    name_w, amount_w, rest_w, tick_w = widths
    name = _text(item.marked_name)
    fitted: float = size  # a long name gets smaller type rather than running into the next column
    pdf.set_font("Helvetica", "B", fitted)
    while fitted > 6 and pdf.get_string_width(name) > name_w - 1:
        fitted -= 0.5
        pdf.set_font("Helvetica", "B", fitted)
    pdf.cell(name_w, line, name, border="B")
    pdf.set_font("Helvetica", "", size)
    pdf.cell(amount_w, line, _text(f"{item.sets} x {item.amount()}"), border="B")
    rest = f"{item.rest_seconds} s" if item.rest_seconds else ""
    pdf.cell(rest_w, line, rest, border="B", align="R")
    x, y = pdf.get_x(), pdf.get_y()
    pdf.cell(tick_w, line, "", border="B", new_x="LMARGIN", new_y="NEXT")
    box = line * 0.55
    for n in range(min(item.sets, 6)):  # one box per set to tick at the gym
        pdf.rect(x + 1.5 + n * (box + 1.0), y + (line - box) / 2, box, box)
    if item.guidance():
        pdf.set_font("Helvetica", "I", max(7, size - 4))
        pdf.set_x(MARGIN + 4)
        pdf.multi_cell(0, line * 0.7, _text(item.guidance()), new_x="LMARGIN", new_y="NEXT")


def _week(pdf: _Sheet, week: PlanWeek, size: int) -> None:
    pdf.add_page()
    pdf.set_text_color(*ACCENT)
    pdf.set_font("Helvetica", "B", size + 7)
    title = f"Week {week.number} of {len(pdf.plan.weeks)}" + ("  -  deload" if week.deload else "")
    pdf.cell(0, size * 0.8, _text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", "I", size - 2)
    pdf.multi_cell(0, size * 0.45, _text(week.focus), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", max(7, size - 5))
    pdf.cell(0, size * 0.4, _text(f"{pdf.plan.name}  |  {pdf.plan.profile.describe()}"),
             new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.ln(size * 0.3)
    for session in week.sessions:
        _session(pdf, session, size)


def _fits(plan: Plan, week: PlanWeek, size: int) -> bool:
    trial = _Sheet(plan)
    _week(trial, week, size)
    return trial.page_no() == 1 and trial.get_y() <= PAGE_H - MARGIN


def plan_to_pdf(plan: Plan) -> bytes:
    """The plan as a PDF: one A4 page per week in the largest type that fits the page."""
    pdf = _Sheet(plan)
    # one type size for every page, set by the fullest week, so pages read alike
    fullest = max(plan.weeks, key=lambda w: sum(
        len(s.items) + sum(bool(i.guidance()) for i in s.items) for s in w.sessions))  # fmt: skip
    size = next((s for s in SIZES if _fits(plan, fullest, s)), SIZES[-1])
    for week in plan.weeks:
        _week(pdf, week, size)
    return bytes(pdf.output())
