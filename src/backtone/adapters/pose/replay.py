"""The replay backend: pose sequences stored as `.npz` keypoint arrays, no model needed."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from backtone.domain.errors import InvalidInput
from backtone.formcheck import PoseSequence


def save_sequence(sequence: PoseSequence, path: Path) -> None:
    """Store a sequence as `keypoints [T,33,4]`, `timestamps_s [T]` and `image_size [w, h]`."""
    with path.open("wb") as fh:
        np.savez_compressed(
            fh,
            keypoints=sequence.keypoints,
            timestamps_s=sequence.timestamps_s,
            image_size=np.array([sequence.width, sequence.height]),
        )


def load_sequence(path: Path) -> PoseSequence:
    """Read a sequence written by `save_sequence` (or by another tool in the same layout)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            keypoints = np.asarray(data["keypoints"], dtype=np.float64)
            times = np.asarray(data["timestamps_s"], dtype=np.float64)
            width, height = (int(v) for v in data["image_size"])
    except FileNotFoundError:
        raise InvalidInput("keypoints file", f"{path} does not exist") from None
    except (OSError, ValueError, KeyError) as exc:
        raise InvalidInput(
            "keypoints file",
            f"{path} is not a keypoint archive ({exc})",
            "npz with keypoints, timestamps_s, image_size",
        ) from None
    return PoseSequence(keypoints, times, width, height)
