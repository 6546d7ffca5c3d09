"""Start-up cost of `backtone --help` beside a bare `python -c pass`.

Run: make bench   (or .venv/bin/python bench/startup.py)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 20
BIN = Path(sys.executable).parent


def timed(command: list[str]) -> list[float]:
    subprocess.run(command, capture_output=True, check=True)  # warm the file cache
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    bare = timed([sys.executable, "-c", "pass"])
    help_ = timed([str(BIN / "backtone"), "--help"])
    rows = [("python -c pass", bare), ("backtone --help", help_)]
    print(f"{'command':<18} {'median ms':>10} {'p90 ms':>8}   ({RUNS} runs)")
    for name, samples in rows:
        p90 = statistics.quantiles(samples, n=10)[-1]
        print(f"{name:<18} {statistics.median(samples):>10.1f} {p90:>8.1f}")
    print(f"ratio: {statistics.median(help_) / statistics.median(bare):.1f}x")


if __name__ == "__main__":
    main()
