from __future__ import annotations

import numpy as np

from backtone.formcheck.geometry import angle_to_vertical, joint_angle
from backtone.formcheck.smoothing import OneEuroFilter, fill_short_gaps, savgol


def test_short_gaps_are_bridged_and_long_gaps_stay_missing() -> None:
    x = np.arange(20, dtype=float)
    x[3:5] = np.nan
    x[10:18] = np.nan
    filled = fill_short_gaps(x, max_gap=3)
    np.testing.assert_allclose(filled[3:5], [3.0, 4.0])
    assert np.isnan(filled[10:18]).all()


def test_savitzky_golay_keeps_a_parabola_and_cuts_noise() -> None:
    t = np.linspace(-1, 1, 101)
    clean = 3 * t**2 - t
    assert np.allclose(savgol(clean, 9), clean)
    noisy = clean + np.random.default_rng(0).normal(0, 0.1, t.size)
    assert np.std(savgol(noisy, 9) - clean) < 0.6 * np.std(noisy - clean)


def test_savitzky_golay_leaves_missing_samples_missing() -> None:
    x = np.sin(np.linspace(0, 6, 60))
    x[30] = np.nan
    out = savgol(x, 7)
    assert np.isnan(out[30]) and np.isfinite(out[:30]).all() and np.isfinite(out[31:]).all()


def test_one_euro_filter_steadies_a_jittery_still_point() -> None:
    rng = np.random.default_rng(1)
    filt = OneEuroFilter()
    outputs = [filt(i / 30, np.array([5.0 + rng.normal(0, 0.5)]))[0] for i in range(120)]
    assert np.std(outputs[30:]) < 0.5 * 0.5


def test_joint_angle_of_a_right_angle_and_a_straight_line() -> None:
    a, b = np.array([[1.0, 0.0]] * 2), np.array([[0.0, 0.0]] * 2)
    c = np.array([[0.0, 1.0], [-1.0, 0.0]])
    np.testing.assert_allclose(joint_angle(a, b, c), [90.0, 180.0])


def test_torso_angle_is_measured_from_vertical_either_way_the_person_faces() -> None:
    hip = np.zeros((3, 2))
    shoulder = np.array([[0.0, 1.0], [1.0, 1.0], [-1.0, 0.0]])
    np.testing.assert_allclose(angle_to_vertical(hip, shoulder), [0.0, 45.0, 90.0])
