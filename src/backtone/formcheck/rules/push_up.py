"""Push-up: shoulders, hips and ankles in one line, and deep enough at the elbows."""

from __future__ import annotations

import numpy as np

from backtone.formcheck.body import Body
from backtone.formcheck.geometry import bend
from backtone.formcheck.rules.base import SIDE_ONLY, SIDE_PLANE, Check, ExerciseRule, RepWindow
from backtone.formcheck.rules.spec import Signal, Threshold
from backtone.formcheck.sequence import FloatArray

LINE_LIMIT = 15.0  # degrees the shoulder-hip-ankle line may bend at the hip
DEPTH_ELBOW = 105.0  # the elbow must bend below this at the bottom


# How far the elbows bend from straight, in degrees (rises as you go down).
elbow_bend = Signal("bend")


def hip_bend(body: Body) -> FloatArray:
    """Bend of the shoulder-hip-ankle line, signed: negative sags, positive pikes."""
    side = body.near_side
    angle = bend(
        body.point(f"{side}_shoulder"), body.point(f"{side}_hip"), body.point(f"{side}_ankle")
    )
    return np.asarray(np.where(body.hip_offset >= 0, angle, -angle), dtype=np.float64)


def sagging(w: RepWindow) -> bool | None:
    b = w.median(hip_bend(w.body))
    return None if b is None else b < -LINE_LIMIT


def piking(w: RepWindow) -> bool | None:
    b = w.median(hip_bend(w.body))
    return None if b is None else b > LINE_LIMIT


shallow = Threshold("elbow_angle", "rep", "min", ">", DEPTH_ELBOW)


RULE = ExerciseRule(
    exercise_id="push-up",
    name="Push-up",
    signal=elbow_bend,
    min_range=20.0,  # a shallow first rep still counts when the camera cannot wait for more
    range_of_motion=lambda body: body.elbow_angle,
    range_needs=SIDE_PLANE,  # the elbow bends in the side plane
    checks=(
        Check(
            "hips-sagging",
            "Brace the belly and squeeze the glutes: the hips are sagging below the line "
            "from shoulders to ankles.",
            sagging,
            needs=SIDE_ONLY,
            estimate=True,
            what="hip line",
        ),
        Check(
            "hips-piking",
            "Lower the hips: shoulders, hips and ankles should form one straight line.",
            piking,
            needs=SIDE_ONLY,
            estimate=True,
            what="hip line",
        ),
        Check(
            "shallow",
            "Go lower: bend the elbows to about 90 degrees, chest close to the floor.",
            shallow,
            needs=SIDE_ONLY,
            what="depth",
        ),
    ),
)
