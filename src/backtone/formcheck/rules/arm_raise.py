"""A generic counter for anything that lifts the hands above the shoulders and back down."""

from __future__ import annotations

from backtone.formcheck.body import Body
from backtone.formcheck.rules.base import NOT_SIDE, ExerciseRule
from backtone.formcheck.sequence import FloatArray
from backtone.formcheck.view import View


def hands_up(body: Body) -> FloatArray:
    return body.height_above(body.wrists, body.mid("shoulder"))


RULE = ExerciseRule(
    exercise_id="arm-raise",
    name="Arm raise (counter only)",
    signal=hands_up,
    min_range=0.4,
    range_of_motion=lambda body: body.shoulder_angle,
    range_needs=NOT_SIDE,  # jacks and lateral raises lift the arms out to the sides
    best_view=View.FRONT,
)
