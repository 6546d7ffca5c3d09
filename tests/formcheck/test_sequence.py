from __future__ import annotations

import numpy as np
import pytest

from backtone.domain.errors import InvalidInput
from backtone.formcheck import PoseSequence, from_coco17, to_coco17
from backtone.formcheck.landmarks import COCO_17, INDEX
from backtone.formcheck.synthetic import generate_set


def test_coco17_round_trip_keeps_the_shared_keypoints_in_pixels() -> None:
    seq = generate_set("push-up", 1, drop_rate=0.0).sequence
    coco = to_coco17(seq)
    assert coco.shape == (seq.n_frames, 17, 3)
    back = from_coco17(coco, seq.timestamps_s, seq.width, seq.height)
    for name in COCO_17:
        np.testing.assert_allclose(back.pixels(name), seq.pixels(name), atol=1e-9)
    assert np.isnan(back.keypoints[:, INDEX["left_heel"]]).all()
    assert back.found().all()


def test_a_dropped_frame_counts_as_no_pose_found() -> None:
    seq = generate_set("push-up", 2, drop_rate=0.0).sequence
    kp = np.array(seq.keypoints)
    kp[5] = np.nan
    assert int(seq.with_keypoints(kp).found().sum()) == seq.n_frames - 1


def test_a_wrongly_shaped_array_is_refused_with_the_expected_shape() -> None:
    with pytest.raises(InvalidInput, match=r"\[T, 33, 4\]"):
        PoseSequence(np.zeros((3, 17, 4)), np.arange(3.0), 640, 480)


def test_timestamps_that_go_backwards_are_refused() -> None:
    with pytest.raises(InvalidInput, match="timestamps_s"):
        PoseSequence(np.zeros((3, 33, 4)), np.array([0.0, 0.2, 0.1]), 640, 480)


def test_pixels_use_the_image_size_so_angles_survive_a_wide_frame() -> None:
    kp = np.zeros((1, 33, 4))
    kp[0, INDEX["nose"], :2] = (0.5, 0.25)
    seq = PoseSequence(kp, np.zeros(1), 1920, 1080)
    np.testing.assert_allclose(seq.pixels("nose"), [[960.0, 810.0]])
