"""Synthetic keypoint sequences with known reps, torso angles and faults, for tests and demos."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from backtone.domain.errors import NotFound
from backtone.formcheck.sequence import FloatArray, PoseSequence
from backtone.formcheck.synthetic.exercises import SCRIPTS
from backtone.formcheck.synthetic.skeleton3d import add_hands_and_feet, add_head, project
from backtone.formcheck.synthetic.timeline import make_timeline
from backtone.formcheck.view import View


@dataclass(frozen=True, eq=False)
class SyntheticSet:
    """A generated set and the truth behind it."""

    sequence: PoseSequence
    rep_faults: tuple[frozenset[str], ...]  # the faults injected in each rep
    torso_deg: FloatArray  # true torso angle from vertical, per frame
    rep_bounds: tuple[tuple[int, int], ...]

    @property
    def rep_count(self) -> int:
        return len(self.rep_faults)


def generate_set(
    exercise_id: str,
    seed: int,
    *,
    n_reps: int | None = None,
    view: View = View.SIDE,
    fault_rate: float = 0.3,
    noise_px: float | None = None,
    drop_rate: float = 0.04,
) -> SyntheticSet:
    """A noisy synthetic set of `exercise_id`, reproducible from `seed`.

    Each rep carries one of the exercise's faults with probability `fault_rate`; frames are
    dropped (NaN) at `drop_rate`, plus now and then a short burst as when a person walks
    out of the picture.
    """
    if exercise_id not in SCRIPTS:
        raise NotFound("synthetic exercise", exercise_id, list(SCRIPTS))
    script, codes = SCRIPTS[exercise_id]
    rng = np.random.default_rng(seed)
    count = int(rng.integers(3, 9)) if n_reps is None else n_reps
    faults = [
        frozenset({str(rng.choice(codes))})
        if codes and rng.random() < fault_rate
        else frozenset[str]()
        for _ in range(count)
    ]
    timeline = make_timeline(rng, count)
    joints, torso = script(timeline, rng, faults)
    add_head(joints, joints.pop("neck"))
    add_hands_and_feet(joints)
    noise = rng.uniform(1.0, 3.0) if noise_px is None else noise_px
    sequence = project(joints, view, timeline.times_s, rng, noise)
    keypoints = np.array(sequence.keypoints)
    dropped = rng.random(timeline.n_frames) < drop_rate
    if drop_rate > 0 and rng.random() < 0.5:
        start = int(rng.integers(0, max(1, timeline.n_frames - 8)))
        dropped[start : start + int(rng.integers(3, 9))] = True
    keypoints[dropped] = np.nan
    return SyntheticSet(
        sequence.with_keypoints(keypoints), tuple(faults), torso, timeline.rep_bounds
    )
