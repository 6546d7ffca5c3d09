"""Posture checks over time: what was measured from a side photo, and how it is moving.

Each measure carries its uncertainty (one standard deviation); a change smaller than the
two readings' combined uncertainty is reported as no clear change. Never a diagnosis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from backtone.domain.profile import Emphasis

CAPTURE_GUIDE = (
    "Stand side-on to the camera, relaxed, looking ahead; camera at hip height 2-3 m away; "
    "the whole body in the picture; fitted clothes, hair off the ear."
)
NOT_A_DIAGNOSIS = (
    "These are estimates from one photo's body landmarks, for following your own trend; "
    "they are not a medical assessment."
)


@dataclass(frozen=True)
class PostureCheck:
    """One posture check, as stored."""

    taken_at: datetime
    cva_deg: float  # craniovertebral angle; smaller = head further forward
    cva_sd: float
    shoulder_offset_pct: float  # shoulder ahead (+) of the ear-hip line, % of its length
    shoulder_sd: float
    trunk_lean_deg: float  # + leaning forward
    trunk_sd: float
    source: str = "photo"  # "photo" or "clip"
    frames: int = 1


@dataclass(frozen=True)
class Change:
    """How one measure moved from the first check to the latest."""

    what: str
    first: float
    last: float
    sd: float  # uncertainty of the difference
    better_when: str  # "higher", "lower" or "nearer zero"

    @property
    def delta(self) -> float:
        return self.last - self.first

    @property
    def clear(self) -> bool:
        """True when the change is larger than its uncertainty (about one in three by chance)."""
        return abs(self.delta) > self.sd

    def words(self, unit: str) -> str:
        if not self.clear:
            return f"{self.what}: no clear change ({self.first:g} to {self.last:g}{unit})"
        if self.better_when == "higher":
            better = self.delta > 0
        elif self.better_when == "lower":
            better = self.delta < 0
        else:
            better = abs(self.last) < abs(self.first)
        direction = "better" if better else "worse"
        return f"{self.what}: {self.first:g} to {self.last:g}{unit}, {direction}"


@dataclass(frozen=True)
class PostureTrend:
    checks: tuple[PostureCheck, ...]
    changes: tuple[Change, ...]
    advice: str

    @property
    def latest(self) -> PostureCheck | None:
        return self.checks[-1] if self.checks else None


def _combined(a: float, b: float) -> float:
    return math.sqrt(a**2 + b**2)


def posture_trend(checks: list[PostureCheck], emphasis: Emphasis | None) -> PostureTrend:
    """The checks in time order, the change from first to latest, and how the plan fits.

    `emphasis` is the current plan's (None without a plan); posture work is suggested where
    the plan does not already emphasise it.
    """
    ordered = tuple(sorted(checks, key=lambda c: c.taken_at))
    changes: tuple[Change, ...] = ()
    if len(ordered) >= 2:
        a, b = ordered[0], ordered[-1]
        changes = (
            Change("head (CVA)", a.cva_deg, b.cva_deg, _combined(a.cva_sd, b.cva_sd), "higher"),
            Change(
                "shoulder offset",
                a.shoulder_offset_pct,
                b.shoulder_offset_pct,
                _combined(a.shoulder_sd, b.shoulder_sd),
                "nearer zero",
            ),
            Change(
                "trunk lean",
                a.trunk_lean_deg,
                b.trunk_lean_deg,
                _combined(a.trunk_sd, b.trunk_sd),
                "nearer zero",
            ),
        )
    if emphasis is Emphasis.POSTURE:
        advice = (
            "Your plan already emphasises posture: upper-back work, mobility and longer "
            "warm-ups. Check again every few weeks, in the same spot and light."
        )
    elif emphasis is None:
        advice = (
            "A plan with the posture emphasis adds upper-back work and mobility: choose "
            "'posture' when making a plan (backtone plan --emphasis posture)."
        )
    else:
        advice = (
            f"Your plan emphasises {emphasis.value}. To put posture first, make a new plan "
            "with 'posture' as what matters most (backtone plan --emphasis posture)."
        )
    return PostureTrend(ordered, changes, advice)
