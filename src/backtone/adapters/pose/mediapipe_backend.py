"""MediaPipe Tasks PoseLandmarker in video mode: frames in, BlazePose-33 keypoints out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from backtone.adapters.pose.models import model_path
from backtone.adapters.pose.quiet import native_logs_silenced
from backtone.adapters.pose.video import Frame, prefetched, probe, read_frames
from backtone.formcheck import PoseSequence
from backtone.formcheck.landmarks import N_LANDMARKS
from backtone.formcheck.sequence import FloatArray, empty_frames

Progress = Callable[[int], None]


class PoseLandmarker:
    """One person's pose per frame; use as a context manager so the graph is closed.

    While it is open the runtime's own log lines are silenced, unless `verbose`.
    """

    def __init__(
        self, model: str = "full", models_dir: Path | None = None, *, verbose: bool = False
    ) -> None:
        self.path = model_path(model, models_dir)
        self.verbose = verbose
        self._landmarker: Any = None
        self._last_ms = -1
        self._quiet = ExitStack()

    def __enter__(self) -> PoseLandmarker:
        self._quiet.enter_context(native_logs_silenced(not self.verbose))
        from mediapipe.tasks.python import BaseOptions, vision

        options = vision.PoseLandmarkerOptions(
            base_options=BaseOptions(model_asset_path=str(self.path)),
            running_mode=vision.RunningMode.VIDEO,
            num_poses=1,
        )
        try:
            self._landmarker = vision.PoseLandmarker.create_from_options(options)
        except BaseException:
            self._quiet.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self._landmarker is not None:
                self._landmarker.close()
                self._landmarker = None
        finally:
            self._quiet.close()

    def detect(self, rgb: Frame, t_s: float) -> FloatArray:
        """`[33, 4]` keypoints of the frame at `t_s` seconds, or NaN if nobody is found."""
        import mediapipe as mp

        if self._landmarker is None:
            raise RuntimeError("use PoseLandmarker inside a `with` block")
        # Video mode wants strictly increasing whole milliseconds.
        t_ms = max(round(t_s * 1000), self._last_ms + 1)
        self._last_ms = t_ms
        image = mp.Image(image_format=mp.ImageFormat.SRGB, data=np.ascontiguousarray(rgb))
        result = self._landmarker.detect_for_video(image, t_ms)
        out = np.full((N_LANDMARKS, 4), np.nan)
        if result.pose_landmarks:
            for i, lm in enumerate(result.pose_landmarks[0]):
                out[i] = (lm.x, lm.y, lm.z, lm.visibility if lm.visibility is not None else 1.0)
        return out


def track_frames(
    frames: Iterable[tuple[float, Frame]], landmarker: PoseLandmarker, on_frame: Progress
) -> tuple[FloatArray, FloatArray, tuple[int, int]]:
    """Run the landmarker over frames; returns keypoints, times and the (w, h) image size."""
    rows: list[FloatArray] = []
    times: list[float] = []
    size = (0, 0)
    for t_s, rgb in frames:
        size = (rgb.shape[1], rgb.shape[0])
        rows.append(landmarker.detect(rgb, t_s))
        times.append(t_s)
        on_frame(len(rows))
    keypoints = np.stack(rows) if rows else empty_frames(0)
    return keypoints, np.asarray(times, dtype=np.float64), size


def pose_from_video(
    path: Path,
    model: str = "full",
    *,
    models_dir: Path | None = None,
    size: tuple[int, int] | None = None,
    on_frame: Progress = lambda _n: None,
    verbose: bool = False,
) -> PoseSequence:
    """Track the person through a video file, frame by frame."""
    from backtone.domain.errors import InvalidInput

    info = probe(path)
    with PoseLandmarker(model, models_dir, verbose=verbose) as landmarker:
        frames = prefetched(read_frames(path, size))
        keypoints, times, frame_size = track_frames(frames, landmarker, on_frame)
    if keypoints.shape[0] < 2:
        raise InvalidInput("video", f"{path} has fewer than 2 frames", "a clip of a whole set")
    width, height = frame_size if frame_size != (0, 0) else (info.width, info.height)
    return PoseSequence(keypoints, times, width, height)
