"""A backend-independent pose sequence: BlazePose-33 keypoints over time, NaN where missing."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from backtone.domain.errors import InvalidInput
from backtone.formcheck.landmarks import COCO_TO_BLAZEPOSE, INDEX, N_LANDMARKS

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class PoseSequence:
    """Keypoints `[T, 33, 4]`: x and y as fractions of the image, relative depth, visibility.

    `timestamps_s[T]` holds each frame's time in seconds; `width` and `height` are the image
    size in pixels, needed because angles are only true in pixel space. A frame without a
    detected person is a row of NaN.
    """

    keypoints: FloatArray
    timestamps_s: FloatArray
    width: int
    height: int

    def __post_init__(self) -> None:
        kp = self.keypoints
        if kp.ndim != 3 or kp.shape[1:] != (N_LANDMARKS, 4):
            raise InvalidInput("keypoints", f"shape {kp.shape}", f"[T, {N_LANDMARKS}, 4]")
        if self.timestamps_s.shape != (kp.shape[0],):
            raise InvalidInput("timestamps_s", "needs one time per frame", f"{kp.shape[0]}")
        if self.width <= 0 or self.height <= 0:
            raise InvalidInput("image size", f"{self.width}x{self.height}", "positive pixels")
        if kp.shape[0] > 1 and np.any(np.diff(self.timestamps_s) <= 0):
            raise InvalidInput("timestamps_s", "must increase frame by frame")

    @property
    def n_frames(self) -> int:
        return int(self.keypoints.shape[0])

    @property
    def fps(self) -> float:
        """Average frame rate; 30 for a sequence too short to tell."""
        if self.n_frames < 2:
            return 30.0
        span = float(self.timestamps_s[-1] - self.timestamps_s[0])
        return (self.n_frames - 1) / span

    def found(self) -> npt.NDArray[np.bool_]:
        """Which frames hold a detected person (judged on the 17 keypoints COCO also has)."""
        core = self.keypoints[:, list(COCO_TO_BLAZEPOSE), :2]
        return np.asarray(np.isfinite(core).all(axis=(1, 2)))

    def pixels(self, name: str) -> FloatArray:
        """`[T, 2]` position of one keypoint in pixels, x to the right and y *up*."""
        xy = self.keypoints[:, INDEX[name], :2]
        return np.stack([xy[:, 0] * self.width, (1.0 - xy[:, 1]) * self.height], axis=1)

    def visibility(self, name: str) -> FloatArray:
        return np.asarray(self.keypoints[:, INDEX[name], 3], dtype=np.float64)

    def with_keypoints(self, keypoints: FloatArray) -> PoseSequence:
        return PoseSequence(keypoints, self.timestamps_s, self.width, self.height)

    def slice(self, start: int, stop: int) -> PoseSequence:
        """Frames `start` to `stop - 1`, times kept."""
        return PoseSequence(
            self.keypoints[start:stop], self.timestamps_s[start:stop], self.width, self.height
        )


def empty_frames(n_frames: int) -> FloatArray:
    """An all-missing `[T, 33, 4]` array to fill frame by frame."""
    return np.full((n_frames, N_LANDMARKS, 4), np.nan)


def to_coco17(sequence: PoseSequence) -> FloatArray:
    """`[T, 17, 3]` COCO keypoints in pixels (x, y down, score), as most pose tools write them."""
    kp = sequence.keypoints[:, list(COCO_TO_BLAZEPOSE), :]
    out = np.empty((sequence.n_frames, len(COCO_TO_BLAZEPOSE), 3))
    out[:, :, 0] = kp[:, :, 0] * sequence.width
    out[:, :, 1] = kp[:, :, 1] * sequence.height
    out[:, :, 2] = kp[:, :, 3]
    return out


def from_coco17(
    coco: FloatArray, timestamps_s: FloatArray, width: int, height: int
) -> PoseSequence:
    """Build a sequence from `[T, 17, 3]` COCO keypoints in pixels.

    Hands, feet and the inner face points COCO lacks stay NaN; depth is unknown (NaN).
    """
    if coco.ndim != 3 or coco.shape[1:] != (len(COCO_TO_BLAZEPOSE), 3):
        raise InvalidInput("coco keypoints", f"shape {coco.shape}", "[T, 17, 3]")
    kp = empty_frames(coco.shape[0])
    idx = list(COCO_TO_BLAZEPOSE)
    kp[:, idx, 0] = coco[:, :, 0] / width
    kp[:, idx, 1] = coco[:, :, 1] / height
    kp[:, idx, 3] = coco[:, :, 2]
    return PoseSequence(kp, np.asarray(timestamps_s, dtype=np.float64), width, height)
