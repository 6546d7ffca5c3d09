"""What a form check tells the person: per-rep figures and flags, each flag with a cue."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ESTIMATE_NOTE = (
    "Back-shape checks are estimates from 2-D keypoints of one camera, not measurements; "
    "expect errors of a few degrees and more when the body is partly hidden."
)


@dataclass(frozen=True)
class Flag:
    """One fault seen in one rep, and what to do about it."""

    code: str
    cue: str
    estimate: bool = False  # a back-shape guess from 2-D keypoints


@dataclass(frozen=True)
class RepReport:
    rep: int
    start_s: float
    end_s: float
    range_of_motion_deg: float | None
    torso_angle_deg: float | None
    flags: tuple[Flag, ...] = ()

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


@dataclass(frozen=True)
class CheckReport:
    """The whole check of one clip."""

    exercise_id: str
    view: str
    frames: int
    frames_with_pose: int
    reps: tuple[RepReport, ...]
    not_judged: tuple[str, ...] = ()  # checks this camera view cannot judge, and why
    notes: tuple[str, ...] = field(default=(ESTIMATE_NOTE,))

    @property
    def rep_count(self) -> int:
        return len(self.reps)

    @property
    def pose_found_fraction(self) -> float:
        return self.frames_with_pose / self.frames if self.frames else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain data for `--json` and the web API."""
        data = asdict(self)
        data["rep_count"] = self.rep_count
        data["pose_found_fraction"] = round(self.pose_found_fraction, 4)
        for rep, item in zip(self.reps, data["reps"], strict=True):
            item["duration_s"] = round(rep.duration_s, 3)
        return data
