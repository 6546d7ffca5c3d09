"""`backtone next` and `backtone workout`: the next session's targets, and doing it set by set."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from backtone.domain.exercise import Span
    from backtone.services.coaching import SessionItem, SessionPlan


def next_session(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The next session of your plan: each exercise's target for today and why."""
    from backtone.entrypoints.cli.context import backtone_app, current_caller
    from backtone.entrypoints.cli.output import print_json
    from backtone.services.today import upcoming

    session = upcoming(uow=backtone_app().uow(), caller=current_caller())
    if as_json:
        print_json(session_json(session))
        return
    show_session(session)


def workout_session(
    ctx: typer.Context,
    exercise: Annotated[
        list[str] | None,
        typer.Option(
            "--exercise", "-e", help="Do these exercises instead of the plan's session. Repeat."
        ),
    ] = None,
) -> None:
    """Do today's session set by set, unless a subcommand (delete, restore) was asked for."""
    if ctx.invoked_subcommand is None:
        workout(exercise)


def workout(
    exercise: Annotated[
        list[str] | None,
        typer.Option(
            "--exercise", "-e", help="Do these exercises instead of the plan's session. Repeat."
        ),
    ] = None,
) -> None:
    """Do today's session set by set: targets, rest timer, skip and swap; every set is saved.

    An unfinished workout of the last day is offered for resuming first.
    """
    from backtone.entrypoints.cli.context import backtone_app, current_caller
    from backtone.entrypoints.cli.output import console
    from backtone.entrypoints.tui.flow import Wiring
    from backtone.entrypoints.tui.words import summary_lines
    from backtone.entrypoints.tui.workout_app import WorkoutApp
    from backtone.services.today import to_do

    app = backtone_app()
    caller = current_caller()
    wiring = Wiring(
        uow=app.uow(), clock=app.clock, user_id=caller.user_id,
        tz=caller.tz, unit=caller.unit,
    )  # fmt: skip
    found = to_do(uow=wiring.uow, clock=wiring.clock, caller=caller, exercises=exercise or ())
    session, unfinished = found.session, found.unfinished
    summary = WorkoutApp(wiring, session=session, unfinished=unfinished).run()
    out = console()
    if summary is not None:
        out.print("\n".join(summary_lines(summary, wiring.unit)[:-1]))
    else:
        out.print("Every set you logged is saved; `backtone workout` offers to resume.")


def _span_json(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"low": span.low, "high": span.high}


def _planned_json(item: SessionItem) -> dict[str, Any] | None:
    p = item.planned
    if p is None:
        return None
    return {
        "exercise_id": p.exercise_id, "sets": p.sets, "reps": _span_json(p.reps),
        "seconds": _span_json(p.seconds), "rest_seconds": p.rest_seconds, "rung": p.rung,
        "seed": p.is_seed,
    }  # fmt: skip


def session_json(session: SessionPlan) -> dict[str, Any]:
    """The JSON `backtone next --json` prints (described in docs/cli.md)."""
    return {
        "day": session.day.isoformat(),
        "title": session.title,
        "session_id": session.session_id,
        "plan": session.plan_name,
        "deload": session.deload,
        "notes": list(session.notes),
        "items": [
            {
                "exercise_id": i.exercise_id,
                "name": i.name,
                "role": i.role.value,
                "sets": i.sets,
                "reps": _span_json(i.reps),
                "seconds": _span_json(i.seconds),
                "per_side": i.per_side,
                "load_kg": i.load_kg,
                "assisted": i.assisted,
                "rest_seconds": i.rest_seconds,
                "change": i.change.value if i.change is not None else None,
                "reason": i.reason,
                "planned_exercise_id": i.planned_exercise_id,
                "seed": i.is_seed,
                "rung": i.rung,
                "target": session.target_words(i),
                "plan": _planned_json(i),
                "ramp": [
                    {"percent": r.percent, "reps": r.reps, "load_kg": r.load_kg} for r in i.ramp
                ],
            }
            for i in session.items
        ],
    }


def describe_target(item: SessionItem, session: SessionPlan) -> str:
    """'3 x 8-12 at 14 kg a hand, rest 60 s (seed)'."""
    rest = f", rest {item.rest_seconds} s" if item.rest_seconds else ""
    seed = " (seed)" if item.is_seed else ""
    return f"{session.target_words(item)}{rest}{seed}"


def show_session(session: SessionPlan) -> None:
    """The session part by part; each main exercise with its target and, below, what the
    plan said (where today differs), the ramp-up sets and the reason."""
    from rich.markup import escape

    from backtone.domain.plan import Role
    from backtone.entrypoints.cli.output import console

    out = console()
    deload = " (deload week)" if session.deload else ""
    out.print(f"[bold]{session.day:%A %d %b %Y}[/bold] — {escape(session.title)}{deload}")
    for note in session.notes:
        out.print(f"[yellow]{escape(note)}[/yellow]")
    for role in Role:
        items = [i for i in session.items if i.role is role]
        if not items:
            continue
        out.print(f"\n[bold]{role.value.capitalize()}[/bold]")
        for item in items:
            out.print(f"  {escape(item.name)}: {escape(describe_target(item, session))}")
            if item.plan_words():
                out.print(f"    [dim]plan: {escape(item.plan_words())}[/dim]")
            if item.ramp:
                out.print(f"    [dim]{escape(item.ramp_words(session.unit))}[/dim]")
            if item.reason:
                out.print(f"    [dim]{escape(item.reason)}[/dim]")
    out.print("\nStart it with `backtone workout`.")
