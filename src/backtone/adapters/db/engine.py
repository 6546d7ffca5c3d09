"""Engine creation: SQLite with WAL and foreign keys on, or any URL SQLAlchemy knows."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from backtone.adapters.db.idle_ping import ping_when_idle
from backtone.domain.errors import InvalidInput

try:
    import fcntl
except ImportError:  # not on Windows: writers there wait in SQLite's own retry loop
    fcntl = None  # type: ignore[assignment]

BUSY_SECONDS = 5.0
MIN_FREE_BYTES = 1 << 20  # a write needs room for the WAL and its index; below this, read only
URL_FORMS = "sqlite:///PATH/backtone.sqlite3, postgresql+psycopg://USER@HOST:5432/NAME"
_WRITES = frozenset({"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"})


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # a committed set survives a crash
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
    cursor.close()


def _read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def can_only_read(database: Path) -> bool:
    """Whether an existing SQLite file can only be read: it, or the folder its journal files
    go in, is read-only, or the disk is full (reading a WAL database needs room for them)."""
    return database.is_file() and (
        not (os.access(database, os.W_OK) and os.access(database.parent, os.W_OK))
        or disk_full(database.parent)
    )


def disk_full(folder: Path) -> bool:
    """Whether the disk holding `folder` has no room left for a write."""
    try:
        return shutil.disk_usage(folder).free < MIN_FREE_BYTES
    except OSError:
        return False


class WriterGate:
    """One writing transaction at a time on a SQLite file, waiting in a queue, not in naps.

    SQLite lets one connection write at a time; the others retry in a loop of naps that grow
    to 100 ms (busy_timeout), so with many writers some wait for seconds while newcomers slip
    in. A transaction takes this gate before its first write and gives it back when it ends:
    a thread lock inside the process, flock on a file beside the database across processes.
    It only orders writers: SQLite's own locking still decides what is safe.
    """

    _by_path: ClassVar[dict[str, WriterGate]] = {}
    _made: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: str) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._owner: int | None = None
        self._fd: int | None = None
        self._pid = 0

    @classmethod
    def for_database(cls, database: str) -> WriterGate:
        """One gate per file and process, whichever engine asks."""
        path = str(Path(database).resolve()) + ".writer-lock"
        with cls._made:
            return cls._by_path.setdefault(path, cls(path))

    def enter(self) -> bool:
        """Wait for the gate; False (go on ungated) when this thread holds it already."""
        me = threading.get_ident()
        if self._owner == me or not self._lock.acquire(timeout=BUSY_SECONDS):
            return False
        self._owner = me
        if fcntl is not None:
            fcntl.flock(self._file(), fcntl.LOCK_EX)
        return True

    def leave(self) -> None:
        if fcntl is not None and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._owner = None
        self._lock.release()

    def _file(self) -> int:
        if self._fd is None or self._pid != os.getpid():  # a forked child needs its own
            self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
            self._pid = os.getpid()
        return self._fd


class GatedConnection(sqlite3.Connection):
    """A sqlite3 connection that holds its gate from its first write to commit or rollback."""

    gate: WriterGate | None = None
    gated = False

    def before_write(self) -> None:
        if self.gate is not None and not self.gated and not self.in_transaction:
            self.gated = self.gate.enter()

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self._leave()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._leave()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._leave()

    def _leave(self) -> None:
        if self.gated and self.gate is not None:
            self.gated = False
            self.gate.leave()


def _gate_writes(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    words = statement.lstrip().split(None, 1)
    if words and words[0].upper() in _WRITES:
        dbapi = conn.connection.dbapi_connection
        if isinstance(dbapi, GatedConnection):
            dbapi.before_write()


def make_engine(url: str, **options: Any) -> Engine:
    """An engine for `url`; for a SQLite file, its folder is created first.

    A SQLite file that cannot be written (or whose folder cannot) is opened read-only and
    immutable: reading works, and a write fails with "attempt to write a readonly database",
    which failures.py turns into a one-line answer.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InvalidInput("BACKTONE_DATABASE_URL", "is not a database URL", URL_FORMS) from None
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        on_disk = database not in ("", ":memory:") and not database.startswith("file:")
        read_only = on_disk and can_only_read(Path(database))
        if read_only:
            path = Path(database).resolve()
            url = f"sqlite:///file:{path}?mode=ro&immutable=1&uri=true"
        elif on_disk:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
            gate = WriterGate.for_database(database)
            factory = type("Gated", (GatedConnection,), {"gate": gate})
            options.setdefault("connect_args", {}).setdefault("factory", factory)
        engine = create_engine(url, **options)
        event.listen(engine, "connect", _read_only_pragmas if read_only else _sqlite_pragmas)
        if on_disk and not read_only:
            event.listen(engine, "before_cursor_execute", _gate_writes)
        return engine
    try:
        return ping_when_idle(create_engine(url, **options))  # not a ping per request
    except (ArgumentError, NoSuchModuleError, ImportError):
        raise InvalidInput(
            "BACKTONE_DATABASE_URL",
            f"{parsed.drivername!r} is not a database backtone can use",
            URL_FORMS,
        ) from None
