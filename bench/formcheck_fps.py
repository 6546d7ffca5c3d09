"""Form check speed, end to end (decode + pose + analysis), in frames per second.

Usage: python bench/formcheck_fps.py [--repeat N]   (needs `make models`)

The sample video (1768x994, 230 frames) is resized to 1280x720 and 1920x1080 while decoding,
so each row pays for decoding and resizing too. The model is loaded before the clock starts.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from backtone.adapters.pose.mediapipe_backend import PoseLandmarker, track_frames
from backtone.adapters.pose.video import prefetched, read_frames
from backtone.formcheck import PoseSequence, check_form

VIDEO = Path(__file__).parents[1] / ".." / "shared" / "data" / "video" / "sports2d_demo.mp4"
SIZES = {"720p": (1280, 720), "1080p": (1920, 1080)}


def run_once(model: str, size: tuple[int, int]) -> tuple[int, float]:
    """Frames processed and seconds taken for one pass over the clip."""
    with PoseLandmarker(model) as landmarker:
        start = time.perf_counter()
        keypoints, times, frame_size = track_frames(
            prefetched(read_frames(VIDEO, size)), landmarker, lambda _n: None
        )
        check_form(PoseSequence(keypoints, times, *frame_size), "arm-raise")
        elapsed = time.perf_counter() - start
    return int(keypoints.shape[0]), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="passes per row; the best counts")
    args = parser.parse_args()
    table = Table(title=f"form check end to end on {os.cpu_count()} cores ({VIDEO.name})")
    for column in ("model", "size", "frames", "seconds", "fps"):
        table.add_column(column, justify="right")
    for model in ("lite", "full"):
        for label, size in SIZES.items():
            frames, best = min(
                (run_once(model, size) for _ in range(args.repeat)), key=lambda r: r[1]
            )
            table.add_row(model, label, str(frames), f"{best:.2f}", f"{frames / best:.1f}")
    Console().print(table)


if __name__ == "__main__":
    main()
