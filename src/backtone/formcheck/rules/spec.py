"""Rep signals and simple checks described as data, so the browser coach reads the same rules.

A `Signal` says which landmarks move during a rep and how to scale them; a `Threshold` says
which joint angle to summarise over a rep, how, and where the fault begins. Python evaluates
them over a whole clip here; `static/coach-rules.js` evaluates the same data frame by frame
in the browser (the rule set is served as JSON, `rules_as_data`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np

from backtone.formcheck.body import Body
from backtone.formcheck.rules.base import RepWindow
from backtone.formcheck.sequence import FloatArray

Group = Literal["wrists", "shoulders", "hips", "ankles"]
Ruler = Literal["torso", "arm"]
Measure = Literal["torso_angle", "hip_angle", "elbow_angle"]
Part = Literal["rep", "top", "descent"]
Stat = Literal["max", "min", "median"]


def group_point(body: Body, group: Group) -> FloatArray:
    """Midpoint of a left/right pair of landmarks, in pixels (y up)."""
    return body.mid(group[:-1])


def ruler_lengths(body: Body, ruler: Ruler) -> FloatArray:
    """Per-frame length of the ruler segment in pixels: shoulders to hips, or to the wrists."""
    end = body.mid("hip") if ruler == "torso" else body.wrists
    return np.asarray(np.linalg.norm(body.mid("shoulder") - end, axis=1), dtype=np.float64)


def ruler_of(lengths: FloatArray) -> float:
    """The ruler's length: the 90th percentile of its lengths, the least foreshortened."""
    finite = lengths[np.isfinite(lengths)]
    return float(np.percentile(finite, 90)) if finite.size else float("nan")


@dataclass(frozen=True)
class Signal:
    """A rep signal that rises during the effort of each rep.

    - `height`: how far `upper` is above `lower`, in rulers, times `sign`;
    - `reach`: how far `upper` reaches out sideways from over `lower`, in rulers, worked out
      from the height against the ruler's length (0 straight over it, 1 level with it);
    - `bend`: how far the elbows bend from straight, in degrees.
    Heights read the same from every camera position round the person.
    """

    kind: Literal["height", "reach", "bend"]
    upper: Group = "wrists"
    lower: Group = "shoulders"
    ruler: Ruler = "torso"
    sign: float = 1.0

    def raw(self, body: Body) -> FloatArray:
        """Per-frame value before scaling: a height in pixels, or a bend in degrees."""
        if self.kind == "bend":
            return np.asarray(180.0 - body.elbow_angle, dtype=np.float64)
        up, low = group_point(body, self.upper), group_point(body, self.lower)
        return np.asarray(up[:, 1] - low[:, 1], dtype=np.float64)

    def scaled(self, raw: FloatArray, ruler: float) -> FloatArray:
        """The signal from raw values and the ruler's length in pixels."""
        if self.kind == "bend":
            return raw
        ratio = raw / ruler
        if self.kind == "reach":
            ratio = np.sqrt(1.0 - np.clip(ratio, -1.0, 1.0) ** 2)
        return np.asarray(self.sign * ratio, dtype=np.float64)

    def __call__(self, body: Body) -> FloatArray:
        return self.scaled(self.raw(body), ruler_of(ruler_lengths(body, self.ruler)))


MEASURES: dict[Measure, str] = {
    "torso_angle": "torso lean from vertical, hip to shoulder midpoints",
    "hip_angle": "shoulder-hip-knee angle",
    "elbow_angle": "shoulder-elbow-wrist angle",
}


@dataclass(frozen=True)
class Threshold:
    """A fault seen when `stat` of `measure` over `part` of a rep is past `limit` (`op`).

    `part` is the whole rep, its `top` (three frames either side of the peak) or its
    `descent` (from the peak to the end). Callable as a check's `fires`.
    """

    measure: Measure
    part: Part
    stat: Stat
    op: Literal["<", ">"]
    limit: float

    def __call__(self, window: RepWindow) -> bool | None:
        series: FloatArray = getattr(window.body, self.measure)
        rep = window.rep
        if self.part == "rep":
            part = series[rep.start : rep.end + 1]
        elif self.part == "top":
            part = series[max(rep.start, rep.top - 3) : rep.top + 4]
        else:
            part = series[rep.top : rep.end + 1]
        values = part[np.isfinite(part)]
        if values.size == 0:
            return None
        if self.stat == "max":
            summary = float(values.max())
        elif self.stat == "min":
            summary = float(values.min())
        else:
            summary = float(np.median(values))
        return summary < self.limit if self.op == "<" else summary > self.limit


def as_data(item: Signal | Threshold) -> dict[str, Any]:
    return asdict(item)
