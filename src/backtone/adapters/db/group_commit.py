"""Group commit: a web process's writes to one SQLite file, made durable together.

SQLite writes one transaction at a time and, with `synchronous=FULL`, waits for the disk at
each commit. Sixteen people logging sets at once would queue for sixteen flushes. Instead,
each worker process keeps one writing transaction open at a time (a *group*) and lets the
requests that write take turns in it:

1. A request that will write asks for a lease (`await writes.lease()`); requests queue in
   arrival order. The first of a group makes the writer (a thread, so the event loop keeps
   serving) take the cross-process gate (engine.WriterGate) and run BEGIN IMMEDIATE.
2. The holder's unit of work runs in a SAVEPOINT on the group's connection: its commits
   release the savepoint, its rollbacks undo its own work only, never its neighbours'.
3. When it is done (`await writes.release(lease)`), the next waiting request gets the lease;
   when nobody waits (or `most` have had a turn), the writer commits the group: one COMMIT,
   one flush, for every request in it. Requests that arrive meanwhile form the next group.
4. A request that wrote is answered only after the COMMIT of its group has returned; if the
   group cannot be committed, every request in it fails (CommitFailed) and nothing of it is
   stored. No request is acknowledged before the flush that holds its write.

Only the event loop's own requests (async routes) take leases. Routes that run on the
threadpool (password hashing, planning, imports) write through their own connection and the
same gate, waiting in their own thread. PostgreSQL, in-memory SQLite and the CLI use
OwnCommit: the same two calls, and each unit of work commits for itself as before.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from backtone.adapters.db.engine import GatedConnection


class CommitFailed(Exception):
    """The group holding this write could not be committed: none of it was stored."""


@dataclass
class Lease:
    """A turn at writing. `session_factory` is None when the request commits for itself."""

    session_factory: Callable[[], Session] | None = None
    changes_before: int = 0


class OwnCommit:
    """Each unit of work commits for itself (PostgreSQL groups concurrent commits itself)."""

    queue_depth = 0
    groups = 0

    async def lease(self) -> Lease:
        return Lease()

    async def release(self, lease: Lease) -> None:
        return None


class GroupCommit:
    """The writer of one process for one SQLite file (see the module's docstring)."""

    def __init__(self, engine: Engine, *, most: int = 64) -> None:
        self._engine = engine
        self._most = most
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._group: list[asyncio.Future[None]] = []
        self._state = "idle"  # idle -> opening -> open -> committing -> idle
        self._holder = False
        self._turns = 0
        self._connection: Connection | None = None
        self.groups = 0  # groups committed (for /metrics)
        self.grouped_writes = 0  # writes acknowledged after those commits

    @property
    def queue_depth(self) -> int:
        """Requests waiting for a turn at writing."""
        return len(self._waiting)

    async def lease(self) -> Lease:
        """Wait for a turn in the open group; the writer opens one when none is."""
        waiter = asyncio.get_running_loop().create_future()
        self._waiting.append(waiter)
        self._pump()
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():  # granted as it was cancelled
                self._holder = False
                self._pump()
            raise
        connection = self._connection
        assert connection is not None
        if not _raw(connection).in_transaction:  # SQLite rolled the group back (an I/O error)
            self._holder = False
            self._pump()
            raise CommitFailed("the group's transaction was lost; nothing was stored")
        return Lease(
            lambda: Session(
                bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
            ),
            _raw(connection).total_changes,
        )

    async def release(self, lease: Lease) -> None:
        """Give the turn back; when the request wrote, wait until its group is committed."""
        assert self._connection is not None
        wrote = _raw(self._connection).total_changes != lease.changes_before
        ticket = asyncio.get_running_loop().create_future() if wrote else None
        if ticket is not None:
            self._group.append(ticket)
        self._holder = False
        self._pump()
        if ticket is not None:
            await asyncio.shield(ticket)

    # --- on the event loop ------------------------------------------------------------------

    def _pump(self) -> None:
        """Move on: open a group for waiters, hand the turn on, or commit the group."""
        if self._state == "idle" and self._waiting:
            self._state = "opening"
            self._in_writer(self._begin, self._opened)
        elif self._state == "open" and not self._holder:
            while self._waiting and self._turns < self._most:
                waiter = self._waiting.popleft()
                if not waiter.cancelled():
                    self._holder = True
                    self._turns += 1
                    waiter.set_result(None)
                    return
            self._state = "committing"
            group, self._group = self._group, []
            self._in_writer(self._commit, lambda error: self._committed(group, error))

    def _opened(self, error: BaseException | None) -> None:
        if error is None:
            self._state, self._turns = "open", 0
        else:  # nobody has written yet: the waiters hear why
            self._state = "idle"
            while self._waiting:
                waiter = self._waiting.popleft()
                if not waiter.done():
                    waiter.set_exception(_failed(error))
        self._pump()

    def _committed(self, group: list[asyncio.Future[None]], error: BaseException | None) -> None:
        if error is None:
            self.groups += 1
            self.grouped_writes += len(group)
        for ticket in group:
            if not ticket.done():
                if error is None:
                    ticket.set_result(None)
                else:
                    ticket.set_exception(_failed(error))
        self._state = "idle"
        self._pump()

    def _in_writer(
        self, work: Callable[[], None], then: Callable[[BaseException | None], Any]
    ) -> None:
        done = asyncio.get_running_loop().run_in_executor(None, work)
        done.add_done_callback(lambda f: then(None if f.cancelled() else f.exception()))

    # --- in the writer's thread -------------------------------------------------------------

    def _begin(self) -> None:
        connection = self._engine.connect()
        try:
            raw = _raw(connection)
            raw.before_write()  # the gate: one writer at a time, across processes too
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            connection.close()  # rolls back, and gives the gate back
            raise
        self._connection = connection

    def _commit(self) -> None:
        connection, self._connection = self._connection, None
        assert connection is not None
        try:
            if not _raw(connection).in_transaction:
                # SQLite ended the transaction itself (an I/O error, a full disk): whatever
                # the group wrote is gone, so none of it may be acknowledged.
                raise CommitFailed("the group's transaction was lost before its commit")
            self.commit_group(connection)
        finally:
            connection.close()  # after a failed COMMIT this rolls back and frees the gate

    def commit_group(self, connection: Connection) -> None:
        """COMMIT: one flush of the write-ahead log for the whole group (a test seam)."""
        connection.commit()


def _raw(connection: Connection) -> GatedConnection:
    raw = connection.connection.dbapi_connection
    assert isinstance(raw, GatedConnection)
    return raw


def _failed(error: BaseException) -> CommitFailed:
    if isinstance(error, CommitFailed):
        return error
    failed = CommitFailed(f"the write could not be committed: {error}")
    failed.__cause__ = error
    return failed


def writes_for(engine: Engine) -> GroupCommit | OwnCommit:
    """Group commit for a SQLite file, each unit of work its own commit for anything else."""
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        return GroupCommit(engine)
    return OwnCommit()
