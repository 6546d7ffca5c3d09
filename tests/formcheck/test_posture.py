"""Posture from side photos: known angles are measured within tolerance; bad photos refused."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from backtone.formcheck import View
from backtone.formcheck.posture import measure_posture
from backtone.formcheck.synthetic.posture import side_photo

CVAS = (35.0, 45.0, 55.0, 65.0)
LEANS = (-10.0, 0.0, 10.0, 20.0)


def errors(noise_px: float) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"cva": [], "offset": [], "lean": [], "z": []}
    for seed, (cva, lean) in enumerate(itertools.product(CVAS, LEANS)):
        photo, truth = side_photo(cva, lean, seed=seed, noise_px=noise_px)
        reading = measure_posture(photo).reading
        assert reading is not None
        out["cva"].append(reading.cva_deg.value - truth.cva_deg)
        out["offset"].append(reading.shoulder_offset_pct.value - truth.shoulder_offset_pct)
        out["lean"].append(reading.trunk_lean_deg.value - truth.trunk_lean_deg)
        out["z"].append(abs(reading.cva_deg.value - truth.cva_deg) / reading.cva_deg.uncertainty)
    return out


def test_known_angles_are_measured_within_the_stated_tolerance() -> None:
    e = errors(noise_px=1.5)
    assert float(np.mean(np.abs(e["cva"]))) <= 2.0
    assert float(np.mean(np.abs(e["lean"]))) <= 1.0
    assert float(np.mean(np.abs(e["offset"]))) <= 1.0
    assert max(abs(v) for v in e["cva"]) <= 5.0


def test_the_stated_uncertainty_covers_the_error() -> None:
    e = errors(noise_px=3.0)
    within = sum(z <= 2.0 for z in e["z"]) / len(e["z"])
    assert within >= 0.9


def test_a_more_forward_head_reads_a_smaller_angle_and_shoulders_ahead_read_positive() -> None:
    upright = measure_posture(side_photo(58, 0, seed=1)[0]).reading
    forward = measure_posture(side_photo(40, 0, seed=1)[0]).reading
    rounded = measure_posture(side_photo(50, 0, shoulder_forward=0.08, seed=1)[0]).reading
    assert upright and forward and rounded
    assert forward.cva_deg.value < upright.cva_deg.value - 10
    assert rounded.shoulder_offset_pct.value > upright.shoulder_offset_pct.value


def test_facing_either_way_gives_the_same_measures() -> None:
    photo, _ = side_photo(48, 5, seed=3)
    mirrored = np.array(photo.keypoints)
    mirrored[:, :, 0] = 1.0 - mirrored[:, :, 0]
    a = measure_posture(photo).reading
    b = measure_posture(photo.with_keypoints(mirrored)).reading
    assert a and b
    assert b.cva_deg.value == pytest.approx(a.cva_deg.value, abs=0.2)
    assert b.trunk_lean_deg.value == pytest.approx(a.trunk_lean_deg.value, abs=0.2)


@pytest.mark.parametrize("view", [View.FRONT, View.BACK, View.OBLIQUE])
def test_a_photo_that_is_not_side_on_is_refused_with_the_reason(view: View) -> None:
    result = measure_posture(side_photo(50, 0, view=view)[0])
    assert result.reading is None
    assert result.reasons[0].startswith("not side-on")


def test_a_cut_off_photo_and_unsure_landmarks_are_refused_with_reasons() -> None:
    photo, _ = side_photo(50, 0)
    cut = np.array(photo.keypoints)
    cut[:, :, 1] = cut[:, :, 1] + 0.45  # the feet slide off the bottom
    reasons = measure_posture(photo.with_keypoints(cut)).reasons
    assert any(r.startswith("cut off (ankle, heel") for r in reasons)
    unsure = np.array(photo.keypoints)
    unsure[:, 7, 3] = 0.2  # left ear
    reasons = measure_posture(photo.with_keypoints(unsure)).reasons
    assert any("low landmark confidence on the ear (0.20)" in r for r in reasons)


def test_an_empty_picture_and_a_bent_over_person_are_refused() -> None:
    photo, _ = side_photo(50, 0)
    assert measure_posture(photo.with_keypoints(photo.keypoints * np.nan)).reasons == (
        "no person was found in the picture",
    )
    bent, _ = side_photo(50, 60)
    assert measure_posture(bent).reasons[0].startswith("not standing upright")


def test_a_still_clip_is_measured_more_surely_than_a_photo_and_a_moving_one_refused() -> None:
    photo = measure_posture(side_photo(50, 0, seed=4)[0]).reading
    clip = measure_posture(side_photo(50, 0, seed=4, frames=90, sway_deg=1.0)[0]).reading
    assert photo and clip and clip.frames == 90
    assert clip.cva_deg.uncertainty < photo.cva_deg.uncertainty
    assert clip.cva_deg.value == pytest.approx(50, abs=1.5)
    moving = measure_posture(side_photo(50, 0, frames=90, sway_deg=15.0)[0])
    assert moving.reading is None and "movement" in moving.reasons[0]
