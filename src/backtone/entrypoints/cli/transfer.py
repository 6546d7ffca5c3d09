"""Commands that move data in and out: export, import, backup."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backtone.entrypoints.cli.catalog_import import read_user_file
from backtone.entrypoints.cli.context import backtone_app, current_user
from backtone.entrypoints.cli.files import write_file
from backtone.entrypoints.cli.output import console

if TYPE_CHECKING:
    from backtone.services.context import Caller

FileArg = Annotated[Path, typer.Argument(help="The file to write or read.")]
OutArg = Annotated[
    Path, typer.Argument(help="The file to write; '-' writes the backup to standard output.")
]


def _caller() -> Caller:
    from backtone.entrypoints.cli.training_log import local_tz
    from backtone.services.context import caller_for

    app = backtone_app()
    return caller_for(uow=app.uow(), clock=app.clock, user_id=current_user().id, tz=local_tz())


def export_json(path: OutArg) -> None:
    """Write a complete, versioned backup of your data as JSON.

    It holds your settings (name, time zone, role), profile, kit, your own exercises, every
    plan and which one is current, every workout and set, body weights, check-ins, posture
    checks and the exercise names your imports remember. Never your password or tokens.
    """
    from rich.console import Console

    from backtone.adapters.formats.backup_json import write_backup
    from backtone.services.backup import listed, my_backup

    app = backtone_app()
    backup = my_backup(uow=app.uow(), clock=app.clock, caller=_caller())
    text = write_backup(backup)
    if str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        where, aside = "standard output", True
    else:
        aside = path.exists() and not path.is_file()  # /dev/stdout, a pipe: say it aside
        write_file(path, text)
        where = str(path)
    sets = sum(len(w.workout.sets) for w in backup.workouts)
    counts = {
        "workouts": len(backup.workouts), "plans": len(backup.plans),
        "exercises": len(backup.exercises), "body_weights": len(backup.body_weights),
        "check_ins": len(backup.check_ins), "postures": len(backup.postures),
    }  # fmt: skip
    held = listed(counts) or "nothing yet"
    Console(stderr=aside, highlight=False).print(
        f"Wrote a backup of {held} ({sets} sets) and your settings to {where}."
    )


def import_json(path: FileArg) -> None:
    """Restore a JSON backup (of any version) into your account, all or nothing.

    What your account lacks is added and nothing is added twice, so restoring the same file
    again changes nothing. Settings you have already made here (time zone, profile, kit,
    current plan) are kept; the backup's fill in those you have not.
    """
    from backtone.adapters.formats.backup_json import read_backup
    from backtone.domain.errors import InvalidInput
    from backtone.services.backup import restore_backup

    data = read_user_file(path)
    try:
        backup = read_backup(data)
    except InvalidInput as error:
        raise InvalidInput(f"{path}: {error.field}", error.problem, error.allowed) from None
    app = backtone_app()
    result = restore_backup(uow=app.uow(), clock=app.clock, caller=_caller(), backup=backup)
    console().print(result.in_words())


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
