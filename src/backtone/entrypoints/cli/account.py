"""`backtone account delete`: the local person and everything stored for them, gone."""

from __future__ import annotations

from typing import Annotated

import typer

from backtone.entrypoints.cli.context import backtone_app, current_caller, state
from backtone.entrypoints.cli.output import console


def account_delete(
    yes: Annotated[
        bool, typer.Option("--yes", help="Confirm: nothing is deleted without it.")
    ] = False,
) -> None:
    """Delete the local person (`--user`, default me) and all their data, for good.

    Take a backup first (`backtone backup`). An account that signs in on the web is deleted
    from its settings page, where its password is asked.
    """
    from backtone.adapters.security import Argon2Hasher
    from backtone.domain.errors import InvalidInput
    from backtone.services.accounts import delete_account

    if not yes:
        raise InvalidInput(
            "--yes",
            f"deleting {state.user_name} and all their data cannot be undone",
            "--yes, after `backtone backup` if you may want the data back",
        )
    app = backtone_app()
    name = delete_account(
        uow=app.uow(), clock=app.clock, hasher=Argon2Hasher(), limiter=app.limiter,
        caller=current_caller(), password=None,
    )  # fmt: skip
    console().print(f"Deleted {name} and everything stored for them.")
