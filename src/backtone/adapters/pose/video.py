"""Decode video files (and cameras) into RGB frames with OpenCV, which mediapipe pulls in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from backtone.domain.errors import InvalidInput

Frame = npt.NDArray[np.uint8]
T = TypeVar("T")


@dataclass(frozen=True)
class VideoInfo:
    frames: int
    fps: float
    width: int
    height: int


def _open(source: Path | int) -> Any:
    import cv2

    if isinstance(source, int):
        # Probing a missing camera makes OpenCV log a page of backend errors; ours is enough.
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)
    capture = cv2.VideoCapture(str(source) if isinstance(source, Path) else source)
    if not capture.isOpened():
        if isinstance(source, int):
            raise InvalidInput(
                "camera",
                f"no camera could be opened at index {source}; is a webcam connected and free?",
                "0 for the first camera, 1 for the next",
            )
        if not source.exists():
            raise InvalidInput("video", f"{source} does not exist")
        raise InvalidInput("video", f"{source} cannot be read as a video", "mp4, mov, avi, webm")
    return capture


def probe(path: Path) -> VideoInfo:
    """Frame count, frame rate and size of a video file."""
    import cv2

    capture = _open(path)
    try:
        info = VideoInfo(
            frames=int(capture.get(cv2.CAP_PROP_FRAME_COUNT)),
            fps=float(capture.get(cv2.CAP_PROP_FPS)) or 30.0,
            width=int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
            height=int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)),
        )
    finally:
        capture.release()
    if info.width <= 0 or info.height <= 0:
        raise InvalidInput("video", f"{path} has no picture", "mp4, mov, avi, webm")
    return info


def read_frames(
    source: Path | int, size: tuple[int, int] | None = None
) -> Iterator[tuple[float, Frame]]:
    """Yield `(seconds, RGB frame)`; `size=(w, h)` resizes each frame (used by the benchmark)."""
    import cv2

    capture = _open(source)
    fps = float(capture.get(cv2.CAP_PROP_FPS)) or 30.0
    index = 0
    try:
        while True:
            ok, bgr = capture.read()
            if not ok:
                return
            if size is not None and (bgr.shape[1], bgr.shape[0]) != size:
                bgr = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)
            yield index / fps, cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
            index += 1
    finally:
        capture.release()


def prefetched(frames: Iterator[T], depth: int = 8) -> Iterator[T]:
    """Decode ahead in a thread, so decoding (which frees the GIL) overlaps pose inference."""
    import queue
    import threading

    box: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in frames:
                while not stop.is_set():
                    try:
                        box.put((True, item), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            box.put((False, None))
        except BaseException as error:  # hand decoding errors to the consumer
            box.put((False, error))

    worker = threading.Thread(target=produce, daemon=True)
    worker.start()
    try:
        while True:
            more, item = box.get()
            if not more:
                if isinstance(item, BaseException):
                    raise item
                return
            yield item
    finally:
        stop.set()
        worker.join(timeout=1.0)
