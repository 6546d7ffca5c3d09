"""The `backtone` command. Every command module imports its heavy parts lazily."""

from __future__ import annotations

from typing import Annotated

import typer

from backtone.entrypoints.cli import (
    account,
    catalog_import,
    catalogue,
    check,
    coach,
    db,
    history_edit,
    history_files,
    plan,
    posture,
    progress,
    readiness,
    tokens,
    tour,
    training_log,
    transfer,
)
from backtone.entrypoints.cli.context import state
from backtone.entrypoints.cli.errors import friendly
from backtone.entrypoints.web import serve as web_serve

app = typer.Typer(
    name="backtone",
    help="A coach for a stronger, better-looking back and better posture.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: Rich's help formatter alone costs ~120 ms a start
)


@app.callback()
def main_options(
    user: Annotated[
        str, typer.Option("--user", envvar="BACKTONE_USER", help="Act for this person.")
    ] = "me",
) -> None:
    """Options for every command."""
    state.user_name = user


def _register(group: typer.Typer, name: str, command: object) -> None:
    group.command(name)(friendly(command))  # type: ignore[arg-type]


_register(app, "exercises", catalogue.exercises)
_register(app, "exercise", catalogue.exercise)
_register(app, "routines", catalogue.routines)
_register(app, "routine", catalogue.routine)
_register(app, "tour", tour.tour)
_register(app, "log", training_log.log)
_register(app, "undo", training_log.undo)
_register(app, "history", training_log.history)
_register(app, "records", training_log.records)
_register(app, "check", check.check)
_register(app, "posture", posture.posture)
_register(app, "plan", plan.plan)
_register(app, "plans", plan.plans)
_register(app, "next", coach.next_session)
_register(app, "checkin", readiness.checkin)
_register(app, "kit", readiness.kit)
_register(app, "progress", progress.progress)
_register(app, "report", progress.report)
_register(app, "weight", progress.weight)

set_app = typer.Typer(
    help="Correct a logged set (ids from `backtone history`).", no_args_is_help=True
)
_register(set_app, "edit", history_edit.set_edit)
_register(set_app, "delete", history_edit.set_delete)
app.add_typer(set_app, name="set")

# `backtone workout` alone runs the guided session; its subcommands correct the history.
workout_app = typer.Typer(invoke_without_command=True, help=coach.workout.__doc__)
workout_app.callback()(friendly(coach.workout_session))
_register(workout_app, "delete", history_edit.workout_delete)
_register(workout_app, "restore", history_edit.workout_restore)
app.add_typer(workout_app, name="workout")

account_app = typer.Typer(help="Your local account.", no_args_is_help=True)
_register(account_app, "delete", account.account_delete)
app.add_typer(account_app, name="account")

catalog_app = typer.Typer(help="Extend the catalogue with open data.", no_args_is_help=True)
_register(catalog_app, "import", catalog_import.catalog_import)
app.add_typer(catalog_app, name="catalog")

export_app = typer.Typer(
    help="Take your data out (JSON backup; Strong, Hevy or openweight files).",
    no_args_is_help=True,
)
_register(export_app, "json", transfer.export_json)
_register(export_app, "strong", history_files.export_strong)
_register(export_app, "hevy", history_files.export_hevy)
_register(export_app, "openweight", history_files.export_openweight)
app.add_typer(export_app, name="export")

import_app = typer.Typer(
    help="Bring data in (JSON backup; your history from Strong, Hevy and other apps).",
    no_args_is_help=True,
)
_register(import_app, "json", transfer.import_json)
_register(import_app, "history", history_files.import_any)
_register(import_app, "strong", history_files.import_strong)
_register(import_app, "hevy", history_files.import_hevy)
_register(import_app, "fitnotes", history_files.import_fitnotes)
_register(import_app, "stronglifts", history_files.import_stronglifts)
_register(import_app, "liftosaur", history_files.import_liftosaur)
_register(import_app, "liftlog", history_files.import_liftlog)
_register(import_app, "jefit", history_files.import_jefit)
_register(import_app, "openweight", history_files.import_openweight)
_register(import_app, "csv", history_files.import_csv)
app.add_typer(import_app, name="import")
_register(app, "backup", transfer.backup)

_register(app, "serve", web_serve.serve)

tokens_app = typer.Typer(help="API tokens: list, create, revoke.", no_args_is_help=True)
_register(tokens_app, "list", tokens.list_tokens)
_register(tokens_app, "create", tokens.create_token)
_register(tokens_app, "revoke", tokens.revoke_token)
app.add_typer(tokens_app, name="tokens")

db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
_register(db_app, "upgrade", db.upgrade)
_register(db_app, "current", db.current)
app.add_typer(db_app, name="db")


def main() -> None:
    app(prog_name="backtone")
