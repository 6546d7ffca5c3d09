"""A process logging sets is killed with SIGKILL at random moments; nothing acknowledged is lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import REPO

KILLS = 20


def run_until_killed(data_dir: Path, first: int, delay: float) -> list[int]:
    """Start the logger, kill it after `delay` seconds of logging, return the acked numbers."""
    process = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("crash_logger.py")),
            str(data_dir),
            str(first),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.stdout is not None
    acked: list[int] = []
    started = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            acked.append(int(line.split()[1]))
            started.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    started.wait(timeout=30)  # the first commit proves start-up is over
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join(timeout=5)
    return acked


def test_every_acknowledged_set_survives_sigkill_and_the_database_stays_sound(
    tmp_path: Path,
) -> None:
    rng = random.Random(20261121)
    acknowledged: set[int] = set()
    next_number = 0
    for _ in range(KILLS):
        acked = run_until_killed(tmp_path, next_number, rng.uniform(0.0, 0.3))
        assert acked, "the logger never got going"
        acknowledged.update(acked)
        next_number = max(acked) + 1_000  # skip any number whose ack was cut off

    with sqlite3.connect(tmp_path / "backtone.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {
            int(note.removeprefix("ack-"))
            for (note,) in db.execute("SELECT notes FROM logged_sets")
        }
    assert acknowledged <= stored
    assert len(acknowledged) >= KILLS
