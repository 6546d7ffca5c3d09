"""What a database error means for the person at the keyboard, in one line.

The one place that reads SQLAlchemy's and the drivers' errors: every entrypoint asks here
instead of showing a traceback. Each line says what failed and what to do about it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from backtone.adapters.db.engine import disk_full
from backtone.domain.errors import Unavailable


def where(url: str) -> str:
    """The database as a person would name it: the file, or host, port and name (no password)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "the database"
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database or "an in-memory database")
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.get_backend_name()} database {parsed.database or ''} at {parsed.host}{port}"


def explain(error: BaseException, url: str) -> Unavailable | None:
    """An Unavailable saying what went wrong with the database at `url`; None when `error` is
    not a database error."""
    if not isinstance(error, DBAPIError):
        return None
    reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    lowered = reason.lower()
    place = where(url)
    if "file is not a database" in lowered:
        return Unavailable(
            f"{place} is not a backtone database (not an SQLite file at all); point "
            "BACKTONE_DATABASE_URL or BACKTONE_DATA_DIR at a database, or at a new file"
        )
    if "unable to open database file" in lowered:
        if Path(place).is_dir():
            return Unavailable(
                f"{place} is a folder, not a database file; give the path of a file "
                "(such as a backtone.sqlite3 inside it)"
            )
        return Unavailable(
            f"cannot open {place}: its folder is missing or cannot be written; check the path "
            "and its permissions"
        )
    full = "disk is full" in lowered or "disk i/o error" in lowered or "no space" in lowered
    if full or (("readonly database" in lowered) and disk_full(Path(place).parent)):
        return Unavailable(
            f"could not write {place}: the disk is full; free some space and run the command "
            "again (nothing was half-saved; commands that only read still work)"
        )
    if "readonly database" in lowered or "read-only" in lowered:
        return Unavailable(
            f"{place} can only be read (it or its folder is read-only): commands that show "
            "your data work, but changing anything needs write access to its folder"
        )
    if "database is locked" in lowered:
        return Unavailable(f"{place} is busy with another program's write; try again in a moment")
    refused = "password authentication failed" in lowered
    if refused or ("role" in lowered and "not exist" in lowered):
        return Unavailable(
            f"{place} refused the log-in: check the user and password in BACKTONE_DATABASE_URL"
        )
    if "database" in lowered and "does not exist" in lowered:
        return Unavailable(
            f"{place} does not exist: create it (createdb) or fix BACKTONE_DATABASE_URL"
        )
    if any(
        words in lowered
        for words in ("connection refused", "could not connect", "connection failed", "timeout")
    ):
        return Unavailable(
            f"cannot reach {place} ({reason}); is the server running, and is "
            "BACKTONE_DATABASE_URL right?"
        )
    return Unavailable(
        f"{place} failed: {reason}; check BACKTONE_DATABASE_URL, and `backtone db current`"
    )
