"""The small family of errors the domain and services raise.

Entrypoints map each to their own shape (an exit code and message, or an HTTP status)
in exactly one place. Messages name the field or the file and line, and what is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class BacktoneError(Exception):
    """Base of every error a user can cause."""


class InvalidInput(BacktoneError):
    """A value is not one the coach can use: says which field and what is allowed."""

    def __init__(self, field: str, problem: str, allowed: str | Iterable[str] = "") -> None:
        self.field = field
        self.problem = problem
        self.allowed = allowed if isinstance(allowed, str) else ", ".join(allowed)
        message = f"{field}: {problem}"
        if self.allowed:
            message += f" (allowed: {self.allowed})"
        super().__init__(message)


class NotFound(BacktoneError):
    """Nothing has that id; `suggestions` holds the closest known ids, best first."""

    def __init__(self, what: str, key: str, suggestions: Sequence[str] = ()) -> None:
        self.what = what
        self.key = key
        self.suggestions = tuple(suggestions)
        message = f"no {what} called {key!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(self.suggestions) + "?"
        super().__init__(message)


class Conflict(BacktoneError):
    """The request clashes with what is already stored."""


class Infeasible(BacktoneError):
    """No answer satisfies the hard rules; `reasons` explain why and what would fix it."""

    def __init__(self, reasons: Sequence[str]) -> None:
        self.reasons = tuple(reasons)
        super().__init__("; ".join(self.reasons))


class Unavailable(BacktoneError):
    """Something backtone needs (the database, a file, the disk) cannot be used as it is.

    The message says what failed and what to do about it, in one line.
    """
