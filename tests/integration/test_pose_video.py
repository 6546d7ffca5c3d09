"""The MediaPipe backend on a real video (needs `make models`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backtone.adapters.pose.models import default_models_dir
from backtone.formcheck import PoseSequence, check_form

VIDEO = Path(__file__).parents[2] / ".." / "shared" / "data" / "video" / "sports2d_demo.mp4"


@pytest.fixture(scope="module", params=["full", "lite"])
def tracked(request: pytest.FixtureRequest) -> PoseSequence:
    if not (default_models_dir() / f"pose_landmarker_{request.param}.task").is_file():
        message = "pose models missing: run `make models`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from backtone.adapters.pose.mediapipe_backend import pose_from_video

    return pose_from_video(VIDEO, request.param)


def test_a_pose_is_found_in_at_least_95_percent_of_frames(tracked: PoseSequence) -> None:
    assert tracked.n_frames == 230
    assert tracked.found().mean() >= 0.95


def test_the_arm_raise_counter_counts_the_two_jumping_jacks(tracked: PoseSequence) -> None:
    report = check_form(tracked.slice(0, 90), "arm-raise")
    assert report.rep_count == 2
    assert report.view == "front"
    assert all(rep.range_of_motion_deg and rep.range_of_motion_deg > 90 for rep in report.reps)


def test_frames_keep_the_video_clock_and_size(tracked: PoseSequence) -> None:
    assert (tracked.width, tracked.height) == (1768, 994)
    assert tracked.fps == pytest.approx(30.0, rel=0.01)
