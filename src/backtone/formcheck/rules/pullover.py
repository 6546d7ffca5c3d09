"""Dumbbell pullover: the weight well behind the head, the lower back kept on the bench."""

from __future__ import annotations

import numpy as np

from backtone.formcheck.body import Body
from backtone.formcheck.rules.base import NOT_FRONT, SIDE_ONLY, Check, ExerciseRule, RepWindow
from backtone.formcheck.sequence import FloatArray

REACH_FROM = 140.0  # hip-shoulder-wrist angle: arms close to in line with the body
ARCH_LIMIT = 12.0  # degrees the torso may tilt away from where the rep started


def arm_reach(body: Body) -> FloatArray:
    """Hip-shoulder-wrist angle: 90 with the weight over the chest, 180 with it behind the head."""
    return body.limb_angle("hip", "shoulder", "wrist")


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
    signal=arm_reach,
    min_range=30.0,
    range_of_motion=arm_reach,
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
    count_needs=NOT_FRONT,  # the hip and shoulder angles fold away seen from the front
)
