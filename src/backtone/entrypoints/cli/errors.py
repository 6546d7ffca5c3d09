"""The CLI's one mapping from domain errors to a message and an exit status."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from backtone.domain.errors import BacktoneError, Infeasible, NotFound

P = ParamSpec("P")
R = TypeVar("R")

USER_ERROR = 2  # bad input, unknown id, impossible request


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Run a command; a user's mistake becomes a clear message and exit status 2."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except BacktoneError as error:
            print(f"error: {describe(error)}", file=sys.stderr)
            raise typer.Exit(USER_ERROR) from None

    return run


def describe(error: BacktoneError) -> str:
    if isinstance(error, Infeasible):
        return "no plan fits:\n" + "\n".join(f"  - {reason}" for reason in error.reasons)
    if isinstance(error, NotFound) and not error.suggestions:
        return f"{error} (try `backtone exercises` to browse)"
    return str(error)
