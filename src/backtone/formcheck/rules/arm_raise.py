"""A generic counter for anything that lifts the hands above the shoulders and back down."""

from __future__ import annotations

from backtone.formcheck.rules.base import NOT_SIDE, ExerciseRule
from backtone.formcheck.rules.spec import Signal
from backtone.formcheck.view import View

hands_up = Signal("height", "wrists", "shoulders")


RULE = ExerciseRule(
    exercise_id="arm-raise",
    name="Arm raise (counter only)",
    signal=hands_up,
    min_range=0.4,
    range_of_motion=lambda body: body.shoulder_angle,
    range_needs=NOT_SIDE,  # jacks and lateral raises lift the arms out to the sides
    best_view=View.FRONT,
)
