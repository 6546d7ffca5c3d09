"""Motion scripts for synthetic sets: joint positions over time, with faults injected per rep.

Each script returns the joints (metres; lateral, forward, up) and the true torso angle from
vertical per frame. Fault sizes sit well past the rule thresholds, and good reps well inside.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from backtone.formcheck.sequence import FloatArray
from backtone.formcheck.synthetic.skeleton3d import SIDE_SIGN, Joints, sagittal, two_link
from backtone.formcheck.synthetic.timeline import Timeline, bump, track

TORSO, UPPER_ARM, FOREARM, THIGH, SHIN = 0.5, 0.3, 0.27, 0.45, 0.43
# Shoulder landmarks sit inside the shoulder's edge: MediaPipe finds them about 0.55-0.6 torso
# lengths apart on a person facing the camera, so 0.28 m apart on a 0.5 m torso.
HALF_SHOULDERS, HALF_HIPS = 0.14, 0.13
LAT = np.array([1.0, 0.0, 0.0])

Faults = list[frozenset[str]]
Script = Callable[[Timeline, np.random.Generator, Faults], tuple[Joints, FloatArray]]


def per_rep(
    faults: Faults,
    code: str,
    rng: np.random.Generator,
    good: tuple[float, float],
    bad: tuple[float, float],
) -> FloatArray:
    """One value per rep: drawn from `bad` where the rep carries `code`, else from `good`."""
    return np.array([rng.uniform(*(bad if code in f else good)) for f in faults])


def _const(tl: Timeline, value: float) -> FloatArray:
    return np.full(tl.n_frames, value)


def _torso_and_legs(
    joints: Joints, hip: FloatArray, torso: FloatArray, thigh: FloatArray, shin: FloatArray
) -> None:
    """Shoulders from the hip midpoint along `torso`; knees and ankles along thigh and shin."""
    shoulder = hip + TORSO * sagittal(torso)
    knee = hip + THIGH * sagittal(thigh)
    ankle = knee + SHIN * sagittal(shin)
    for side, s in SIDE_SIGN.items():
        joints[f"{side}_shoulder"] = shoulder + s * HALF_SHOULDERS * LAT
        joints[f"{side}_hip"] = hip + s * HALF_HIPS * LAT
        joints[f"{side}_knee"] = knee + s * 0.11 * LAT
        joints[f"{side}_ankle"] = ankle + s * 0.11 * LAT


def _arms_by_angles(joints: Joints, upper: FloatArray, fore: FloatArray) -> None:
    for side, s in SIDE_SIGN.items():
        elbow = joints[f"{side}_shoulder"] - s * 0.02 * LAT + UPPER_ARM * sagittal(upper)
        joints[f"{side}_elbow"] = elbow
        joints[f"{side}_wrist"] = elbow + FOREARM * sagittal(fore)


def _arms_to(joints: Joints, wrist_mid: FloatArray, half_grip: float, bend: FloatArray) -> None:
    """Put the wrists at a grip and bend the elbows towards `bend` (mirrored per side)."""
    for side, s in SIDE_SIGN.items():
        wrist = wrist_mid + s * half_grip * LAT
        towards = np.broadcast_to(bend * np.array([s, 1.0, 1.0]), wrist.shape)
        joints[f"{side}_wrist"] = wrist
        joints[f"{side}_elbow"] = two_link(
            joints[f"{side}_shoulder"], wrist, UPPER_ARM, FOREARM, towards
        )


def row(tl: Timeline, rng: np.random.Generator, faults: Faults) -> tuple[Joints, FloatArray]:
    lean = per_rep(faults, "torso-too-upright", rng, (68, 88), (35, 48))
    torso = track(tl, lean[0], lean + rng.uniform(0, 4), lean)
    hip = np.stack([_const(tl, 0), _const(tl, 0), _const(tl, 0.95)], axis=1)
    joints: Joints = {}
    _torso_and_legs(joints, hip, torso, _const(tl, 170), _const(tl, 190))
    pull = np.array([rng.uniform(65, 80) for _ in faults])
    _arms_by_angles(
        joints,
        track(tl, 180, 180 + pull, np.full(len(faults), 180.0)),
        _const(tl, 180) + rng.uniform(-5, 5),
    )
    rounding = bump(tl, per_rep(faults, "rounded-back", rng, (0, 0), (42, 52)))
    joints["neck"] = torso + rng.uniform(-5, 8) + rounding
    return joints, torso


def deadlift(tl: Timeline, rng: np.random.Generator, faults: Faults) -> tuple[Joints, FloatArray]:
    n = len(faults)
    lockout = np.array(["no-lockout" in f for f in faults])
    torso_top = np.where(lockout, rng.uniform(25, 30, n), rng.uniform(0, 4, n))
    thigh_top = np.where(lockout, -12.0, 0.0)
    bottom_torso = rng.uniform(50, 60, n)
    torso = track(tl, bottom_torso[0], torso_top, bottom_torso)
    thigh = track(tl, -60, thigh_top, np.full(n, -60.0))
    shin = track(tl, 20, np.zeros(n), np.full(n, 20.0))
    ankle = np.stack([_const(tl, 0), _const(tl, 0), _const(tl, 0.08)], axis=1)
    knee = ankle + SHIN * sagittal(shin)
    hip = knee + THIGH * sagittal(thigh)
    joints: Joints = {}
    _torso_and_legs(joints, hip, torso, thigh + 180, shin + 180)
    _arms_by_angles(joints, _const(tl, 180), _const(tl, 180))
    rounding = bump(tl, per_rep(faults, "rounded-back", rng, (0, 0), (42, 52)))
    joints["neck"] = torso - rng.uniform(0, 10) + rounding
    return joints, torso


def pull_up(tl: Timeline, rng: np.random.Generator, faults: Faults) -> tuple[Joints, FloatArray]:
    n = len(faults)
    top = per_rep(faults, "chin-below-bar", rng, (0.0, 0.08), (0.2, 0.24))
    bottom = per_rep(faults, "bent-arms-at-bottom", rng, (0.54, 0.56), (0.49, 0.51))
    reach = track(tl, 0.55, top, bottom)  # wrists above the shoulders, metres
    swing_amp = bump(tl, per_rep(faults, "swinging", rng, (0, 2), (18, 22)))
    swing = swing_amp * np.sin(2 * np.pi * tl.times_s / rng.uniform(1.0, 1.4))
    bar = 2.3
    shoulder = np.stack([_const(tl, 0), _const(tl, 0), bar - reach], axis=1)
    hip = shoulder + TORSO * sagittal(180 + swing)
    joints: Joints = {}
    _torso_and_legs(joints, hip, swing, 180 + swing, 200 + swing)
    wrists = np.stack([_const(tl, 0), _const(tl, 0), _const(tl, bar)], axis=1)
    _arms_to(joints, wrists, 0.32, np.array([1.0, 0.0, -0.3]))
    joints["neck"] = swing + rng.uniform(-5, 5)
    del n
    return joints, np.abs(swing)


def push_up(tl: Timeline, rng: np.random.Generator, faults: Faults) -> tuple[Joints, FloatArray]:
    n = len(faults)
    depth = per_rep(faults, "shallow", rng, (0.3, 0.38), (0.47, 0.5))
    height = track(tl, 0.565, depth, np.full(n, 0.565))
    line = np.where([("hips-sagging" in f) for f in faults], -rng.uniform(26, 32, n), 0.0)
    line = np.where([("hips-piking" in f) for f in faults], rng.uniform(26, 32, n), line)
    beta = np.radians(bump(tl, line) + rng.uniform(-4, 4))  # + pike, - sag
    legs = THIGH + SHIN
    span = np.sqrt(TORSO**2 + legs**2 + 2 * TORSO * legs * np.cos(beta))
    shoulder_fu = np.stack([np.zeros(tl.n_frames), height], axis=1)  # forward, up
    ankle_fu = np.stack([-np.sqrt(span**2 - (height - 0.05) ** 2), _const(tl, 0.05)], axis=1)
    u = (ankle_fu - shoulder_fu) / span[:, None]
    down = np.stack([-u[:, 1], u[:, 0]], axis=1)
    alpha = np.arcsin(legs * np.sin(np.abs(beta)) / span) * -np.sign(beta)
    hip_fu = shoulder_fu + TORSO * (np.cos(alpha)[:, None] * u + np.sin(alpha)[:, None] * down)
    knee_fu = hip_fu + (ankle_fu - hip_fu) * (THIGH / legs)

    def to3(fu: FloatArray) -> FloatArray:
        return np.stack([np.zeros(tl.n_frames), fu[:, 0], fu[:, 1]], axis=1)

    joints: Joints = {}
    for side, s in SIDE_SIGN.items():
        joints[f"{side}_shoulder"] = to3(shoulder_fu) + s * HALF_SHOULDERS * LAT
        joints[f"{side}_hip"] = to3(hip_fu) + s * HALF_HIPS * LAT
        joints[f"{side}_knee"] = to3(knee_fu) + s * 0.11 * LAT
        joints[f"{side}_ankle"] = to3(ankle_fu) + s * 0.11 * LAT
    _arms_to(joints, to3(np.zeros_like(shoulder_fu)), 0.22, np.array([0.4, -1.0, 0.2]))
    d = shoulder_fu - hip_fu
    torso = np.degrees(np.arctan2(d[:, 0], d[:, 1]))
    joints["neck"] = torso + rng.uniform(-5, 10)
    return joints, np.abs(torso)


def lat_pulldown(
    tl: Timeline, rng: np.random.Generator, faults: Faults
) -> tuple[Joints, FloatArray]:
    n = len(faults)
    lean = track(
        tl, 5, per_rep(faults, "leaning-back", rng, (8, 15), (40, 48)), rng.uniform(3, 8, n)
    )
    reach = track(
        tl, 0.52, per_rep(faults, "short-pull", rng, (-0.02, 0.05), (0.2, 0.24)), np.full(n, 0.52)
    )
    hip = np.stack([_const(tl, 0), _const(tl, 0), _const(tl, 0.5)], axis=1)
    joints: Joints = {}
    _torso_and_legs(joints, hip, -lean, _const(tl, 90), _const(tl, 180))
    shoulders = (joints["left_shoulder"] + joints["right_shoulder"]) / 2
    wrists = shoulders + np.stack([_const(tl, 0), _const(tl, 0.08), reach], axis=1)
    _arms_to(joints, wrists, 0.35, np.array([1.0, 0.0, -0.5]))
    joints["neck"] = -lean + rng.uniform(-5, 5)
    return joints, lean


def pullover(tl: Timeline, rng: np.random.Generator, faults: Faults) -> tuple[Joints, FloatArray]:
    n = len(faults)
    arch = bump(tl, per_rep(faults, "back-arching", rng, (0, 4), (20, 26)))
    torso = 90 - arch
    hip = np.stack([_const(tl, 0), _const(tl, 0), _const(tl, 0.5)], axis=1)
    joints: Joints = {}
    _torso_and_legs(joints, hip, torso, _const(tl, -80), _const(tl, 180))
    rest = rng.uniform(-5, 5)
    upper = track(
        tl, rest, per_rep(faults, "short-range", rng, (85, 105), (28, 36)), np.full(n, rest)
    )
    _arms_by_angles(joints, upper, upper + 15)
    joints["neck"] = torso + rng.uniform(-5, 5)
    return joints, torso


def arm_raise(tl: Timeline, rng: np.random.Generator, faults: Faults) -> tuple[Joints, FloatArray]:
    n = len(faults)
    rest = rng.uniform(10, 20)
    spread = np.radians(track(tl, rest, rng.uniform(155, 175, n), np.full(n, rest)))
    hip = np.stack([_const(tl, 0), _const(tl, 0), _const(tl, 0.95)], axis=1)
    joints: Joints = {}
    _torso_and_legs(joints, hip, _const(tl, 0), _const(tl, 180), _const(tl, 180))
    for side, s in SIDE_SIGN.items():
        direction = np.stack([s * np.sin(spread), np.zeros_like(spread), -np.cos(spread)], axis=1)
        elbow = joints[f"{side}_shoulder"] + UPPER_ARM * direction
        joints[f"{side}_elbow"] = elbow
        joints[f"{side}_wrist"] = elbow + FOREARM * direction
    joints["neck"] = _const(tl, 0) + rng.uniform(-5, 5)
    return joints, _const(tl, 0)


SCRIPTS: dict[str, tuple[Script, tuple[str, ...]]] = {
    "bent-over-dumbbell-row": (row, ("torso-too-upright", "rounded-back")),
    "barbell-deadlift": (deadlift, ("no-lockout", "rounded-back")),
    "pull-up": (pull_up, ("chin-below-bar", "bent-arms-at-bottom", "swinging")),
    "push-up": (push_up, ("hips-sagging", "hips-piking", "shallow")),
    "lat-pulldown": (lat_pulldown, ("short-pull", "leaning-back")),
    "dumbbell-pullover": (pullover, ("short-range", "back-arching")),
    "arm-raise": (arm_raise, ()),
}
