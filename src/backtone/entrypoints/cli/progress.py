"""Commands to see progress: progress (figures and charts), report (monthly PDF), weight."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from backtone.entrypoints.cli.context import (
    backtone_app,
    current_caller,
    current_unit,
    current_user,
)
from backtone.entrypoints.cli.files import write_file
from backtone.entrypoints.cli.output import console, print_json
from backtone.entrypoints.cli.training_log import local_tz, parse_day

if TYPE_CHECKING:
    from backtone.domain.analytics import ProgressSummary
    from backtone.domain.training import WeightUnit


def _summary_json(s: ProgressSummary) -> dict[str, Any]:
    return {
        "period": {"first": s.period.first.isoformat(), "last": s.period.last.isoformat()},
        "weeks": [w.isoformat() for w in s.volume.weeks],
        "hard_sets": {r: list(v) for r, v in s.volume.hard_sets.items()},
        "targets": {r: list(t) for r, t in s.volume.targets.items()},
        "push_pull": [[b.week.isoformat(), b.push_sets, b.pull_sets] for b in s.balance.weeks],
        "balance_flags": [f.value for f in s.balance.flags],
        "sessions": [[c.week.isoformat(), c.planned, c.done] for c in s.consistency.weeks],
        "current_streak_weeks": s.consistency.current_streak,
        "best_streak_weeks": s.consistency.best_streak,
        "pull_up_ladder": (
            {
                "rung": s.ladder.rung,
                "of": s.ladder.rungs,
                "exercise_id": s.ladder.exercise_id,
                "target": s.ladder.target,
                "reason": s.ladder.reason,
                "next_step": s.ladder.next_step,
            }
            if s.ladder
            else None
        ),
        "new_records": [r.exercise_id for r in s.new_records],
        "body_weight_weekly_kg": [[d.isoformat(), kg] for d, kg in s.body_weight.weekly_mean],
    }


def _show(s: ProgressSummary, unit: WeightUnit) -> None:
    from rich.table import Table

    out = console()
    out.print(f"[bold]Progress[/bold] {s.period.first:%d %b} – {s.period.last:%d %b %Y}")
    table = Table(title="Hard sets a week (latest weeks)", title_justify="left")
    table.add_column("region")
    shown = s.volume.weeks[-6:]
    for week in shown:
        table.add_column(f"{week:%d %b}", justify="right")
    table.add_column("target")
    for region in s.volume.regions:
        low_high = s.volume.targets.get(region)
        row = list(s.volume.hard_sets.get(region, ()))[-len(shown) :] if shown else []
        target = f"{low_high[0]}-{low_high[1]}" if low_high else ""
        table.add_row(region, *(str(n) for n in row), target)
    out.print(table)
    for advice in s.balance.messages:
        out.print(f"[yellow]{advice}[/yellow]")
    if s.balance.waiting:
        out.print(s.balance.waiting)
    c = s.consistency
    done = sum(w.done for w in c.weeks)
    planned = sum(w.planned for w in c.weeks)
    out.print(
        f"Sessions: {done} done, {planned} planned; {c.streak_words()}. "
        "Consistency is what tones a back."
    )
    if s.ladder:
        out.print(f"Pull-up ladder: {s.ladder.words()} — {s.ladder.reason}")
    for record in s.new_records:
        out.print(f"[green]new record[/green] {record.exercise_id}")
    if s.body_weight.weekly_mean:
        (_, first), (_, last) = s.body_weight.weekly_mean[0], s.body_weight.weekly_mean[-1]
        out.print(f"Body weight: {unit.from_kg(first):.1f} → {unit.from_kg(last):.1f} {unit.value}")
    out.print(
        "Charts: backtone progress --chart volume|balance|consistency|heatmap|strength|"
        "pullups|bodyweight --out FILE.png"
    )


def progress(
    chart: Annotated[
        str | None,
        typer.Option(
            help="Draw one chart: volume, balance, consistency, heatmap, "
            "strength, pullups or bodyweight."
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the chart (.png or .svg).")
    ] = None,
    exercise: Annotated[
        list[str] | None, typer.Option(help="Exercises for the strength chart (repeat).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Your progress: weekly sets per region, push/pull balance, consistency, records, charts."""
    from backtone.adapters.formats.charts import CHART_NAMES, ChartFormat, render_chart
    from backtone.domain.errors import InvalidInput
    from backtone.services.progress import progress_summary

    summary = progress_summary(uow=backtone_app().uow(), caller=current_caller())
    unit = current_unit()
    if chart is None:
        print_json(_summary_json(summary)) if as_json else _show(summary, unit)
        return
    if chart not in CHART_NAMES:
        raise InvalidInput("--chart", f"unknown chart {chart!r}", CHART_NAMES)
    target = out or Path(f"{chart}.png")
    if target.suffix not in (".png", ".svg"):
        raise InvalidInput("--out", f"cannot tell the format of {target.name!r}", ".png, .svg")
    fmt = ChartFormat.SVG if target.suffix == ".svg" else ChartFormat.PNG
    drawn = render_chart(chart, summary, unit=unit, fmt=fmt, exercises=exercise or ())
    write_file(target, drawn.image)
    if as_json:
        print_json(
            [
                {"label": s.label, "unit": s.unit, "x": [str(x) for x in s.x], "y": list(s.y)}
                for s in drawn.series
            ]
        )
    else:
        console().print(f"Wrote {drawn.title.lower()} to {target}.")


def report(
    month: Annotated[str, typer.Option(help="The month, YYYY-MM.")],
    out: Annotated[Path | None, typer.Option(help="The PDF to write.")] = None,
) -> None:
    """Write a monthly PDF report: sessions, streak, volume per region, balance, records, charts."""
    from backtone.adapters.formats.report_pdf import monthly_report_pdf
    from backtone.services.progress import monthly_report

    app, caller = backtone_app(), current_caller()
    found = monthly_report(uow=app.uow(), caller=caller, month=month)
    pdf = monthly_report_pdf(
        found.summary, found.posture, unit=caller.unit, person=current_user().name, tz=caller.tz
    )
    target = out or Path(f"backtone-{month}.pdf")
    write_file(target, pdf)
    console().print(f"Wrote the {found.summary.period.first:%B %Y} report to {target}.")


def weight(
    kg: Annotated[float, typer.Argument(help="Your body weight.")],
    unit: Annotated[str, typer.Option(help="kg or lb.")] = "kg",
    on: Annotated[
        str | None, typer.Option("--date", help="YYYY-MM-DD, today or yesterday.")
    ] = None,
) -> None:
    """Note your body weight (the progress page shows its trend)."""
    from backtone.domain.errors import InvalidInput
    from backtone.domain.training import WeightUnit
    from backtone.services.progress import record_body_weight

    try:
        weight_unit = WeightUnit(unit.lower())
    except ValueError:
        raise InvalidInput("--unit", repr(unit), "kg, lb") from None
    app = backtone_app()
    record_body_weight(
        uow=app.uow(),
        clock=app.clock,
        user_id=current_user().id,
        kg=weight_unit.to_kg(kg),
        on=parse_day(on) if on else None,
        tz=local_tz(),
    )
    console().print(f"Noted {kg:g} {weight_unit.value}.")
