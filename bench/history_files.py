"""What bench/import_strong.py and bench/import_hevy.py share: big files made from a real
sample, the import steps timed, and a 50 MB import's peak memory measured in a child process.

The sample's workouts are repeated, each copy moved on by some days, until the file has the
rows asked for. Timings are medians; memory is the child's peak resident set (ru_maxrss), the
whole Python process included.
"""

from __future__ import annotations

import csv
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from backtone.adapters.text_files import FileSource
from backtone.bootstrap import Backtone, build
from backtone.config import Settings
from backtone.domain.importing import HistoryFormat, ReadOptions
from backtone.domain.training import WeightUnit
from backtone.services.context import Caller, caller_for
from backtone.services.history_export import export_history
from backtone.services.history_import import import_history, preview_history_import
from backtone.services.users import ensure_local_user

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ZONE = ZoneInfo("Europe/London")
RUNS = 3
BIG_MB = 50


def generate(
    sample: Path,
    path: Path,
    *,
    rows: int | None = None,
    megabytes: float | None = None,
    moved: Callable[[list[str], int], list[str]],
) -> int:
    """Write copies of the sample's rows until `rows` rows or `megabytes` MB; returns rows."""
    with sample.open(encoding="utf-8", newline="") as file:
        reader = csv.reader(file)
        header = next(reader)
        body = list(reader)
    limit = megabytes * 1e6 if megabytes else None
    written = copy = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        while (rows is None or written < rows) and (limit is None or out.tell() < limit):
            for row in body:
                if rows is not None and written >= rows:
                    break
                writer.writerow(moved(row, copy))
                written += 1
            copy += 1
    return written


def shift_strong(row: list[str], copy: int) -> list[str]:
    day = datetime.fromisoformat(row[0]) + timedelta(days=copy * 120)
    return [day.strftime("%Y-%m-%d %H:%M:%S"), *row[1:]]


def shift_hevy(row: list[str], copy: int) -> list[str]:
    def move(text: str) -> str:
        if not text:
            return text
        moment = datetime.strptime(text, "%d %b %Y, %H:%M") + timedelta(days=copy * 400)
        return moment.strftime("%d %b %Y, %H:%M")

    return [row[0], move(row[1]), move(row[2]), *row[3:]]


def fresh_app(folder: Path) -> tuple[Backtone, int]:
    app = build(Settings(data_dir=folder))
    me = ensure_local_user(uow=app.uow(), clock=app.clock, name="me")
    return app, me.id


def person(app: Backtone, user: int) -> Caller:
    return caller_for(uow=app.uow(), clock=app.clock, user_id=user, tz=ZONE)


def preview(app: Backtone, user: int, path: Path) -> int:
    result = preview_history_import(
        uow=app.uow(), codecs=app.history_codecs, caller=person(app, user),
        source=FileSource(path), chosen=None, options=ReadOptions(tz=ZONE),
    )  # fmt: skip
    return result.sets


def write(app: Backtone, user: int, path: Path) -> int:
    result = import_history(
        uow=app.uow(), clock=app.clock, codecs=app.history_codecs, caller=person(app, user),
        source=FileSource(path), chosen=None, options=ReadOptions(tz=ZONE),
    )  # fmt: skip
    return result.sets_added


def export(app: Backtone, user: int, chosen: HistoryFormat) -> int:
    out = io.StringIO()
    result = export_history(
        uow=app.uow(), codecs=app.history_codecs, caller=person(app, user),
        chosen=chosen, out=out, unit=WeightUnit.KG,
    )  # fmt: skip
    return result.sets


def timed(action: Callable[[], object]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def child_import(path: Path, folder: Path) -> None:
    """In a child process: preview and import one file, then report time and peak memory."""
    app, user = fresh_app(folder)
    start = time.perf_counter()
    sets = preview(app, user, path)
    middle = time.perf_counter()
    added = write(app, user, path)
    end = time.perf_counter()
    assert added == sets, (added, sets)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"sets": sets, "preview_s": middle - start, "import_s": end - middle,
                      "peak_mb": peak_mb}))  # fmt: skip


def big_import(script: Path, path: Path, folder: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(script), "--child", str(path), str(folder)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(
    script: Path, name: str, sample: Path, chosen: HistoryFormat, moved: Callable[..., list[str]]
) -> None:
    """The whole benchmark for one app's format; `--child FILE DB` is the memory run."""
    if sys.argv[1:2] == ["--child"]:
        child_import(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    rows = 100_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / f"{name}_100k.csv"
        generate(sample, path, rows=rows, moved=moved)
        size_mb = path.stat().st_size / 1e6
        app, user = fresh_app(folder / "preview")
        previewed = timed(lambda: preview(app, user, path))
        dbs = iter(range(RUNS))

        def import_fresh() -> int:
            target, target_user = fresh_app(folder / f"db{next(dbs)}")
            done = write(target, target_user, path)
            target.engine.dispose()
            return done

        imported = timed(import_fresh)
        full, full_user = fresh_app(folder / "db0")
        exported = timed(lambda: export(full, full_user, chosen))

        big = folder / f"{name}_{BIG_MB}mb.csv"
        big_rows = generate(sample, big, megabytes=BIG_MB, moved=moved)
        child = big_import(script, big, folder / "big")

    print(f"{name}: {rows:,} rows, {size_mb:.1f} MB; SQLite; median of {RUNS} runs")
    print(f"{'step':<40} {'seconds':>8} {'rows/s':>10}")
    for step, seconds in (
        ("preview (read all, write nothing)", previewed),
        ("import into SQLite (one transaction)", imported),
        ("preview + import (what the CLI does)", previewed + imported),
        (f"export back as {chosen.label}", exported),
    ):
        print(f"{step:<40} {seconds:>8.2f} {rows / seconds:>10,.0f}")
    print(
        f"{BIG_MB} MB file ({big_rows:,} rows): preview {child['preview_s']:.1f} s, import "
        f"{child['import_s']:.1f} s, peak memory {child['peak_mb']:.0f} MB (whole process)"
    )
