"""Standing posture from a side photo (or a short clip): three angles, each with its uncertainty.

Measures, all on the side facing the camera, in the picture's plane:
- craniovertebral angle (CVA): the line from the shoulder landmark to the ear landmark, in
  degrees above the horizontal; smaller means the head sits further forward. Clinics measure
  it from C7 to the tragus; the shoulder and ear landmarks stand in for them, so the numbers
  are for following one's own trend, not for comparing with clinical cut-offs.
- shoulder offset: how far the shoulder sits in front of (+) or behind (-) the line from ear
  to hip, as a percentage of that line's length.
- trunk lean: the hip-to-shoulder line from vertical, in degrees, + leaning forward.
Never a diagnosis. A photo that cannot show these (not side-on, cut off, unsure landmarks)
is refused with the reasons.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from backtone.formcheck.sequence import PoseSequence

# One standard deviation of a landmark's position, in torso lengths, for a fully visible
# point: the frame-to-frame scatter of MediaPipe's ear, shoulder and hip landmarks on the
# sample clip is about 0.02 torso lengths (tests/integration/test_posture_photo.py).
LANDMARK_NOISE = 0.02
SIDE_ON_BELOW = 0.25  # shoulder width over torso length, as `detect_view` reads a side view
MIN_VISIBILITY = 0.5
EDGE = 0.01  # landmarks this close to the border count as cut off
MIN_FOUND = 0.8  # share of a clip's frames that must show the person
MAX_SWAY_DEG = 4.0  # a clip whose CVA scatters more than this (1 SD) was not standing still
CORRELATED_S = 0.2  # frames closer than this share their landmark errors
POINTS = ("ear", "shoulder", "hip", "knee", "ankle")
MAX_LEAN_DEG = 30.0  # past this the person is bending, not standing


@dataclass(frozen=True)
class Measure:
    """A value and one standard deviation of its uncertainty."""

    value: float
    uncertainty: float


@dataclass(frozen=True)
class PostureReading:
    cva_deg: Measure
    shoulder_offset_pct: Measure
    trunk_lean_deg: Measure
    side: str  # the side facing the camera
    frames: int  # frames measured (1 for a photo)


@dataclass(frozen=True)
class PostureResult:
    """A reading, or the reasons the picture cannot give one (and then no reading)."""

    reading: PostureReading | None
    reasons: tuple[str, ...] = ()


Points = dict[str, tuple[float, float]]


def _angles(p: Points, facing: float) -> tuple[float, float, float]:
    """CVA, shoulder offset (%) and trunk lean of one set of points (pixels, y up)."""
    ear, shoulder, hip = p["ear"], p["shoulder"], p["hip"]
    forward = (ear[0] - shoulder[0]) * facing
    cva = math.degrees(math.atan2(ear[1] - shoulder[1], forward))
    lx, ly = hip[0] - ear[0], hip[1] - ear[1]
    length = math.hypot(lx, ly)
    # Signed distance of the shoulder from the ear-hip line, + towards the face.
    cross = lx * (shoulder[1] - ear[1]) - ly * (shoulder[0] - ear[0])
    offset = 100.0 * cross * facing / length**2 if length > 0 else math.nan
    lean = math.degrees(math.atan2((shoulder[0] - hip[0]) * facing, shoulder[1] - hip[1]))
    return cva, offset, lean


def _spread(measure: Callable[[Points], float], p: Points, sigma: dict[str, float]) -> float:
    """One standard deviation of a measure from independent noise on each point (first order)."""
    total = 0.0
    base = measure(p)
    for name, (x, y) in p.items():
        step = max(sigma[name], 1e-6) * 1e-3
        for dx, dy in ((step, 0.0), (0.0, step)):
            moved = {**p, name: (x + dx, y + dy)}
            slope = (measure(moved) - base) / step
            total += (slope * sigma[name]) ** 2
    return math.sqrt(total)


def _facing(seq: PoseSequence, side: str, i: int) -> float:
    """+1 when the person faces image right: the nose is ahead of the ear, else the toes."""
    for front, back in (("nose", f"{side}_ear"), (f"{side}_foot_index", f"{side}_heel")):
        dx = seq.pixels(front)[i, 0] - seq.pixels(back)[i, 0]
        if np.isfinite(dx) and dx != 0:
            return 1.0 if dx > 0 else -1.0
    return 1.0


def _near_side(seq: PoseSequence, i: int) -> str:
    def score(side: str) -> float:
        vis = [seq.visibility(f"{side}_{j}")[i] for j in POINTS]
        return float(np.nanmean(vis)) if np.isfinite(vis).any() else 0.0

    return "left" if score("left") >= score("right") else "right"


def _frame_problems(seq: PoseSequence, i: int, side: str) -> list[str]:
    """Why frame `i` cannot be measured (empty when it can)."""
    kp = seq.keypoints[i]
    if not np.isfinite(kp[:, :2]).any():
        return ["no person was found in the picture"]
    problems = []
    left, right = seq.pixels("left_shoulder")[i], seq.pixels("right_shoulder")[i]
    mid_sh = (left + right) / 2
    mid_hip = (seq.pixels("left_hip")[i] + seq.pixels("right_hip")[i]) / 2
    torso = float(np.linalg.norm(mid_sh - mid_hip))
    width = float(np.linalg.norm(left - right))
    if torso > 0 and width / torso >= SIDE_ON_BELOW:
        problems.append(
            f"not side-on: the shoulders look {width / torso:.0%} as wide as the torso is long "
            "(side-on is under 25 %); turn until one shoulder points at the camera"
        )
    cut = []
    for name in ("nose", f"{side}_ear", f"{side}_ankle", f"{side}_heel"):
        x, y = seq.keypoints[i, _index(name), :2]
        if not (np.isfinite(x) and np.isfinite(y)) or not (
            EDGE < x < 1 - EDGE and EDGE < y < 1 - EDGE
        ):
            cut.append(name.removeprefix(f"{side}_"))
    if cut:
        problems.append(
            f"cut off ({', '.join(cut)} outside the picture): step back until the whole body, "
            "head to feet, is in the frame"
        )
    hip = seq.pixels(f"{side}_hip")[i]
    lean = math.degrees(
        math.atan2(abs(float(mid_sh[0] - mid_hip[0])), float(mid_sh[1] - mid_hip[1]))
    )
    knee, ankle = seq.pixels(f"{side}_knee")[i], seq.pixels(f"{side}_ankle")[i]
    if lean > MAX_LEAN_DEG or not float(hip[1]) > float(knee[1]) > float(ankle[1]):
        problems.append(
            f"not standing upright (the trunk leans {lean:.0f}° from vertical): stand tall "
            "and relaxed, arms hanging, looking ahead"
        )
    unsure = [
        f"{j} ({seq.visibility(f'{side}_{j}')[i]:.2f})"
        for j in ("ear", "shoulder", "hip", "ankle")
        if not seq.visibility(f"{side}_{j}")[i] >= MIN_VISIBILITY
    ]
    if unsure:
        problems.append(
            "low landmark confidence on the " + ", ".join(unsure) + ": use even light, tie "
            "long hair back from the ear and wear fitted clothes"
        )
    return problems


def _index(name: str) -> int:
    from backtone.formcheck.landmarks import INDEX

    return INDEX[name]


def _points(seq: PoseSequence, side: str, i: int) -> Points:
    points: Points = {}
    for j in ("ear", "shoulder", "hip"):
        x, y = seq.pixels(f"{side}_{j}")[i]
        points[j] = (float(x), float(y))
    return points


def _measure_frame(
    seq: PoseSequence, side: str, i: int
) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """The three measures of frame `i` and their uncertainties from landmark noise."""
    facing = _facing(seq, side, i)
    points = _points(seq, side, i)
    torso = math.dist(points["shoulder"], points["hip"])
    sigma = {
        j: LANDMARK_NOISE * torso / max(MIN_VISIBILITY, float(seq.visibility(f"{side}_{j}")[i]))
        for j in points
    }

    def cva(p: Points) -> float:
        return _angles(p, facing)[0]

    def offset(p: Points) -> float:
        return _angles(p, facing)[1]

    def lean(p: Points) -> float:
        return _angles(p, facing)[2]

    spreads = (_spread(cva, points, sigma), _spread(offset, points, sigma))
    return _angles(points, facing), (*spreads, _spread(lean, points, sigma))


def measure_posture(sequence: PoseSequence) -> PostureResult:
    """Measure standing posture in a side photo (one frame) or a short clip of standing still."""
    found = sequence.found()
    if sequence.n_frames == 0 or not found.any():
        return PostureResult(None, ("no person was found in the picture",))
    if sequence.n_frames > 1 and found.mean() < MIN_FOUND:
        return PostureResult(
            None, (f"the person is found in only {found.mean():.0%} of the clip's frames",)
        )
    usable = [int(i) for i in np.flatnonzero(found)]
    middle = usable[len(usable) // 2]
    side = _near_side(sequence, middle)
    # A clip is judged on its middle frame; every usable frame is measured.
    problems = _frame_problems(sequence, middle, side)
    if problems:
        return PostureResult(None, tuple(problems))
    rows = []
    sigmas = []
    for index in usable:
        i = int(index)
        if not _frame_problems(sequence, i, side):
            values_i, sigmas_i = _measure_frame(sequence, side, i)
            rows.append(values_i)
            sigmas.append(sigmas_i)
    values = np.asarray(rows)
    spreads = np.asarray(sigmas)
    n = len(rows)
    if n > 1 and float(np.std(values[:, 0])) > MAX_SWAY_DEG:
        return PostureResult(
            None, ("the clip shows movement: stand still, side-on, for about three seconds",)
        )
    span = float(sequence.timestamps_s[usable[-1]] - sequence.timestamps_s[usable[0]])
    independent = max(1.0, min(n, span / CORRELATED_S)) if n > 1 else 1.0
    measures = []
    for k in range(3):
        model = float(np.median(spreads[:, k]))
        scatter = float(np.std(values[:, k])) if n > 1 else 0.0
        measures.append(
            Measure(
                round(float(np.median(values[:, k])), 1),
                round(math.sqrt(model**2 + scatter**2) / math.sqrt(independent), 1),
            )
        )
    cva, offset, lean = measures
    return PostureResult(PostureReading(cva, offset, lean, side=side, frames=n))
