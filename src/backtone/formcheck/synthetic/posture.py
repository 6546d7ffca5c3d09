"""Synthetic side photos of a person standing with a known head, shoulder and trunk posture."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from backtone.formcheck.sequence import PoseSequence
from backtone.formcheck.synthetic.exercises import HALF_HIPS, HALF_SHOULDERS, SHIN, THIGH, TORSO
from backtone.formcheck.synthetic.skeleton3d import SIDE_SIGN, Joints, add_hands_and_feet, project
from backtone.formcheck.view import View

EAR_FROM_SHOULDER = 0.2  # metres from the shoulder landmark to the ear landmark


@dataclass(frozen=True)
class PostureTruth:
    cva_deg: float
    shoulder_offset_pct: float
    trunk_lean_deg: float


def _standing(cva_deg: float, lean_deg: float, shoulder_forward: float) -> Joints:
    """One frame of a person standing, facing +forward; lengths in metres."""
    lean = math.radians(lean_deg)
    hip = np.array([0.0, 0.0, THIGH + SHIN + 0.08])
    shoulder = hip + TORSO * np.array([0.0, math.sin(lean), math.cos(lean)])
    shoulder = shoulder + np.array([0.0, shoulder_forward, 0.0])
    cva = math.radians(cva_deg)
    ear = shoulder + EAR_FROM_SHOULDER * np.array([0.0, math.cos(cva), math.sin(cva)])
    joints: Joints = {}
    lat = np.array([1.0, 0.0, 0.0])
    for side, s in SIDE_SIGN.items():
        joints[f"{side}_hip"] = hip + s * HALF_HIPS * lat
        joints[f"{side}_knee"] = np.array([0.0, 0.0, SHIN + 0.08]) + s * 0.11 * lat
        joints[f"{side}_ankle"] = np.array([0.0, 0.0, 0.08]) + s * 0.11 * lat
        joints[f"{side}_shoulder"] = shoulder + s * HALF_SHOULDERS * lat
        joints[f"{side}_elbow"] = shoulder + s * HALF_SHOULDERS * lat + np.array([0, 0.02, -0.3])
        joints[f"{side}_wrist"] = joints[f"{side}_elbow"] + np.array([0.0, 0.05, -0.27])
        joints[f"{side}_ear"] = ear + s * 0.075 * lat
        joints[f"{side}_eye_inner"] = ear + np.array([s * 0.015, 0.08, 0.03])
        joints[f"{side}_eye"] = ear + np.array([s * 0.03, 0.08, 0.03])
        joints[f"{side}_eye_outer"] = ear + np.array([s * 0.045, 0.075, 0.03])
        joints[f"mouth_{side}"] = ear + np.array([s * 0.025, 0.085, -0.05])
    joints["nose"] = ear + np.array([0.0, 0.1, 0.0])
    joints = {k: v[None, :] for k, v in joints.items()}
    add_hands_and_feet(joints)
    return joints


def truth_of(joints: Joints) -> PostureTruth:
    """The exact measures of the figure, seen straight from its left side."""
    ear, shoulder, hip = (joints[f"left_{j}"][0] for j in ("ear", "shoulder", "hip"))
    cva = math.degrees(math.atan2(ear[2] - shoulder[2], ear[1] - shoulder[1]))
    line = hip - ear
    rel = shoulder - ear
    cross = line[1] * rel[2] - line[2] * rel[1]
    offset = 100.0 * cross / (line[1] ** 2 + line[2] ** 2)
    lean = math.degrees(math.atan2(shoulder[1] - hip[1], shoulder[2] - hip[2]))
    return PostureTruth(cva, offset, lean)


def side_photo(
    cva_deg: float,
    lean_deg: float,
    *,
    shoulder_forward: float = 0.0,
    seed: int = 0,
    noise_px: float = 1.5,
    view: View = View.SIDE,
    frames: int = 1,
    sway_deg: float = 0.0,
    size: tuple[int, int] = (720, 1280),
    yaw_deg: float | None = None,
) -> tuple[PoseSequence, PostureTruth]:
    """A portrait photo (or a still clip of `frames` at 30 fps) and the truth behind it.

    `yaw_deg` turns the camera round the person (90 = exactly side-on), to see what a photo
    taken a little off the side does to the measures.
    """
    rng = np.random.default_rng(seed)
    stills = [
        _standing(
            cva_deg + sway_deg * math.sin(k / 5),
            lean_deg + sway_deg * math.cos(k / 7),
            shoulder_forward,
        )
        for k in range(frames)
    ]
    joints = {name: np.concatenate([s[name] for s in stills]) for name in stills[0]}
    sequence = project(joints, view, np.arange(frames) / 30.0, rng, noise_px, size, yaw_deg)
    return sequence, truth_of(_standing(cva_deg, lean_deg, shoulder_forward))
