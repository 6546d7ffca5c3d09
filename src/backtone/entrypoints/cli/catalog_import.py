"""`backtone catalog import`: bring open exercise data into your own catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from backtone.entrypoints.cli.context import backtone_app, current_caller
from backtone.entrypoints.cli.output import console, print_json


def read_user_file(path: Path) -> bytes:
    """A file's bytes, or a clear message naming it when it cannot be read."""
    from backtone.domain.errors import InvalidInput

    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(str(path), "does not exist", "a path to a file") from None
    except IsADirectoryError:
        raise InvalidInput(str(path), "is a folder", "a path to a file") from None
    except PermissionError:
        raise InvalidInput(str(path), "cannot be read (permission denied)", "a file") from None


def catalog_import(
    path: Annotated[Path, typer.Argument(help="A free-exercise-db exercises.json file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Import free-exercise-db JSON into your catalogue (importing twice adds nothing)."""
    from rich.table import Table

    from backtone.adapters.formats.free_exercise_db import read_free_exercise_db
    from backtone.domain.errors import InvalidInput
    from backtone.services.catalogue import import_exercises

    data = read_user_file(path)
    try:
        report = read_free_exercise_db(data)
    except InvalidInput as error:  # name the file in front of the line or entry
        raise InvalidInput(f"{path}: {error.field}", error.problem, error.allowed) from None
    app = backtone_app()
    result = import_exercises(uow=app.uow(), caller=current_caller(), exercises=report.exercises)
    if as_json:
        print_json({
            "entries_read": report.entries_read,
            "mapped_exercises": len(report.exercises),
            "added": result.added,
            "already_present": result.already_present,
            "unmapped": [vars(u) for u in report.unmapped],
            "left_out": [vars(x) for x in report.left_out],
            "mappings": [vars(m) for m in report.mapped],
        })  # fmt: skip
        return
    out = console()
    out.print(
        f"Read {report.entries_read} entries from {path.name}: {len(report.exercises)} mapped, "
        f"{len(report.left_out)} left out. Added {result.added} to your catalogue "
        f"({result.already_present} were already there)."
    )
    if report.unmapped:
        table = Table(title="Values with no counterpart in backtone", title_justify="left")
        for column in ("field", "value", "entries", "what happened"):
            table.add_column(column)
        for u in report.unmapped:
            table.add_row(u.field, u.value, str(u.entries), u.effect)
        out.print(table)
    if report.left_out:
        shown = ", ".join(x.id for x in report.left_out[:10])
        more = f" and {len(report.left_out) - 10} more" if len(report.left_out) > 10 else ""
        out.print(f"Left out: {shown}{more} (--json lists every one with its reason).")
    out.print("Imported entries are listed by `backtone exercises` with ids starting 'fedb-'.")
