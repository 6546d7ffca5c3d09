"""The landmark noise the posture check assumes, measured on the real sample clip."""

from __future__ import annotations

import numpy as np
import pytest

from backtone.formcheck.smoothing import savgol
from tests.cli.test_check_cli import VIDEO, needs_models


def test_landmark_scatter_on_the_real_clip_backs_the_noise_model() -> None:
    """LANDMARK_NOISE (0.02 torso lengths) is the ear, shoulder and hip scatter seen here."""
    needs_models()
    from backtone.adapters.pose.mediapipe_backend import pose_from_video
    from backtone.formcheck.posture import LANDMARK_NOISE

    seq = pose_from_video(VIDEO, "full")
    mid = (seq.pixels("left_shoulder") + seq.pixels("right_shoulder")) / 2
    hips = (seq.pixels("left_hip") + seq.pixels("right_hip")) / 2
    torso = float(np.nanmedian(np.linalg.norm(mid - hips, axis=1)))
    scatter = [
        float(np.nanstd(track - savgol(track, 9))) / torso
        for name in ("left_ear", "right_ear", "left_hip", "right_hip")
        for track in seq.pixels(name).T
    ]
    assert float(np.median(scatter)) == pytest.approx(LANDMARK_NOISE, abs=0.01)
