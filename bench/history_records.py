"""History and records for one exercise over 1,000,000 logged sets (SQLite file, or any URL).

Run: .venv/bin/python bench/history_records.py [--sets 1000000] [--url postgresql+psycopg://...]
Aim: history and records each under 200 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.progress import Progress
from sqlalchemy import insert
from sqlalchemy.orm import sessionmaker

from backtone.adapters.db import migrate
from backtone.adapters.db.engine import make_engine
from backtone.adapters.db.tables import logged_sets, users, workouts
from backtone.adapters.db.unit_of_work import SqlUnitOfWork

EXERCISES = ["pull-up", "bent-over-dumbbell-row", "lat-pulldown", "barbell-deadlift",
             "seated-cable-row", "face-pull", "push-up", "dumbbell-pullover", "romanian-deadlift",
             "back-extension"]  # fmt: skip
SETS_PER_WORKOUT = 20


def fill(url: str, total_sets: int) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    rng = random.Random(1)
    start = datetime(2016, 1, 1, 7, tzinfo=UTC)
    with engine.begin() as db:
        db.execute(insert(users).values(id=1, name="bench", created_at=start))
    workouts_needed = total_sets // SETS_PER_WORKOUT
    with Progress() as progress:
        task = progress.add_task("writing sets", total=total_sets)
        for first in range(0, workouts_needed, 1000):
            batch = range(first, min(first + 1000, workouts_needed))
            workout_rows = [
                {
                    "id": n + 1,
                    "user_id": 1,
                    "started_at": start + timedelta(hours=8 * n),
                    "name": "bench",
                    "notes": "",
                    "source": "bench",
                    "source_key": f"b{n}",
                }
                for n in batch
            ]
            set_rows = [
                {
                    "workout_id": n + 1,
                    "user_id": 1,
                    "exercise_id": EXERCISES[k % len(EXERCISES)],
                    "position": k,
                    "set_type": "working",
                    "reps": rng.randint(3, 15),
                    "load_kg": rng.choice([None, 10.0, 20.0, 40.0, 60.0, 80.0]),
                    "notes": "",
                    "created_at": start,
                }
                for n in batch
                for k in range(SETS_PER_WORKOUT)
            ]
            with engine.begin() as db:
                db.execute(insert(workouts), workout_rows)
                db.execute(insert(logged_sets), set_rows)
            progress.advance(task, len(set_rows))
    with engine.begin() as db:  # fresh planner statistics, as autovacuum would leave them
        db.exec_driver_sql("ANALYZE")
    engine.dispose()


def timed(action: object, runs: int = 7) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", type=int, default=1_000_000)
    parser.add_argument("--url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        fill(url, args.sets)
        engine = make_engine(url)
        uow = SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))

        def history() -> None:
            with uow:
                uow.workouts.recent(1, 20, "pull-up")

        def records() -> None:
            with uow:
                uow.workouts.records(1, "pull-up")

        print(f"{args.sets:,} sets, {engine.dialect.name}; 'pull-up' has {args.sets // 10:,}")
        for name, action in (("history (20 workouts)", history), ("records", records)):
            median, worst = timed(action)
            print(f"{name:<24} median {median:7.1f} ms   max {worst:7.1f} ms")


if __name__ == "__main__":
    main()
