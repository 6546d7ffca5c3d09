"""Barbell deadlift: reps from the hip angle, a full lockout, and the back kept straight."""

from __future__ import annotations

from backtone.formcheck.rules.base import NOT_FRONT, SIDE_ONLY, Check, ExerciseRule, RepWindow

LOCKOUT_FROM = 160.0  # shoulder-hip-knee angle that counts as standing tall
ROUNDING_LIMIT = 30.0


def no_lockout(w: RepWindow) -> bool | None:
    top = w.around_top(w.body.hip_angle)
    return None if top.size == 0 else float(top.max()) < LOCKOUT_FROM


def rounded(w: RepWindow) -> bool | None:
    drop = w.max(w.body.head_drop)
    return None if drop is None else drop > ROUNDING_LIMIT


RULE = ExerciseRule(
    exercise_id="barbell-deadlift",
    name="Barbell deadlift",
    signal=lambda body: body.hip_angle,
    min_range=30.0,
    range_of_motion=lambda body: body.hip_angle,
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
    count_needs=NOT_FRONT,  # the hip and shoulder angles fold away seen from the front
)
