"""Parsing a 100,000-row Strong export built from the shared sample (aim: well under 5 s).

The sample's workouts are repeated, each copy moved on by a day, until the file has
100,000 set rows; it is written to a temporary folder and parsed three ways: streamed
(one workout held at a time), collected into a report, and written back out.

Run: .venv/bin/python bench/import_strong.py
"""

from __future__ import annotations

import csv
import io
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from backtone.adapters.formats.strong_csv import StrongCsvReader, read_strong_csv, write_strong_csv
from backtone.bootstrap import build
from backtone.config import Settings
from backtone.services.history_import import import_history, plan_mapping
from backtone.services.users import ensure_local_user

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "strong"
SAMPLE = SAMPLE / "strong_export_2024.csv"
ROWS = 100_000
RUNS = 3
ZONE = ZoneInfo("Europe/London")


def generate(path: Path) -> None:
    """Write ROWS rows in the sample's layout, copying its workouts onto later days."""
    with SAMPLE.open(encoding="utf-8", newline="") as file:
        reader = csv.reader(file)
        header = next(reader)
        rows = list(reader)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        written, copy = 0, 0
        while written < ROWS:
            for row in rows[: ROWS - written]:
                moved = datetime.fromisoformat(row[0]) + timedelta(days=copy * 120)
                writer.writerow([moved.strftime("%Y-%m-%d %H:%M:%S"), *row[1:]])
            written += min(len(rows), ROWS - written)
            copy += 1


def timed(action: Callable[[], object]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def stream(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as file:
        return sum(len(w.sets) for w in StrongCsvReader(file, tz=ZONE))


def collect(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as file:
        report = read_strong_csv(file, tz=ZONE)
    assert report.ok and report.set_count == ROWS, report.problems[:3]
    return report.set_count


def full_import(path: Path, data_dir: Path) -> int:
    """What `backtone import strong FILE --yes` does: parse, map names, write to SQLite."""
    app = build(Settings(data_dir=data_dir))
    me = ensure_local_user(uow=app.uow(), clock=app.clock, name="me")
    with path.open(encoding="utf-8", newline="") as file:
        report = read_strong_csv(file, tz=ZONE)
    mapping = plan_mapping(uow=app.uow(), builtin=app.catalogue, user_id=me.id, report=report)
    result = import_history(
        uow=app.uow(),
        clock=app.clock,
        builtin=app.catalogue,
        user_id=me.id,
        source="strong",
        workouts=report.workouts,
        mapping=mapping,
    )
    app.engine.dispose()
    assert result.restored.sets_added == ROWS
    return result.restored.sets_added


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "strong_100k.csv"
        generate(path)
        size_mb = path.stat().st_size / 1e6
        with path.open(encoding="utf-8", newline="") as file:
            report = read_strong_csv(file, tz=ZONE)
        names = {name: name for name in report.sets_per_exercise()}
        workouts = [w.to_workout(names) for w in report.workouts]

        streamed = timed(lambda: stream(path))
        collected = timed(lambda: collect(path))
        written = timed(lambda: write_strong_csv(workouts, names, io.StringIO(), ZONE))
        runs = iter(range(RUNS))
        imported = timed(lambda: full_import(path, Path(folder) / f"db{next(runs)}"))

        tracemalloc.start()
        stream(path)
        stream_peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.reset_peak()
        collect(path)
        collect_peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()

    print(f"Strong CSV: {ROWS:,} rows, {len(report.workouts):,} workouts, {size_mb:.1f} MB")
    print(f"{'step':<32} {'median s':>9} {'rows/s':>10} {'peak MB':>8}   ({RUNS} runs)")
    for step, seconds, peak in (
        ("parse, streamed", streamed, f"{stream_peak:.1f}"),
        ("parse, collected into a report", collected, f"{collect_peak:.1f}"),
        ("write back as Strong CSV", written, "-"),
        ("import into SQLite (all steps)", imported, "-"),
    ):
        print(f"{step:<32} {seconds:>9.2f} {ROWS / seconds:>10,.0f} {peak:>8}")


if __name__ == "__main__":
    main()
