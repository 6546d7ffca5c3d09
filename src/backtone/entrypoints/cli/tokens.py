"""API tokens from the command line: list them, make one, revoke one."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from backtone.entrypoints.cli.context import backtone_app, current_caller, current_user
from backtone.entrypoints.cli.output import console, print_json

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def list_tokens(as_json: JsonFlag = False) -> None:
    """Your API tokens that still work, newest first (never the tokens themselves)."""
    from rich.table import Table

    from backtone.services.accounts import api_tokens

    app = backtone_app()
    found = api_tokens(uow=app.uow(), clock=app.clock, caller=current_caller())
    if as_json:
        print_json(
            [
                {
                    "id": t.id,
                    "label": t.label,
                    "created_at": t.created_at.isoformat(),
                    "expires_at": t.expires_at.isoformat() if t.expires_at else None,
                }
                for t in found
            ]
        )
        return
    if not found:
        console().print("No API tokens. Make one with `backtone tokens create --label NAME`.")
        return
    table = Table(title="API tokens", title_justify="left")
    for column in ("id", "label", "created", "expires"):
        table.add_column(column)
    for t in found:
        expires = f"{t.expires_at:%d %b %Y}" if t.expires_at else "never"
        table.add_row(str(t.id), t.label or "—", f"{t.created_at:%d %b %Y}", expires)
    console().print(table)


def create_token(
    label: Annotated[str, typer.Option(help="What the token is for (up to 100 characters).")] = "",
    days: Annotated[int, typer.Option(help="How many days it works.", min=1, max=365)] = 90,
) -> None:
    """Make an API token (printed once: only its digest is kept)."""
    from backtone.services.accounts import open_api_token

    app = backtone_app()
    issued = open_api_token(
        uow=app.uow(), clock=app.clock, user_id=current_user().id, label=label, days=days
    )
    print(issued.token)
    print(f"valid until {issued.expires_at:%Y-%m-%d %H:%M} UTC", file=sys.stderr)


def revoke_token(
    token_id: Annotated[int, typer.Argument(help="The id `backtone tokens list` shows.", min=1)],
) -> None:
    """Make one API token stop working."""
    from backtone.services.accounts import revoke_api_token

    app = backtone_app()
    revoke_api_token(uow=app.uow(), caller=current_caller(), token_id=token_id)
    console().print(f"Token {token_id} no longer works.")
