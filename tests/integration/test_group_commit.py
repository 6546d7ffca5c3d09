"""The SQLite writer's group commit: writes share one flush, none is answered before it."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, text

from backtone.adapters.db.engine import make_engine
from backtone.adapters.db.group_commit import CommitFailed, GroupCommit, OwnCommit, writes_for


class CountedGroupCommit(GroupCommit):
    """Counts its COMMITs and can be made to wait at one (or fail it)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.commits = 0
        self.hold = threading.Event()
        self.hold.set()
        self.fail = False

    def commit_group(self, connection: Connection) -> None:
        self.hold.wait(timeout=30)
        if self.fail:
            raise OSError("the disk went away")
        super().commit_group(connection)
        self.commits += 1


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'writes.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE sets (id INTEGER PRIMARY KEY, reps INTEGER)"))
    return engine


def stored(engine: Engine) -> list[int]:
    """What another process would read from the file now."""
    database = engine.url.database
    assert database is not None
    with sqlite3.connect(database) as db:
        return sorted(r for (r,) in db.execute("SELECT reps FROM sets"))


async def log(writes: GroupCommit, reps: int, then: Callable[[], None] | None = None) -> None:
    """What a request does: a turn, its own transaction in it, then wait for the flush."""
    lease = await writes.lease()
    assert lease.session_factory is not None
    try:
        with lease.session_factory() as session:
            session.execute(text("INSERT INTO sets (reps) VALUES (:r)"), {"r": reps})
            if then is not None:
                then()
            session.commit()
    finally:
        await writes.release(lease)


def test_writes_that_arrive_together_share_one_commit(sqlite_file: Engine) -> None:
    writes = CountedGroupCommit(sqlite_file)

    async def sixteen_at_once() -> None:
        await asyncio.gather(*(log(writes, n) for n in range(1, 17)))

    asyncio.run(sixteen_at_once())
    assert stored(sqlite_file) == list(range(1, 17))
    assert writes.commits < 16
    assert writes.groups == writes.commits


def test_no_write_is_answered_before_the_commit_that_holds_it(sqlite_file: Engine) -> None:
    writes = CountedGroupCommit(sqlite_file)
    writes.hold.clear()  # the writer stops just before COMMIT

    async def scenario() -> None:
        requests = [asyncio.create_task(log(writes, n)) for n in (1, 2, 3)]
        for _ in range(50):
            await asyncio.sleep(0.01)
        assert not any(r.done() for r in requests)  # nobody has been answered
        assert stored(sqlite_file) == []  # and nothing is on disk yet
        assert writes.commits == 0
        writes.hold.set()
        await asyncio.gather(*requests)
        assert stored(sqlite_file) == [1, 2, 3]

    asyncio.run(scenario())


def test_a_request_that_fails_takes_back_only_its_own_writes(sqlite_file: Engine) -> None:
    writes = GroupCommit(sqlite_file)

    def refuse() -> None:
        raise ValueError("bad input, found after the insert")

    async def scenario() -> None:
        results = await asyncio.gather(
            log(writes, 1), log(writes, 2, then=refuse), log(writes, 3), return_exceptions=True
        )
        assert results[0] is None and results[2] is None
        assert isinstance(results[1], ValueError)

    asyncio.run(scenario())
    assert stored(sqlite_file) == [1, 3]


def test_a_group_that_cannot_be_committed_fails_every_request_in_it(
    sqlite_file: Engine,
) -> None:
    writes = CountedGroupCommit(sqlite_file)
    writes.fail = True

    async def scenario() -> list[object]:
        return await asyncio.gather(*(log(writes, n) for n in (1, 2)), return_exceptions=True)

    results = asyncio.run(scenario())
    assert all(isinstance(r, CommitFailed) for r in results)
    assert stored(sqlite_file) == []
    writes.fail = False  # the writer recovers: the next group goes in
    asyncio.run(log(writes, 7))
    assert stored(sqlite_file) == [7]


def test_the_writer_holds_the_file_only_while_a_group_is_open(sqlite_file: Engine) -> None:
    writes = GroupCommit(sqlite_file)
    asyncio.run(log(writes, 1))
    database = sqlite_file.url.database
    assert database is not None
    with sqlite3.connect(database, timeout=0.1) as other:  # another process can write at once
        other.execute("INSERT INTO sets (reps) VALUES (2)")
    assert stored(sqlite_file) == [1, 2]


def test_postgresql_and_memory_databases_commit_for_themselves(engine: Engine) -> None:
    expected = GroupCommit if engine.dialect.name == "sqlite" else OwnCommit
    assert isinstance(writes_for(engine), expected)
    assert isinstance(writes_for(make_engine("sqlite://")), OwnCommit)


def test_when_sqlite_rolls_the_group_back_nobody_in_it_is_told_it_was_stored(
    sqlite_file: Engine,
) -> None:
    writes = GroupCommit(sqlite_file)

    def disk_error() -> None:
        # What SQLite does on an I/O error or a full disk: it ends the transaction itself.
        lease_connection = writes._connection
        assert lease_connection is not None
        lease_connection.connection.dbapi_connection.rollback()  # type: ignore[union-attr]

    async def scenario() -> list[object]:
        return await asyncio.gather(
            log(writes, 1), log(writes, 2, then=disk_error), log(writes, 3), return_exceptions=True
        )

    results = asyncio.run(scenario())
    assert all(isinstance(r, Exception) for r in results)
    assert any(isinstance(r, CommitFailed) for r in results)
    stored_now = stored(sqlite_file)
    assert 1 not in stored_now and 2 not in stored_now  # what the group held is gone
    asyncio.run(log(writes, 7))  # and the writer goes on
    assert 7 in stored(sqlite_file)
