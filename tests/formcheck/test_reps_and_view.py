from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from backtone.formcheck import View, detect_view
from backtone.formcheck.reps import find_reps
from backtone.formcheck.synthetic import generate_set


@settings(max_examples=60, deadline=None)
@given(
    reps=st.integers(min_value=1, max_value=12),
    noise=st.floats(min_value=0.0, max_value=0.05),
    seed=st.integers(min_value=0, max_value=2**16),
)
def test_each_cycle_of_a_noisy_wave_is_one_rep(reps: int, noise: float, seed: int) -> None:
    t = np.linspace(0, reps, reps * 60, endpoint=False)
    wave = (1 - np.cos(2 * np.pi * t)) / 2
    wave += np.random.default_rng(seed).normal(0, noise, t.size)
    assert len(find_reps(wave, min_range=0.3)) == reps


def test_standing_still_with_jitter_counts_nothing() -> None:
    still = np.random.default_rng(3).normal(0, 0.02, 300)
    assert find_reps(still, min_range=0.3) == []


def test_missing_samples_do_not_split_or_add_reps() -> None:
    t = np.linspace(0, 4, 240, endpoint=False)
    wave = (1 - np.cos(2 * np.pi * t)) / 2
    wave[::7] = np.nan
    wave[100:110] = np.nan
    assert len(find_reps(wave, min_range=0.3)) == 4


def test_reps_run_from_bottom_to_bottom_around_their_top() -> None:
    t = np.linspace(0, 3, 180, endpoint=False)
    wave = (1 - np.cos(2 * np.pi * t)) / 2
    for rep in find_reps(wave, min_range=0.3):
        assert rep.start < rep.top < rep.end
        assert wave[rep.top] > 0.95 and wave[rep.start] < 0.05 and wave[rep.end] < 0.05


def test_the_camera_view_is_told_apart_side_from_front() -> None:
    for seed in range(5):
        side = generate_set("bent-over-dumbbell-row", seed, view=View.SIDE).sequence
        front = generate_set("arm-raise", seed, view=View.FRONT).sequence
        assert detect_view(side) is View.SIDE
        assert detect_view(front) is View.FRONT
