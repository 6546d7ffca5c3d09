"""The CLI's one mapping from failures to a message and an exit status.

Every failure ends in one line on stderr, saying what failed and what to do, never a
traceback: exit status 2 for anything the person can fix (bad input, an unknown id, a file
or database that cannot be used as it is), 1 for a fault in backtone itself (the line says so;
BACKTONE_DEBUG=1 shows the traceback to report).
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable
from typing import NoReturn, ParamSpec, TypeVar

import typer

from backtone.domain.errors import BacktoneError, Infeasible, NotFound

P = ParamSpec("P")
R = TypeVar("R")

USER_ERROR = 2  # bad input, unknown id, impossible request, a file or database to fix
FAULT = 1  # a bug in backtone


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Run a command; whatever goes wrong becomes one clear line and an exit status."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            raise
        except BacktoneError as error:
            _fail(describe(error), USER_ERROR)
        except OSError as error:
            _fail(file_problem(error), USER_ERROR)
        except Exception as error:
            if os.environ.get("BACKTONE_DEBUG"):
                raise
            problem = database_problem(error)
            if problem is not None:
                _fail(problem, USER_ERROR)
            _fail(
                f"backtone failed unexpectedly ({type(error).__name__}: {_first_line(error)}); "
                "run it again with BACKTONE_DEBUG=1 to see where, and report it",
                FAULT,
            )

    return run


def _fail(message: str, status: int) -> NoReturn:
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(status) from None


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else "no message"


def describe(error: BacktoneError) -> str:
    if isinstance(error, Infeasible):
        return "no plan fits: " + "; ".join(error.reasons)
    if isinstance(error, NotFound) and not error.suggestions and error.what == "exercise":
        return f"{error} (try `backtone exercises` to browse)"
    return _first_line(error)


_FILE_ADVICE = {
    errno.EISDIR: "it is a folder; give a file name inside it",
    errno.ENOENT: "no such file or folder; check the path (its folder must exist)",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a file is in the way where a folder should be",
    errno.ENOSPC: "the disk is full; free some space and try again (nothing was half-written)",
    errno.EDQUOT: "the disk quota is used up; free some space and try again",
    errno.EFBIG: "the file grew past the size this system allows",
    errno.EACCES: "permission denied; choose a place you may write to, or fix its permissions",
    errno.EPERM: "not permitted; choose another place or fix its permissions",
    errno.EROFS: "the file system is read-only; choose another place",
    errno.ENAMETOOLONG: "the name is too long",
}


def file_problem(error: OSError) -> str:
    """'PATH: what is wrong; what to do' for a file the command could not read or write."""
    where = error.filename if error.filename is not None else "a file"
    advice = _FILE_ADVICE.get(error.errno or 0, error.strerror or _first_line(error))
    return f"{where}: {advice}"


def database_problem(error: Exception) -> str | None:
    """The one line failures.py has for a database error, or None for any other error."""
    from backtone.adapters.db.failures import explain
    from backtone.config import Settings

    try:
        url = Settings.from_env().sqlalchemy_url
    except BacktoneError:
        url = ""
    found = explain(error, url)
    return None if found is None else str(found)
