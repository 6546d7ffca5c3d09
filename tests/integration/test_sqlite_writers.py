"""Writers to one SQLite file queue at the writer gate instead of napping in SQLite's retries."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select

from backtone.adapters.db import migrate
from backtone.adapters.db.engine import WriterGate, make_engine
from backtone.adapters.db.tables import rate_limits

NOW = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)


def test_many_threads_writing_at_once_all_get_their_rows_in(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'w.sqlite3'}", pool_size=8)
    migrate.upgrade(engine)
    failures: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(15):
                with engine.begin() as connection:
                    connection.execute(select(func.count()).select_from(rate_limits))
                    connection.execute(
                        insert(rate_limits).values(key=f"{n}-{i}", window_start=NOW, hits=1)
                    )
        except BaseException as error:  # collected: a thread's exception is otherwise lost
            failures.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(rate_limits)).scalar()
    assert (failures, count) == ([], 8 * 15)
    engine.dispose()


def taken_elsewhere(gate: WriterGate) -> bool:
    """Whether another thread could take the gate within 0.1 s."""
    taken: list[bool] = []
    other = threading.Thread(target=lambda: taken.append(gate._lock.acquire(timeout=0.1)))
    other.start()
    other.join()
    if taken[0]:
        gate._lock.release()
    return taken[0]


def test_the_gate_is_given_back_when_the_transaction_ends(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'g.sqlite3'}")
    migrate.upgrade(engine)
    gate = WriterGate.for_database(str(tmp_path / "g.sqlite3"))
    for end in ("commit", "rollback"):
        with engine.connect() as connection:
            connection.execute(insert(rate_limits).values(key=end, window_start=NOW, hits=1))
            assert not taken_elsewhere(gate)  # held from the first write...
            getattr(connection, end)()
        assert taken_elsewhere(gate)  # ...to the end of the transaction
    engine.dispose()


def test_a_thread_already_holding_the_gate_goes_on_rather_than_waiting_for_itself(
    tmp_path: Path,
) -> None:
    gate = WriterGate.for_database(str(tmp_path / "self.sqlite3"))
    assert gate.enter() is True
    assert gate.enter() is False
    gate.leave()
