"""`backtone next` and `backtone workout`: the next session's targets, and doing it set by set."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from backtone.domain.catalogue import Catalogue
    from backtone.domain.exercise import Span
    from backtone.domain.training import WeightUnit
    from backtone.services.coaching import SessionItem, SessionPlan


def next_session(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The next session of your plan: each exercise's target for today and why."""
    from datetime import date

    from backtone.entrypoints.cli.context import backtone_app, current_unit, current_user
    from backtone.entrypoints.cli.output import print_json
    from backtone.entrypoints.cli.training_log import local_tz
    from backtone.services import coaching

    app = backtone_app()
    unit = current_unit()
    session = coaching.next_session(
        uow=app.uow(), builtin=app.catalogue, user_id=current_user().id,
        today=date.today(), tz=local_tz(), unit=unit,
    )  # fmt: skip
    if as_json:
        print_json(session_json(session))
        return
    show_session(session, app.catalogue, unit)


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
    from datetime import date

    from backtone.domain.errors import NotFound
    from backtone.entrypoints.cli.context import backtone_app, current_unit, current_user
    from backtone.entrypoints.cli.output import console
    from backtone.entrypoints.cli.training_log import local_tz
    from backtone.entrypoints.tui.flow import Wiring
    from backtone.entrypoints.tui.words import summary_lines
    from backtone.entrypoints.tui.workout_app import WorkoutApp
    from backtone.services import coaching

    app = backtone_app()
    wiring = Wiring(
        uow=app.uow(), builtin=app.catalogue, clock=app.clock, user_id=current_user().id,
        tz=local_tz(), unit=current_unit(),
    )  # fmt: skip
    uow, builtin, user_id, tz = wiring.uow, wiring.builtin, wiring.user_id, wiring.tz
    unfinished = coaching.open_workout(
        uow=uow, builtin=builtin, clock=wiring.clock, user_id=user_id, tz=tz
    )
    session = None
    try:
        if exercise:
            session = coaching.adhoc_session(
                uow=uow, builtin=builtin, user_id=user_id, exercises=exercise,
                today=date.today(), tz=tz,
            )  # fmt: skip
        else:
            session = coaching.next_session(
                uow=uow, builtin=builtin, user_id=user_id, today=date.today(), tz=tz,
                unit=wiring.unit,
            )  # fmt: skip
    except NotFound:
        if unfinished is None:
            raise
    summary = WorkoutApp(wiring, session=session, unfinished=unfinished).run()
    out = console()
    if summary is not None:
        out.print("\n".join(summary_lines(summary, wiring.unit)[:-1]))
    else:
        out.print("Every set you logged is saved; `backtone workout` offers to resume.")


def _span_json(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"low": span.low, "high": span.high}


def session_json(session: SessionPlan) -> dict[str, Any]:
    """The JSON `backtone next --json` prints (described in docs/cli.md)."""
    return {
        "day": session.day.isoformat(),
        "title": session.title,
        "session_id": session.session_id,
        "plan": session.plan_name,
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
            }
            for i in session.items
        ],
    }


def describe_target(item: SessionItem, catalogue: Catalogue, unit: WeightUnit) -> str:
    """'3 x 8-12 at 14 kg a hand, rest 60 s'."""
    rest = f", rest {item.rest_seconds} s" if item.rest_seconds else ""
    return f"{item.sets} x {item.amount()}{item.load_words(catalogue, unit)}{rest}"


def show_session(session: SessionPlan, catalogue: Catalogue, unit: WeightUnit) -> None:
    """The session part by part; each main exercise with its target and, below, the reason."""
    from rich.markup import escape

    from backtone.domain.plan import Role
    from backtone.entrypoints.cli.output import console

    out = console()
    out.print(f"[bold]{session.day:%A %d %b %Y}[/bold] — {escape(session.title)}")
    for role in Role:
        items = [i for i in session.items if i.role is role]
        if not items:
            continue
        out.print(f"\n[bold]{role.value.capitalize()}[/bold]")
        for item in items:
            out.print(f"  {escape(item.name)}: {describe_target(item, catalogue, unit)}")
            if item.reason:
                out.print(f"    [dim]{escape(item.reason)}[/dim]")
    out.print("\nStart it with `backtone workout`.")
