"""Bent-over dumbbell row: torso nearly parallel to the floor, back long, wrists to the torso."""

from __future__ import annotations

from backtone.formcheck.rules.base import SIDE_ONLY, SIDE_PLANE, Check, ExerciseRule, RepWindow
from backtone.formcheck.rules.spec import Signal, Threshold

# "Nearly parallel" read as 70-90 degrees from vertical; 10 degrees more of tolerance because
# 2-D pose estimates of the torso are off by about 4 degrees on average and 12 at worst.
NEARLY_PARALLEL_FROM = 70.0
TOLERANCE = 10.0
ROUNDING_LIMIT = 25.0  # degrees of ear-shoulder-hip bend before the back looks rounded


wrist_rise = Signal("height", "wrists", "shoulders")
too_upright = Threshold("torso_angle", "rep", "median", "<", NEARLY_PARALLEL_FROM - TOLERANCE)


def rounded(w: RepWindow) -> bool | None:
    drop = w.median(w.body.head_drop)
    return None if drop is None else drop > ROUNDING_LIMIT


RULE = ExerciseRule(
    exercise_id="bent-over-dumbbell-row",
    name="Bent-over dumbbell row",
    signal=wrist_rise,
    min_range=0.2,
    range_of_motion=lambda body: body.elbow_angle,
    range_needs=SIDE_PLANE,  # the elbow bends in the side plane
    checks=(
        Check(
            "torso-too-upright",
            "Hinge further at the hips: bring the chest down until the torso is nearly "
            "parallel to the floor.",
            too_upright,
            needs=SIDE_ONLY,
            what="torso angle",
        ),
        Check(
            "rounded-back",
            "Keep the back long: ear, shoulder and hip in one line, chest proud, core braced.",
            rounded,
            needs=SIDE_ONLY,
            estimate=True,
            what="back rounding",
        ),
    ),
)
