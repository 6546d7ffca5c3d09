"""Which way the camera looks at the person: from the side, the front, the back, or at an angle."""

from __future__ import annotations

import enum

import numpy as np

from backtone.formcheck.sequence import PoseSequence


class View(enum.Enum):
    SIDE = "side"
    FRONT = "front"
    BACK = "back"
    OBLIQUE = "oblique"
    UNKNOWN = "unknown"


# Shoulder width over torso length: 0.55-0.75 facing the camera (MediaPipe on the sample
# video gives 0.53-0.59), near 0 side on.
SIDE_BELOW = 0.25
FRONT_ABOVE = 0.42


def shoulder_to_torso_ratio(sequence: PoseSequence) -> float:
    """Median apparent shoulder width divided by the longest torso the clip shows."""
    left, right = sequence.pixels("left_shoulder"), sequence.pixels("right_shoulder")
    hips = (sequence.pixels("left_hip") + sequence.pixels("right_hip")) / 2
    width = np.linalg.norm(left - right, axis=1)
    torso = np.linalg.norm((left + right) / 2 - hips, axis=1)
    ok = np.isfinite(width) & np.isfinite(torso)
    if ok.sum() < 3:
        return float("nan")
    # The longest torso seen is the least foreshortened, so the ratio holds when the torso
    # tips towards the camera (a push-up filmed from the front keeps a short torso).
    longest = float(np.percentile(torso[ok], 90))
    if longest <= 0:
        return float("nan")
    return float(np.median(width[ok]) / longest)


def faces_camera(sequence: PoseSequence) -> bool:
    """True when the person's left shoulder is on the right of the picture, as in a mirror-free
    photo of someone facing the camera; seen from behind, the left shoulder is on the left."""
    dx = sequence.pixels("left_shoulder")[:, 0] - sequence.pixels("right_shoulder")[:, 0]
    dx = dx[np.isfinite(dx)]
    return not dx.size or float(np.median(dx)) >= 0


def detect_view(sequence: PoseSequence) -> View:
    """Guess the camera view from how wide the shoulders look against the torso, and which
    shoulder is on which side of the picture."""
    ratio = shoulder_to_torso_ratio(sequence)
    if not np.isfinite(ratio):
        return View.UNKNOWN
    if ratio < SIDE_BELOW:
        return View.SIDE
    if ratio > FRONT_ABOVE:
        return View.FRONT if faces_camera(sequence) else View.BACK
    return View.OBLIQUE
