"""Named body measurements over time, computed once from a smoothed pose sequence."""

from __future__ import annotations

import warnings
from functools import cached_property

import numpy as np

from backtone.formcheck.geometry import angle_to_vertical, bend, joint_angle, signed_offset
from backtone.formcheck.sequence import FloatArray, PoseSequence
from backtone.formcheck.view import View

SIDES = ("left", "right")


class Body:
    """Joint angles and landmark heights of one person, in pixels with y up.

    Seen from the side, the limb nearer the camera is used (the far one is often hidden);
    seen from the front, both sides are averaged.
    """

    def __init__(self, sequence: PoseSequence, view: View) -> None:
        self.sequence = sequence
        self.view = view

    def point(self, name: str) -> FloatArray:
        return self.sequence.pixels(name)

    def mid(self, joint: str) -> FloatArray:
        """Midpoint of the left and right landmark of a joint, such as 'shoulder'."""
        return (self.point(f"left_{joint}") + self.point(f"right_{joint}")) / 2

    @cached_property
    def near_side(self) -> str:
        """The side facing the camera: the one whose landmarks the model sees best."""
        score = {}
        for side in SIDES:
            vis = [self.sequence.visibility(f"{side}_{j}") for j in ("shoulder", "elbow", "hip")]
            score[side] = float(np.nanmean(np.stack(vis))) if np.isfinite(vis).any() else 0.0
        return max(SIDES, key=lambda s: score[s])

    def limb_angle(self, a: str, b: str, c: str) -> FloatArray:
        """Angle a-b-c of a limb joint (e.g. 'shoulder', 'elbow', 'wrist'), per the view rule."""

        def of(side: str) -> FloatArray:
            return joint_angle(
                self.point(f"{side}_{a}"), self.point(f"{side}_{b}"), self.point(f"{side}_{c}")
            )

        if self.view is View.SIDE:
            return of(self.near_side)
        with warnings.catch_warnings():  # a frame with both sides missing stays NaN
            warnings.simplefilter("ignore", RuntimeWarning)
            return np.asarray(np.nanmean(np.stack([of(s) for s in SIDES]), axis=0))

    @cached_property
    def torso_length(self) -> float:
        """Typical shoulder-to-hip distance in pixels, the ruler for relative heights."""
        d = np.linalg.norm(self.mid("shoulder") - self.mid("hip"), axis=1)
        finite = d[np.isfinite(d)]
        return float(np.percentile(finite, 90)) if finite.size else float("nan")

    @cached_property
    def arm_length(self) -> float:
        """Typical shoulder-to-wrist distance in pixels: the ruler when the torso points at
        the camera (lying or in a plank), since a straight arm shows its length from any side."""
        d = np.linalg.norm(self.mid("shoulder") - self.wrists, axis=1)
        finite = d[np.isfinite(d)]
        return float(np.percentile(finite, 90)) if finite.size else float("nan")

    def height_above(self, upper: FloatArray, lower: FloatArray) -> FloatArray:
        """Vertical distance from `lower` up to `upper`, in torso lengths.

        Heights read the same from every camera position round the person, so signals built
        on them count reps from the side, the front, the back or at an angle alike.
        """
        return np.asarray((upper[:, 1] - lower[:, 1]) / self.torso_length, dtype=np.float64)

    def height_in_arms(self, upper: FloatArray, lower: FloatArray) -> FloatArray:
        """Vertical distance from `lower` up to `upper`, in arm lengths."""
        return np.asarray((upper[:, 1] - lower[:, 1]) / self.arm_length, dtype=np.float64)

    @cached_property
    def torso_angle(self) -> FloatArray:
        """Torso lean from vertical, hip to shoulder midpoints (0 upright, 90 flat)."""
        return angle_to_vertical(self.mid("hip"), self.mid("shoulder"))

    @cached_property
    def facing(self) -> float:
        """+1 when the person faces image right, -1 when left (side view; one value per clip).

        The toes point forward even when the face looks at the floor; the nose is the fallback.
        """
        side = self.near_side
        for front, back in ((f"{side}_foot_index", f"{side}_heel"), ("nose", f"{side}_ear")):
            dx = self.point(front)[:, 0] - self.point(back)[:, 0]
            if np.isfinite(dx).any():
                return 1.0 if float(np.nanmedian(dx)) >= 0 else -1.0
        return 1.0

    @cached_property
    def head_drop(self) -> FloatArray:
        """Bend of the ear-shoulder-hip chain in degrees, positive when the head and upper back
        curl down and forward: a 2-D proxy for a rounded upper back (negative = head raised)."""
        side = self.near_side
        hip, shoulder = self.point(f"{side}_hip"), self.point(f"{side}_shoulder")
        ear = self.point(f"{side}_ear")
        d1, d2 = shoulder - hip, ear - shoulder
        cross = d1[:, 0] * d2[:, 1] - d1[:, 1] * d2[:, 0]
        return np.asarray(bend(ear, shoulder, hip) * np.sign(-cross * self.facing))

    @cached_property
    def hip_angle(self) -> FloatArray:
        """Shoulder-hip-knee angle (180 = standing tall)."""
        return self.limb_angle("shoulder", "hip", "knee")

    @cached_property
    def elbow_angle(self) -> FloatArray:
        return self.limb_angle("shoulder", "elbow", "wrist")

    @cached_property
    def shoulder_angle(self) -> FloatArray:
        """Hip-shoulder-elbow angle: how far the upper arm is raised from the side."""
        return self.limb_angle("hip", "shoulder", "elbow")

    @cached_property
    def wrists(self) -> FloatArray:
        return self.mid("wrist")

    @cached_property
    def hip_offset(self) -> FloatArray:
        """Hip above (+) or below (-) the shoulder-ankle line, in fractions of that line."""
        side = self.near_side
        return signed_offset(
            self.point(f"{side}_shoulder"), self.point(f"{side}_hip"), self.point(f"{side}_ankle")
        )
