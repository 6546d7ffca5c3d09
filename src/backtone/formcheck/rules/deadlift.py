"""Barbell deadlift: reps from the shoulders rising, a full lockout, and the back kept straight."""

from __future__ import annotations

from backtone.formcheck.rules.base import SIDE_ONLY, SIDE_PLANE, Check, ExerciseRule, RepWindow
from backtone.formcheck.rules.spec import Signal, Threshold

LOCKOUT_FROM = 160.0  # shoulder-hip-knee angle that counts as standing tall
ROUNDING_LIMIT = 30.0


# Shoulders above the ankles, in torso lengths: they rise as the bar comes up, seen from any
# side (the hip angle itself folds away from the front or back).
shoulders_up = Signal("height", "shoulders", "ankles")
no_lockout = Threshold("hip_angle", "top", "max", "<", LOCKOUT_FROM)


def rounded(w: RepWindow) -> bool | None:
    drop = w.max(w.body.head_drop)
    return None if drop is None else drop > ROUNDING_LIMIT


RULE = ExerciseRule(
    exercise_id="barbell-deadlift",
    name="Barbell deadlift",
    signal=shoulders_up,
    min_range=0.3,
    range_of_motion=lambda body: body.hip_angle,
    range_needs=SIDE_PLANE,
    checks=(
        Check(
            "no-lockout",
            "Finish every rep standing tall: push the hips forward until body and legs are "
            "in one straight line.",
            no_lockout,
            needs=SIDE_ONLY,
            what="lockout",
        ),
        Check(
            "rounded-back",
            "Keep the back straight from hips to head; if it rounds on the way up, the load "
            "is too heavy for now.",
            rounded,
            needs=SIDE_ONLY,
            estimate=True,
            what="back rounding",
        ),
    ),
)
