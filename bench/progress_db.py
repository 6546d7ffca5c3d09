"""The progress page read from the database: one person with ~100,000 sets (five years),
and one person among 108 in a database of about 1,000,000 sets. Aims: 300 ms and 1 s.

Run: .venv/bin/python bench/progress_db.py [--url postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from rich.progress import Progress
from sqlalchemy.orm import sessionmaker

from backtone.adapters.db import migrate
from backtone.adapters.db.engine import make_engine
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.domain.training import WeightUnit
from backtone.services.context import Caller
from backtone.services.progress import progress_summary
from make_chart_examples import ZONE, synthetic_history

START = date(2021, 5, 3)
CREATED = datetime(2026, 1, 1, tzinfo=UTC)


def fill(uow: SqlUnitOfWork, users: int, repeat: int, progress: Progress) -> tuple[int, date]:
    history = synthetic_history(start=START, weeks=260, repeat=repeat)
    per_user = sum(len(w.sets) for w in history.workouts)
    task = progress.add_task("writing sets", total=per_user * users)
    for n in range(users):
        with uow:
            user = uow.users.add(f"person{n}", CREATED)
            workouts = [replace(w, source_key=f"bench-{i}") for i, w in enumerate(history.workouts)]
            uow.workouts.add_many(user.id, workouts, created_at=CREATED)
            uow.commit()
        progress.advance(task, per_user)
    return per_user, history.today


def measure(uow: SqlUnitOfWork, user_id: int, today: date) -> tuple[float, float]:
    samples = []
    for _ in range(5):
        began = time.perf_counter()
        progress_summary(uow=uow, caller=Caller(user_id, ZONE, WeightUnit.KG, today))
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples), max(samples)


def run(url: str, users: int, repeat: int, label: str) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    uow = SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))
    with Progress(transient=True) as progress:
        per_user, today = fill(uow, users, repeat, progress)
    median, worst = measure(uow, 1, today)
    print(
        f"{label:<44} {per_user:>8,} sets/person {users * per_user:>10,} in all   "
        f"median {median:7.0f} ms   max {worst:7.0f} ms"
    )
    if users > 1:
        began = time.perf_counter()
        for user_id in range(1, users + 1):
            progress_summary(uow=uow, caller=Caller(user_id, ZONE, WeightUnit.KG, today))
        print(f"every person's page, one after another: {time.perf_counter() - began:.2f} s")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="", help="default: a temporary SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        one = args.url or f"sqlite:///{Path(folder) / 'one.sqlite3'}"
        run(one, users=1, repeat=11, label="one person, five years")
        if args.url:
            print("(many-user run needs an empty database: skipped for --url)")
            return
        run(
            f"sqlite:///{Path(folder) / 'many.sqlite3'}",
            users=108,
            repeat=1,
            label="one person among 108 (~1M sets in the file)",
        )


if __name__ == "__main__":
    main()
