"""Lat pulldown: the bar all the way to the upper chest, without leaning far back."""

from __future__ import annotations

from backtone.formcheck.rules.base import (
    FACE_SEEN,
    NOT_SIDE,
    SIDE_ONLY,
    Check,
    ExerciseRule,
    RepWindow,
)
from backtone.formcheck.rules.spec import Signal, Threshold
from backtone.formcheck.view import View

LEAN_BACK_LIMIT = 30.0  # torso lean from vertical; a little lean is normal


# How far the hands have come down past the shoulders, in torso lengths.
hands_down = Signal("height", "wrists", "shoulders", sign=-1.0)


def short_pull(w: RepWindow) -> bool | None:
    body = w.body
    mouth = (body.point("mouth_left") + body.point("mouth_right")) / 2
    lowest = w.around_top(body.height_above(body.wrists, mouth))
    return None if lowest.size == 0 else float(lowest.min()) > 0.0


leaning_back = Threshold("torso_angle", "rep", "max", ">", LEAN_BACK_LIMIT)


RULE = ExerciseRule(
    exercise_id="lat-pulldown",
    name="Lat pulldown",
    signal=hands_down,
    min_range=0.25,
    range_of_motion=lambda body: body.elbow_angle,
    range_needs=NOT_SIDE,
    checks=(
        Check(
            "short-pull",
            "Pull the bar all the way down to the upper chest, below the chin.",
            short_pull,
            needs=FACE_SEEN,
            what="range",
        ),
        Check(
            "leaning-back",
            "Sit tall: a slight lean is fine, but leaning far back turns the pulldown into a row "
            "and arches the lower back.",
            leaning_back,
            needs=SIDE_ONLY,
            estimate=True,
            what="back arching",
        ),
    ),
    best_view=View.FRONT,
)
