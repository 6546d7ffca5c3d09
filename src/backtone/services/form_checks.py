"""Use case: check a filmed set — count its reps and check each rep's form.

Reading the poses out of a video is the entry point's job (a progress bar on the terminal, an
upload on the server); it is handed in as `read_poses`, so an exercise no rule covers is refused
before any frame is decoded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backtone.domain.errors import InvalidInput
from backtone.formcheck import RULES, CheckReport, PoseSequence, View, check_form, rule_for


@dataclass(frozen=True)
class CheckedClip:
    poses: PoseSequence  # the frames between start and end, the ones checked
    first_frame: int  # where they begin in the clip, to draw on the original video
    report: CheckReport


def checkable_exercises() -> list[str]:
    """The exercise ids a clip can be checked for."""
    return sorted(RULES)


def check_clip(
    *,
    read_poses: Callable[[], PoseSequence],
    exercise_id: str,
    view: View | None = None,
    start: float = 0.0,
    end: float | None = None,
) -> CheckedClip:
    """The reps and form flags of the clip between `start` and `end` seconds."""
    rule_for(exercise_id)
    poses = read_poses()
    first = int((poses.timestamps_s < start).sum())
    last = poses.n_frames if end is None else int((poses.timestamps_s <= end).sum())
    if last - first < 2:
        raise InvalidInput("start/end", "leave fewer than 2 frames of the clip", "a longer span")
    checked = poses.slice(first, last)
    return CheckedClip(checked, first, check_form(checked, exercise_id, view))
