"""A side photo (or a short clip of standing still) to a pose sequence, for the posture check."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from backtone.domain.errors import InvalidInput
from backtone.formcheck import PoseSequence

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".bmp")
CLIP_SUFFIXES = (".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi")
MAX_CLIP_S = 10.0  # a posture clip is a few seconds of standing still


def posture_pose(
    path: Path, model: str = "full", *, models_dir: Path | None = None, verbose: bool = False
) -> PoseSequence:
    """Landmarks of the person in a photo (one frame) or in the first seconds of a clip."""
    suffix = path.suffix.lower()
    if suffix in CLIP_SUFFIXES:
        from backtone.adapters.pose.mediapipe_backend import pose_from_video

        sequence = pose_from_video(path, model, models_dir=models_dir, verbose=verbose)
        keep = int((sequence.timestamps_s <= MAX_CLIP_S).sum())
        return sequence.slice(0, keep)
    if suffix not in PHOTO_SUFFIXES:
        raise InvalidInput(
            "photo", f"{path.name} is neither a photo nor a clip", PHOTO_SUFFIXES + CLIP_SUFFIXES
        )
    return pose_from_photo(path, model, models_dir=models_dir, verbose=verbose)


def pose_from_photo(
    path: Path, model: str = "full", *, models_dir: Path | None = None, verbose: bool = False
) -> PoseSequence:
    """One frame of landmarks from a photo file (turned upright by its EXIF orientation)."""
    import cv2

    from backtone.adapters.pose.mediapipe_backend import PoseLandmarker
    from backtone.adapters.pose.models import model_path

    model_path(model, models_dir)  # a missing model is reported before anything else
    if not path.is_file():
        raise InvalidInput("photo", f"{path} does not exist")
    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if bgr is None:
        raise InvalidInput("photo", f"{path.name} cannot be read as a picture", PHOTO_SUFFIXES)
    rgb = np.ascontiguousarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB), dtype=np.uint8)
    with PoseLandmarker(model, models_dir, verbose=verbose) as landmarker:
        keypoints = landmarker.detect(rgb, 0.0)
    return PoseSequence(keypoints[None], np.zeros(1), rgb.shape[1], rgb.shape[0])
