"""Pull-up: chin over the bar at the top, arms nearly straight at the bottom, no swinging."""

from __future__ import annotations

import numpy as np

from backtone.formcheck.body import Body
from backtone.formcheck.rules.base import (
    FACE_SEEN,
    NOT_SIDE,
    SIDE_ONLY,
    Check,
    ExerciseRule,
    RepWindow,
)
from backtone.formcheck.rules.spec import Signal, Threshold
from backtone.formcheck.sequence import FloatArray
from backtone.formcheck.view import View

STRAIGHT_ARM_FROM = 150.0  # elbow angle at the bottom
SWING_LIMIT = 0.3  # hip travel back and forth, in torso lengths


def chin_above_bar(body: Body) -> FloatArray:
    """Mouth (the chin proxy) above the line through the wrists, in torso lengths."""
    return body.height_above(
        (body.point("mouth_left") + body.point("mouth_right")) / 2, body.wrists
    )


# Shoulders relative to the hands on the bar, in torso lengths; the face is not needed, so
# reps count from behind too.
shoulders_rise = Signal("height", "shoulders", "wrists")


def chin_below_bar(w: RepWindow) -> bool | None:
    top = w.around_top(chin_above_bar(w.body))
    return None if top.size == 0 else float(top.max()) < 0.0


# Judge the way down only: the bottom before a rep belongs to the rep before it.
bent_arms = Threshold("elbow_angle", "descent", "max", "<", STRAIGHT_ARM_FROM)


def swinging(w: RepWindow) -> bool | None:
    body = w.body
    drift = (body.mid("hip")[:, 0] - body.wrists[:, 0]) / body.torso_length
    values = w.values(drift)
    if values.size < 3:
        return None
    return float(np.ptp(values)) > SWING_LIMIT


RULE = ExerciseRule(
    exercise_id="pull-up",
    name="Pull-up",
    signal=shoulders_rise,
    min_range=0.3,
    range_of_motion=lambda body: body.elbow_angle,
    range_needs=NOT_SIDE,
    checks=(
        Check(
            "chin-below-bar",
            "Pull higher: the chin should clear the bar at the top of every rep.",
            chin_below_bar,
            needs=FACE_SEEN,
            what="chin height",
        ),
        Check(
            "bent-arms-at-bottom",
            "Lower all the way: let the arms straighten (almost locked) before the next pull.",
            bent_arms,
            needs=NOT_SIDE,  # a wide grip bends the elbows across the body, unseen from the side
            what="arm extension",
        ),
        Check(
            "swinging",
            "Stop the swing: keep the legs still under the bar and pull straight up.",
            swinging,
            needs=SIDE_ONLY,
            what="swinging",
        ),
    ),
    best_view=View.FRONT,
)
