"""Angles from 2-D keypoint tracks (`[T, 2]` arrays in pixels, y up), NaN in, NaN out."""

from __future__ import annotations

import numpy as np

from backtone.formcheck.sequence import FloatArray


def joint_angle(a: FloatArray, b: FloatArray, c: FloatArray) -> FloatArray:
    """Angle at `b` between `b->a` and `b->c`, in degrees (180 = straight)."""
    u, v = a - b, c - b
    dot = np.sum(u * v, axis=-1)
    norm = np.linalg.norm(u, axis=-1) * np.linalg.norm(v, axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        cos = np.clip(dot / norm, -1.0, 1.0)
    return np.asarray(np.degrees(np.arccos(cos)), dtype=np.float64)


def angle_to_vertical(lower: FloatArray, upper: FloatArray) -> FloatArray:
    """Angle of the segment `lower -> upper` from straight up, in degrees (0 = upright)."""
    d = upper - lower
    return np.asarray(np.degrees(np.arctan2(np.abs(d[:, 0]), d[:, 1])), dtype=np.float64)


def bend(a: FloatArray, b: FloatArray, c: FloatArray) -> FloatArray:
    """How far the chain a-b-c departs from a straight line at `b`, in degrees (0 = straight)."""
    return 180.0 - joint_angle(a, b, c)


def signed_offset(a: FloatArray, b: FloatArray, c: FloatArray) -> FloatArray:
    """Signed distance of `b` from the line a-c, as a fraction of |a-c|; positive = above."""
    d = c - a
    cross = d[:, 0] * (b[:, 1] - a[:, 1]) - d[:, 1] * (b[:, 0] - a[:, 0])
    length = np.linalg.norm(d, axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        # Orient so that "above" means towards +y whichever way the line runs.
        sign = np.where(d[:, 0] >= 0, 1.0, -1.0)
        return np.asarray(sign * cross / length**2, dtype=np.float64)
