"""Commands to browse the catalogue: exercises, exercise, routines, routine."""

from __future__ import annotations

from typing import Annotated

import typer

from backtone.entrypoints.cli.context import backtone_app, current_caller
from backtone.entrypoints.cli.output import console, print_json

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (see docs/catalogue.md).")]


def _split(values: list[str] | None) -> list[str]:
    """`--equipment db,band --equipment bar` -> ['db', 'band', 'bar']."""
    return [part for value in values or [] for part in value.split(",") if part.strip()]


def exercises(
    search: Annotated[str, typer.Argument(help="Words to look for in names and aliases.")] = "",
    muscle: Annotated[
        str | None, typer.Option(help="A muscle, e.g. lats, traps, rhomboids, erectors.")
    ] = None,
    equipment: Annotated[
        list[str] | None,
        typer.Option(help="What you have (repeat or comma list, e.g. db,band; 'none')."),
    ] = None,
    level: Annotated[
        str | None, typer.Option(help="beginner, intermediate or advanced (and easier).")
    ] = None,
    kind: Annotated[str | None, typer.Option(help="strength, cardio, stretch or mobility.")] = None,
    pattern: Annotated[
        str | None, typer.Option(help="e.g. vertical-pull, horizontal-pull, hinge, stretch.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List exercises, filtered by muscle, equipment, level, kind, pattern or words."""
    from backtone.adapters.catalogue.codec import exercise_to_dict
    from backtone.domain import vocabulary as v
    from backtone.domain.catalogue import ExerciseFilter
    from backtone.entrypoints.cli.catalogue_views import exercise_table
    from backtone.services.catalogue import list_exercises

    query = ExerciseFilter(
        muscle=v.parse_muscle(muscle) if muscle else None,
        equipment=(
            frozenset(v.parse_equipment(e) for e in _split(equipment)) if equipment else None
        ),
        level=v.parse_level(level) if level else None,
        kind=v.parse_kind(kind) if kind else None,
        pattern=v.parse_pattern(pattern) if pattern else None,
        text=search,
    )
    app = backtone_app()
    found = list_exercises(uow=app.uow(), caller=current_caller(), query=query)
    if as_json:
        print_json([exercise_to_dict(e) for e in found])
        return
    if not found:
        console().print("No exercise matches those filters. Try fewer of them.")
        return
    console().print(exercise_table(found, f"{len(found)} exercises"))


def exercise(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="An exercise id or name.")],
    as_json: JsonFlag = False,
) -> None:
    """Show one exercise's full card: muscles, equipment, steps, cues and variants."""
    from backtone.adapters.catalogue.codec import exercise_to_dict
    from backtone.entrypoints.cli.catalogue_views import exercise_card
    from backtone.services.catalogue import show_exercise

    app = backtone_app()
    found, catalogue = show_exercise(
        uow=app.uow(), caller=current_caller(), exercise_id=exercise_id
    )
    if as_json:
        print_json(exercise_to_dict(found))
    else:
        console().print(exercise_card(found, catalogue))


def routines(as_json: JsonFlag = False) -> None:
    """List the built-in routines."""
    from backtone.adapters.catalogue.codec import routine_to_dict
    from backtone.services.catalogue import routines as all_routines

    found, catalogue = all_routines(uow=backtone_app().uow(), caller=current_caller())
    if as_json:
        print_json([routine_to_dict(r, catalogue) for r in found])
        return
    out = console()
    for r in found:
        out.print(f"[cyan]{r.id}[/cyan]  [bold]{r.name}[/bold] — {r.summary}")


def routine(
    routine_id: Annotated[str, typer.Argument(metavar="ID", help="A routine id.")],
    as_json: JsonFlag = False,
) -> None:
    """Show one routine, exercise by exercise."""
    from backtone.adapters.catalogue.codec import routine_to_dict
    from backtone.entrypoints.cli.catalogue_views import routine_view
    from backtone.services.catalogue import show_routine

    app = backtone_app()
    found, catalogue = show_routine(uow=app.uow(), caller=current_caller(), routine_id=routine_id)
    if as_json:
        print_json(routine_to_dict(found, catalogue))
    else:
        console().print(routine_view(found, catalogue))
