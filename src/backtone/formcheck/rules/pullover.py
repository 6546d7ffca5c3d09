"""Dumbbell pullover: the weight well behind the head, the lower back kept on the bench."""

from __future__ import annotations

import numpy as np

from backtone.formcheck.body import Body
from backtone.formcheck.rules.base import SIDE_ONLY, SIDE_PLANE, Check, ExerciseRule, RepWindow
from backtone.formcheck.rules.spec import Signal
from backtone.formcheck.sequence import FloatArray

REACH_FROM = 140.0  # hip-shoulder-wrist angle: arms close to in line with the body
ARCH_LIMIT = 12.0  # degrees the torso may tilt away from where the rep started


def arm_reach(body: Body) -> FloatArray:
    """Hip-shoulder-wrist angle: 90 with the weight over the chest, 180 with it behind the head."""
    return body.limb_angle("hip", "shoulder", "wrist")


# How far the hands reach out from over the shoulders, in arm lengths: 0 with the weight over
# the chest, about 1 with the arms level behind the head. Worked out from how high the wrists
# still are against the arm's length, so it reads the same from any side; the hip-shoulder-
# wrist angle folds away from the front.
weight_back = Signal("reach", "wrists", "shoulders", ruler="arm")


def short_range(w: RepWindow) -> bool | None:
    reach = w.max(arm_reach(w.body))
    return None if reach is None else reach < REACH_FROM


def arching(w: RepWindow) -> bool | None:
    torso = w.body.torso_angle
    start = torso[w.rep.start]
    values = w.values(torso)
    if not np.isfinite(start) or values.size == 0:
        return None
    return float(np.max(np.abs(values - start))) > ARCH_LIMIT


RULE = ExerciseRule(
    exercise_id="dumbbell-pullover",
    name="Dumbbell pullover",
    signal=weight_back,
    min_range=0.3,
    range_of_motion=arm_reach,
    range_needs=SIDE_PLANE,
    checks=(
        Check(
            "short-range",
            "Lower the dumbbell further behind the head, as far as the shoulders allow "
            "comfortably.",
            short_range,
            needs=SIDE_ONLY,
            what="range",
        ),
        Check(
            "back-arching",
            "Keep the ribs down and the lower back on the bench; stop lowering where the back "
            "starts to arch.",
            arching,
            needs=SIDE_ONLY,
            estimate=True,
            what="back arching",
        ),
    ),
)
