"""The shape of an exercise rule: how reps are found, what range counts, which checks apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from backtone.formcheck.body import Body
from backtone.formcheck.reps import Rep
from backtone.formcheck.sequence import FloatArray
from backtone.formcheck.view import View

ANY_VIEW = frozenset({View.SIDE, View.FRONT, View.BACK, View.OBLIQUE})
SIDE_ONLY = frozenset({View.SIDE})
# Angles in the body's front plane (elbows of a wide grip) show from the front or back.
NOT_SIDE = frozenset({View.FRONT, View.BACK, View.OBLIQUE})
# Angles in the body's side plane (hip hinge, arm swing) fold away from the front or back.
SIDE_PLANE = frozenset({View.SIDE, View.OBLIQUE})
# The mouth, the chin's stand-in, is hidden from behind.
FACE_SEEN = frozenset({View.SIDE, View.FRONT, View.OBLIQUE})


@dataclass(frozen=True)
class RepWindow:
    """One rep's frames and the body they come from, for the checks to look at."""

    body: Body
    rep: Rep

    def values(self, series: FloatArray) -> FloatArray:
        """The finite values of a per-frame series within the rep."""
        part = series[self.rep.start : self.rep.end + 1]
        return part[np.isfinite(part)]

    def around_top(self, series: FloatArray, frames: int = 3) -> FloatArray:
        part = series[max(self.rep.start, self.rep.top - frames) : self.rep.top + frames + 1]
        return part[np.isfinite(part)]

    def max(self, series: FloatArray) -> float | None:
        v = self.values(series)
        return float(v.max()) if v.size else None

    def min(self, series: FloatArray) -> float | None:
        v = self.values(series)
        return float(v.min()) if v.size else None

    def median(self, series: FloatArray) -> float | None:
        v = self.values(series)
        return float(np.median(v)) if v.size else None


@dataclass(frozen=True)
class Check:
    """One fault to look for: `fires(window)` is True for a fault, None when it cannot tell."""

    code: str
    cue: str
    fires: Callable[[RepWindow], bool | None]
    needs: frozenset[View] = ANY_VIEW
    estimate: bool = False
    what: str = ""  # short words for "cannot judge <what> from this view"


@dataclass(frozen=True)
class ExerciseRule:
    """How to count and check one exercise."""

    exercise_id: str
    name: str
    signal: Callable[[Body], FloatArray]  # rises during the effort of each rep
    min_range: float  # smallest signal range that counts as moving at all
    range_of_motion: Callable[[Body], FloatArray]  # the joint angle whose span is reported
    checks: tuple[Check, ...] = ()
    best_view: View = View.SIDE
    range_needs: frozenset[View] = ANY_VIEW  # views where the range-of-motion angle is true
    count_needs: frozenset[View] = ANY_VIEW  # views where the rep signal can be seen

    def needs_by_measure(self) -> dict[str, frozenset[View]]:
        """Each thing the report can say about a rep, and the views that can show it."""
        needs = {"rep count": self.count_needs, "range of motion": self.range_needs}
        if self.checks:
            needs["torso angle"] = SIDE_ONLY
        for check in self.checks:
            needs.setdefault(check.what, check.needs)
        return needs
