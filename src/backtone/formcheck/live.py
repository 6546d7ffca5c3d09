"""Count reps frame by frame, as a live camera does: the reference for the browser coach.

`static/coach-rules.js` is a line-for-line port of this module, fed the same rule data
(`rules_as_data`); tests run both over the same synthetic sequences and require the same
reps. Unlike `check_form`, nothing here looks ahead: the signal's range, the rulers and the
camera view are all worked out from the frames seen so far.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from typing import Any

import numpy as np

from backtone.formcheck.landmarks import INDEX
from backtone.formcheck.reps import ENTER_TOP, LEAVE_TOP
from backtone.formcheck.rules.base import ExerciseRule
from backtone.formcheck.rules.spec import Signal, Threshold
from backtone.formcheck.sequence import FloatArray
from backtone.formcheck.view import FRONT_ABOVE, SIDE_BELOW, View

MEASURE_NAMES = ("torso_angle", "hip_angle", "elbow_angle")
MIN_UP_S = 0.15  # shortest time above the top line that counts (half of check_form's 0.3 s rep)
RANGE_FRAMES = 1800  # the signal's range comes from the last minute at 30 fps
RULER_FRAMES = 300  # rulers and the camera view from the last ten seconds
MIN_CUTOFF_HZ, BETA, D_CUTOFF_HZ = 1.5, 0.05, 1.0  # One-Euro smoothing of every series


def percentile(values: list[float], q: float) -> float:
    """numpy's default (linear) percentile of a non-empty list."""
    ordered = sorted(values)
    at = q / 100 * (len(ordered) - 1)
    low = math.floor(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def median(values: list[float]) -> float:
    return percentile(values, 50)


class OneEuro:
    """One-Euro filter of one number: little lag when it moves fast, little jitter when still."""

    def __init__(self) -> None:
        self.x: float | None = None
        self.dx = 0.0
        self.t = 0.0

    @staticmethod
    def _alpha(cutoff: float, dt: float) -> float:
        tau = 1.0 / (2.0 * math.pi * cutoff)
        return 1.0 / (1.0 + tau / dt)

    def __call__(self, t: float, x: float) -> float:
        if self.x is None or t <= self.t:
            self.x, self.dx, self.t = x, 0.0, t
            return x
        dt = t - self.t
        dx = (x - self.x) / dt
        self.dx += self._alpha(D_CUTOFF_HZ, dt) * (dx - self.dx)
        cutoff = MIN_CUTOFF_HZ + BETA * abs(self.dx)
        self.x += self._alpha(cutoff, dt) * (x - self.x)
        self.t = t
        return self.x


@dataclass(frozen=True)
class LiveRep:
    """A rep just finished: its number, the frame it peaked at, and the faults seen in it."""

    number: int
    top_frame: int  # frame index since the counter started
    flags: tuple[str, ...]


class Frame:
    """One frame's landmarks in pixels, y up, NaN where missing."""

    def __init__(self, keypoints: FloatArray, width: int, height: int) -> None:
        self.kp = keypoints
        self.width = width
        self.height = height

    def point(self, name: str) -> tuple[float, float]:
        row = self.kp[INDEX[name]]
        return float(row[0]) * self.width, (1.0 - float(row[1])) * self.height

    def visibility(self, name: str) -> float:
        return float(self.kp[INDEX[name], 3])

    def mid(self, joint: str) -> tuple[float, float]:
        (ax, ay), (bx, by) = self.point(f"left_{joint}"), self.point(f"right_{joint}")
        return (ax + bx) / 2, (ay + by) / 2

    def group(self, group: str) -> tuple[float, float]:
        return self.mid(group[:-1])


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _angle(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> float:
    """Angle at b in degrees (NaN when a point is missing or two coincide)."""
    ux, uy, vx, vy = a[0] - b[0], a[1] - b[1], c[0] - b[0], c[1] - b[1]
    norm = math.hypot(ux, uy) * math.hypot(vx, vy)
    if not norm > 0:
        return math.nan
    return math.degrees(math.acos(max(-1.0, min(1.0, (ux * vx + uy * vy) / norm))))


def _nanmean(values: list[float]) -> float:
    finite = [v for v in values if math.isfinite(v)]
    return sum(finite) / len(finite) if finite else math.nan


class LiveCounter:
    """Feed frames with `push`; it answers a `LiveRep` on the frame a rep is complete."""

    def __init__(self, rule: ExerciseRule) -> None:
        if not isinstance(rule.signal, Signal):
            raise TypeError(f"{rule.exercise_id} has no rep signal described as data")
        self.rule = rule
        self.signal: Signal = rule.signal
        self.count = 0
        self.view = View.UNKNOWN
        self.frame = -1
        self._values: deque[float] = deque(maxlen=RANGE_FRAMES)
        self._rulers: dict[str, deque[float]] = {
            r: deque(maxlen=RULER_FRAMES) for r in ("torso", "arm")
        }
        self._widths: deque[float] = deque(maxlen=RULER_FRAMES)
        self._torsos: deque[float] = deque(maxlen=RULER_FRAMES)
        self._dx: deque[float] = deque(maxlen=RULER_FRAMES)
        self._vis: dict[str, deque[float]] = {
            s: deque(maxlen=RULER_FRAMES) for s in ("left", "right")
        }
        self._smooth = OneEuro()
        self._measure_filters = {name: OneEuro() for name in MEASURE_NAMES}
        # (signal, measures) of each frame since the open rep's low point.
        self._frames: list[tuple[float, dict[str, float]]] = []
        self._offset = 0  # frame number of self._frames[0]
        self._up_at: int | None = None  # index in _frames where the signal passed the top line
        self._up_t = 0.0
        self._top = 0
        self._pending: int | None = None  # top of a counted rep not yet judged
        self._armed = True

    # The camera view and the near side, from the last frames, as `detect_view` does.
    def _update_view(self, f: Frame) -> None:
        left, right = f.point("left_shoulder"), f.point("right_shoulder")
        hips = f.mid("hip")
        shoulders = ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
        width, torso = _distance(left, right), _distance(shoulders, hips)
        if math.isfinite(width) and math.isfinite(torso):
            self._widths.append(width)
            self._torsos.append(torso)
        if math.isfinite(left[0] - right[0]):
            self._dx.append(left[0] - right[0])
        for side in ("left", "right"):
            vis = [f.visibility(f"{side}_{j}") for j in ("shoulder", "elbow", "hip")]
            self._vis[side].append(_nanmean(vis))
        if len(self._widths) < 3:
            self.view = View.UNKNOWN
            return
        longest = percentile(list(self._torsos), 90)
        ratio = median(list(self._widths)) / longest if longest > 0 else math.nan
        if not math.isfinite(ratio):
            self.view = View.UNKNOWN
        elif ratio < SIDE_BELOW:
            self.view = View.SIDE
        elif ratio > FRONT_ABOVE:
            faces = not self._dx or median(list(self._dx)) >= 0
            self.view = View.FRONT if faces else View.BACK
        else:
            self.view = View.OBLIQUE

    def _near_side(self) -> str:
        score = {s: _nanmean(list(v)) for s, v in self._vis.items()}
        score = {s: v if math.isfinite(v) else 0.0 for s, v in score.items()}
        return "left" if score["left"] >= score["right"] else "right"

    def _limb(self, f: Frame, a: str, b: str, c: str) -> float:
        def of(side: str) -> float:
            return _angle(f.point(f"{side}_{a}"), f.point(f"{side}_{b}"), f.point(f"{side}_{c}"))

        if self.view is View.SIDE:
            return of(self._near_side())
        return _nanmean([of("left"), of("right")])

    def _raw_measures(self, f: Frame) -> dict[str, float]:
        hip, shoulder = f.mid("hip"), f.mid("shoulder")
        dx, dy = shoulder[0] - hip[0], shoulder[1] - hip[1]
        torso = math.degrees(math.atan2(abs(dx), dy)) if math.isfinite(dx + dy) else math.nan
        return {
            "torso_angle": torso,
            "hip_angle": self._limb(f, "shoulder", "hip", "knee"),
            "elbow_angle": self._limb(f, "shoulder", "elbow", "wrist"),
        }

    def _signal(self, f: Frame, measures: dict[str, float]) -> float:
        """The rule's signal in its own units, except that heights stay in pixels: the
        ruler settles over the first reps, and a scale that drifted would skew the range."""
        s = self.signal
        shoulder = f.mid("shoulder")
        for ruler, end in (("torso", f.mid("hip")), ("arm", f.group("wrists"))):
            length = _distance(shoulder, end)
            if math.isfinite(length):
                self._rulers[ruler].append(length)
        if s.kind == "bend":
            return 180.0 - measures["elbow_angle"]
        raw = f.group(s.upper)[1] - f.group(s.lower)[1]
        if s.kind == "height":
            return s.sign * raw
        if not self._rulers[s.ruler]:
            return math.nan
        ratio = raw / percentile(list(self._rulers[s.ruler]), 90)
        return s.sign * math.sqrt(1.0 - max(-1.0, min(1.0, ratio)) ** 2)

    def _moved_enough(self, span: float) -> bool:
        """Is the signal's range past the rule's minimum?

        Heights are measured against the longer of the torso and the arm: early in a set the
        torso may only have been seen tipped towards the camera, and so foreshortened, while
        every rule's movement shows a straight arm at some point.
        """
        if self.signal.kind != "height":
            return span >= self.rule.min_range
        lengths = [percentile(list(r), 90) for r in self._rulers.values() if r]
        return bool(lengths) and span / max(lengths) >= self.rule.min_range

    def push(self, t_s: float, keypoints: FloatArray, width: int, height: int) -> LiveRep | None:
        """Take the next frame's `[33, 4]` keypoints (NaN when nobody was found).

        The count goes up on the frame a rep comes back down past the low line; the rep is
        judged, and returned, once its low point is known: when the next rep sets off.
        """
        self.frame += 1
        f = Frame(np.asarray(keypoints, dtype=np.float64), width, height)
        self._update_view(f)
        raw = self._raw_measures(f)
        measures = {
            name: self._measure_filters[name](t_s, v) if math.isfinite(v) else math.nan
            for name, v in raw.items()
        }
        value = self._signal(f, raw)
        if not math.isfinite(value):
            self._frames.append((math.nan, measures))
            return None
        value = self._smooth(t_s, value)
        self._frames.append((value, measures))
        self._values.append(value)
        values = list(self._values)
        low, high = percentile(values, 5), percentile(values, 95)
        if not self._moved_enough(high - low):
            return None
        enter = low + ENTER_TOP * (high - low)
        leave = low + LEAVE_TOP * (high - low)
        here = len(self._frames) - 1
        if self._up_at is not None:
            if value > self._frames[self._top][0]:
                self._top = here
            if value < leave:
                if t_s - self._up_t >= MIN_UP_S:
                    self.count += 1
                    self._pending = self._top
                self._up_at = None
            return None
        if value < leave:
            self._armed = True
            return None
        if value > enter and self._armed:
            judged = self._judge_pending()
            here = len(self._frames) - 1
            self._up_at, self._up_t, self._top = here, t_s, here
            self._armed = False
            return judged
        return None

    def finish(self) -> LiveRep | None:
        """Judge the last rep once the camera stops."""
        return self._judge_pending()

    def _lowest(self, since: int) -> int:
        """Index of the lowest signal value in the frames from `since` on."""
        best, at = math.inf, since
        for i in range(since, len(self._frames)):
            value = self._frames[i][0]
            if math.isfinite(value) and value < best:
                best, at = value, i
        return at

    def _judge_pending(self) -> LiveRep | None:
        """Judge the counted rep still open, then start the next one at its low point."""
        top = self._pending
        if top is None:
            # Nothing counted yet: the next rep begins at the lowest point so far.
            self._drop(self._lowest(0))
            return None
        end = self._lowest(top)
        rep = LiveRep(self.count, self._offset + top, self._flags(self._frames[: end + 1], top))
        self._drop(end)
        self._pending = None
        return rep

    def _drop(self, first: int) -> None:
        """Forget the frames before `first`."""
        self._frames = self._frames[first:]
        self._offset += first

    def _flags(self, frames: list[tuple[float, dict[str, float]]], top: int) -> tuple[str, ...]:
        """Codes of the data-described checks this view can judge that fire on this rep."""
        fired = []
        for check in self.rule.checks:
            test = check.fires
            if not isinstance(test, Threshold) or self.view not in check.needs:
                continue
            series = [m[test.measure] for _, m in frames]
            if test.part == "top":
                series = series[max(0, top - 3) : top + 4]
            elif test.part == "descent":
                series = series[top:]
            finite = [v for v in series if math.isfinite(v)]
            if not finite:
                continue
            if test.stat == "max":
                summary = max(finite)
            elif test.stat == "min":
                summary = min(finite)
            else:
                summary = median(finite)
            if (summary < test.limit) if test.op == "<" else (summary > test.limit):
                fired.append(check.code)
        return tuple(fired)


def coach_data() -> dict[str, Any]:
    """Everything the browser coach counts with: the rules as data and this module's settings."""
    from backtone.formcheck.rules import rules_as_data

    return {
        **rules_as_data(),
        "view": {"side_below": SIDE_BELOW, "front_above": FRONT_ABOVE},
        "live": {
            "min_up_s": MIN_UP_S,
            "range_frames": RANGE_FRAMES,
            "ruler_frames": RULER_FRAMES,
            "min_cutoff_hz": MIN_CUTOFF_HZ,
            "beta": BETA,
            "d_cutoff_hz": D_CUTOFF_HZ,
        },
    }
