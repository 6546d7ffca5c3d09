"""`backtone plan`: make a multi-week back plan from flags or a questionnaire, show or export it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from datetime import date, time

    from backtone.domain.plan import Plan
    from backtone.domain.profile import Profile

EXPORTS = (".json", ".md", ".ics", ".pdf")


def plan(
    level: Annotated[
        str | None, typer.Option(help="beginner, intermediate or advanced (default beginner).")
    ] = None,
    equipment: Annotated[
        str,
        typer.Option(
            help="A preset (home-none, home-band, home-dumbbells, home-bar, gym) or a comma"
            " list such as dumbbells,bench or home-bar,band; a list adds to what every home has"
            " (floor, wall, doorframe, chair), and no-doorframe takes one away."
        ),
    ] = "home-none",
    days: Annotated[int | None, typer.Option(help="Sessions a week, 1-6.")] = None,
    weekdays: Annotated[
        str | None, typer.Option(help="Which days, e.g. mon,wed,fri (default: spread out).")
    ] = None,
    minutes: Annotated[int, typer.Option(help="Minutes per session, 10-120.")] = 30,
    emphasis: Annotated[str, typer.Option(help="tone, posture or strength.")] = "tone",
    limitation: Annotated[
        list[str] | None,
        typer.Option(help="Spare a body part: lower-back, shoulder, wrist, elbow, knee. Repeat."),
    ] = None,
    pull_ups: Annotated[
        int | None, typer.Option(help="Strict pull-ups you can do in a row today.")
    ] = None,
    hang_seconds: Annotated[
        int | None, typer.Option(help="Your longest hang from a bar, in seconds.")
    ] = None,
    push_ups: Annotated[
        int | None, typer.Option(help="Full push-ups you can do in a row today.")
    ] = None,
    weeks: Annotated[int, typer.Option(help="Plan length in weeks, 1-12.")] = 8,
    units: Annotated[
        str | None, typer.Option(help="kg or lb for loads (default: as you chose before, else kg).")
    ] = None,
    start: Annotated[
        str | None, typer.Option(help="First day, YYYY-MM-DD (default today).")
    ] = None,
    at: Annotated[
        str, typer.Option("--time", help="Session start time for calendar events, HH:MM.")
    ] = "18:00",
    template: Annotated[
        str | None, typer.Option(help="Use a seed routine instead: seed-003 or seed-000-gym.")
    ] = None,
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Answer a few questions instead.")
    ] = False,
    export: Annotated[
        Path | None, typer.Option(help="Write the plan to FILE: .json, .md, .ics or .pdf.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the plan as JSON (see docs/plans.md).")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only show the plan; do not keep it as yours.")
    ] = False,
) -> None:
    """Make a personal back plan: weeks of sessions that fit your kit, days and minutes.

    Your self-test answers (--pull-ups, --hang-seconds, --push-ups) place you on the pull-up
    and push-up ladders; answers left out are assumed from --level. The plan becomes your
    current one (earlier plans stay in `backtone plans`).
    """
    from backtone.domain.profile import build_profile
    from backtone.entrypoints.cli.context import backtone_app, current_caller
    from backtone.services.planning import adopt_plan, draft_plan

    caller = current_caller()
    first_day, session_time = _parse_start(start), _parse_time(at)
    units = units or caller.unit.value
    if interactive:
        profile, weeks = _questionnaire(weeks, units)
    else:
        profile = build_profile(
            level=level or "beginner",
            equipment=equipment,
            days=days,
            weekdays=weekdays,
            minutes=minutes,
            emphasis=emphasis,
            limitations=tuple(limitation or ()),
            pull_ups=pull_ups,
            hang_seconds=hang_seconds,
            push_ups=push_ups,
            units=units,
        )
    app = backtone_app()
    made = draft_plan(uow=app.uow(), caller=caller, profile=profile, weeks=weeks,
                      start=first_day, template=template)  # fmt: skip
    if export is not None:
        _export(made, export, session_time)
    if not dry_run:
        adopt_plan(uow=app.uow(), clock=app.clock, caller=caller, plan=made)
    if as_json:
        from backtone.adapters.formats.plan_json import plan_to_json

        sys.stdout.write(plan_to_json(made))
        return
    show_plan(made)
    if export is not None:
        print(f"Saved {export}")
    if not dry_run:
        print("Kept as your current plan: `backtone next` shows the next session.")


def plans(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the plans you have made, the current one marked."""
    from backtone.entrypoints.cli.context import backtone_app, current_user
    from backtone.entrypoints.cli.output import console, print_json
    from backtone.services.plans import plan_history

    found = plan_history(uow=backtone_app().uow(), user_id=current_user().id)
    if as_json:
        print_json(
            [
                {
                    "id": p.id,
                    "name": p.name,
                    "created_at": p.created_at.isoformat(),
                    "start": p.start.isoformat(),
                    "weeks": p.weeks,
                    "sessions": p.sessions,
                    "current": p.is_current,
                }
                for p in found
            ]
        )
        return
    out = console()
    if not found:
        out.print("No plans yet. Make one with `backtone plan`.")
    for p in found:
        mark = "[green]current[/green]" if p.is_current else "       "
        out.print(f"{mark} #{p.id} {p.name} — from {p.start:%d %b %Y}, {p.weeks} weeks, "
                  f"{p.sessions} sessions (made {p.created_at:%d %b %Y})")  # fmt: skip


def _parse_start(text: str | None) -> date | None:
    """The first day as typed (the service keeps it within a year of today)."""
    from datetime import date

    from backtone.domain.errors import InvalidInput

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("start", f"{text!r} is not a date", "YYYY-MM-DD") from None


def _parse_time(text: str) -> time:
    from datetime import time

    from backtone.domain.errors import InvalidInput

    try:
        return time.fromisoformat(text)
    except ValueError:
        raise InvalidInput("time", f"{text!r} is not a time of day", "HH:MM, e.g. 18:30") from None


def _export(made: Plan, path: Path, session_time: time) -> None:
    from backtone.domain.errors import InvalidInput
    from backtone.entrypoints.cli.files import write_file

    suffix = path.suffix.lower()
    if suffix not in EXPORTS:
        raise InvalidInput("export", f"cannot tell the format of {path.name!r}", EXPORTS)
    if suffix == ".json":
        from backtone.adapters.formats.plan_json import plan_to_json

        data = plan_to_json(made).encode()
    elif suffix == ".md":
        from backtone.adapters.formats.plan_markdown import plan_to_markdown

        data = plan_to_markdown(made).encode()
    elif suffix == ".ics":
        from backtone.adapters.formats.plan_ical import plan_to_ical

        data = plan_to_ical(made, at=session_time)
    else:
        from backtone.adapters.formats.plan_pdf import plan_to_pdf

        data = plan_to_pdf(made)
    write_file(path, data)


def _questionnaire(weeks: int, units: str) -> tuple[Profile, int]:
    """A short interview: the self-test (which suggests the level), then kit, days, time and
    goals."""
    from rich.prompt import IntPrompt, Prompt

    from backtone.domain.profile import (
        EQUIPMENT_PRESETS,
        SelfTest,
        build_profile,
    )

    print("A few questions to fit the plan to you (Enter keeps the default).")
    test = SelfTest(
        hang_seconds=IntPrompt.ask("How many seconds can you hang from a bar?", default=0),
        pull_ups=IntPrompt.ask("How many strict pull-ups can you do in a row?", default=0),
        push_ups=IntPrompt.ask("How many push-ups can you do in a row?", default=5),
    )
    level = Prompt.ask(
        f"Your level? (your answers read as {test.level().value})",
        choices=["beginner", "intermediate", "advanced"],
        default=test.level().value,
    )
    equipment = Prompt.ask(
        "What do you train with? (a preset or a comma list)",
        default="home-none",
        choices=None,
        show_choices=False,
    )
    if equipment not in EQUIPMENT_PRESETS:
        print("  (presets: " + ", ".join(EQUIPMENT_PRESETS) + ")")
    weekdays = Prompt.ask("Which days can you train? (e.g. mon,wed,fri)", default="mon,wed,fri")
    minutes = IntPrompt.ask("Minutes per session (10-120)?", default=30)
    emphasis = Prompt.ask(
        "What matters most?", choices=["tone", "posture", "strength"], default="tone"
    )
    spare = Prompt.ask(
        "Anything to spare? (lower-back, shoulder, wrist, elbow, knee; blank for none)",
        default="",
    )
    weeks = IntPrompt.ask("How many weeks (1-12)?", default=weeks)
    profile = build_profile(
        level=level,
        self_test=test,
        equipment=equipment,
        weekdays=weekdays,
        minutes=minutes,
        emphasis=emphasis,
        limitations=tuple(s.strip() for s in spare.split(",") if s.strip()),
        units=units,
    )
    return profile, weeks


def show_plan(made: Plan) -> None:
    """The terminal view: who it is for, notes, every session of week one, then all weeks."""
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    from backtone.domain.plan import Role

    console = Console(highlight=False)
    notes = "\n".join(f"- {note}" for note in made.notes)
    console.print(
        Panel(
            f"[bold]{made.profile.describe()}[/bold]\nStarts {made.start:%A %d %B %Y}\n\n{notes}",
            title=made.name,
            expand=False,
        )
    )
    first = made.weeks[0]
    console.print(f"[bold]Week 1[/bold] - {first.focus}")
    for session in first.sessions:
        table = Table(
            title=f"{session.weekday_name} {session.day:%d %b}: {session.title}"
            f" (about {session.estimated_minutes} min)",
            title_justify="left",
        )
        for column in ("", "Exercise", "Sets x amount", "Rest", "Note"):
            table.add_column(column)
        for item in session.items:
            style = "bold" if item.role is Role.MAIN else "dim"
            rest = f"{item.rest_seconds} s" if item.rest_seconds else ""
            table.add_row(
                item.role.value,
                item.marked_name,
                f"{item.sets} x {item.amount()}",
                rest,
                item.guidance(),
                style=style,
            )
        console.print(table)
    summary = Table(title="All weeks", title_justify="left")
    for column in ("Week", "Focus", "Sessions (min)"):
        summary.add_column(column)
    for week in made.weeks:
        minutes = ", ".join(str(s.estimated_minutes) for s in week.sessions)
        label = f"{week.number}" + (" deload" if week.deload else "")
        summary.add_row(label, week.focus, minutes)
    console.print(summary)
    console.print("Every week in full: --export plan.md, plan.pdf or plan.ics (calendar).")
