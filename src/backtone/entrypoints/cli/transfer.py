"""Commands that move data in and out: export, import, backup."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from backtone.entrypoints.cli.catalog_import import read_user_file
from backtone.entrypoints.cli.context import backtone_app, current_user
from backtone.entrypoints.cli.files import write_file
from backtone.entrypoints.cli.output import console

FileArg = Annotated[Path, typer.Argument(help="The file to write or read.")]


def export_json(path: FileArg) -> None:
    """Write a complete, versioned backup of your data as JSON."""
    from backtone.adapters.formats.backup_json import Backup, write_backup
    from backtone.services.backup import export_workouts

    app = backtone_app()
    user = current_user()
    with app.uow() as uow:
        exercises = tuple(uow.exercises.for_user(user.id))
    workouts = tuple(export_workouts(uow=app.uow(), user_id=user.id))
    write_file(path, write_backup(Backup(app.clock.now(), exercises, workouts)))
    sets = sum(len(w.sets) for w in workouts)
    console().print(f"Wrote {len(workouts)} workouts ({sets} sets) and "
                    f"{len(exercises)} of your own exercises to {path}.")  # fmt: skip


def import_json(path: FileArg) -> None:
    """Bring back a JSON backup (what is already there is not added twice)."""
    from backtone.adapters.formats.backup_json import read_backup
    from backtone.domain.errors import InvalidInput
    from backtone.services.backup import restore_workouts
    from backtone.services.catalogue import import_exercises

    data = read_user_file(path)
    try:
        backup = read_backup(data)
    except InvalidInput as error:
        raise InvalidInput(f"{path}: {error.field}", error.problem, error.allowed) from None
    app = backtone_app()
    user = current_user()
    # One transaction for the whole backup: both use cases run inside this block, so their
    # own commits wait for its one (all or nothing).
    with app.uow() as uow:
        exercises = import_exercises(
            uow=uow, builtin=app.catalogue, user_id=user.id, exercises=backup.exercises
        )
        result = restore_workouts(
            uow=uow, clock=app.clock, user_id=user.id, workouts=backup.workouts
        )
        uow.commit()
    console().print(
        f"Restored {result.workouts_added} workouts ({result.sets_added} sets) and "
        f"{exercises.added} exercises; {result.workouts_already_present} workouts were "
        "already there."
    )


def backup(path: FileArg) -> None:
    """Copy the whole SQLite database safely while it may be in use."""
    from backtone.adapters.db.backup import copy_sqlite_database

    app = backtone_app()
    if app.engine.dialect.name != "sqlite":
        console().print(
            "Your data is in PostgreSQL: back it up with pg_dump, e.g.\n"
            '  pg_dump --format=custom --file backtone.dump "$BACKTONE_DATABASE_URL"\n'
            "(drop the '+psycopg' part of the URL for pg_dump)."
        )
        raise typer.Exit(1)
    copy_sqlite_database(app.engine, path)
    console().print(f"Backed up the database to {path}.")
