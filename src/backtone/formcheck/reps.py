"""Split a movement signal into repetitions with hysteresis, so noise cannot add a rep."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from backtone.formcheck.sequence import FloatArray

ENTER_TOP = 0.35  # fraction of the clip's range the signal must pass to reach the top of a rep
LEAVE_TOP = 0.2  # ...and fall back under before the rep counts


@dataclass(frozen=True)
class Rep:
    """Frame indices of one repetition: from the bottom before, via the top, to the bottom after."""

    start: int
    top: int
    end: int


def signal_range(signal: FloatArray) -> tuple[float, float]:
    """Robust low and high of a signal (5th and 95th percentiles of its finite values)."""
    finite = signal[np.isfinite(signal)]
    if finite.size == 0:
        return float("nan"), float("nan")
    return float(np.percentile(finite, 5)), float(np.percentile(finite, 95))


def find_reps(signal: FloatArray, min_range: float, min_frames: int = 5) -> list[Rep]:
    """Repetitions of a signal that rises during the effort and falls back.

    A rep counts when the signal climbs above `ENTER_TOP` of its range and then drops below
    `LEAVE_TOP`; if the whole range is under `min_range` (in the signal's own units) the person
    did not move enough to count anything. Missing samples never change the state.
    """
    low, high = signal_range(signal)
    if not np.isfinite(low) or high - low < min_range:
        return []
    enter = low + ENTER_TOP * (high - low)
    leave = low + LEAVE_TOP * (high - low)
    spans: list[tuple[int, int]] = []
    up_at: int | None = None
    armed = False  # has the signal been low since the last rep?
    for i, value in enumerate(signal):
        if not np.isfinite(value):
            continue
        if up_at is None:
            if value < leave:
                armed = True
            elif value > enter and armed:
                up_at = i
        elif value < leave:
            if i - up_at >= min_frames // 2:
                spans.append((up_at, i))
            up_at, armed = None, True
    return _bound_reps(signal, spans)


def _bound_reps(signal: FloatArray, spans: list[tuple[int, int]]) -> list[Rep]:
    """Extend each top span to the lowest points around it, never past its neighbours."""
    filled = np.where(np.isfinite(signal), signal, np.inf)
    peaks = np.where(np.isfinite(signal), signal, -np.inf)
    reps: list[Rep] = []
    for k, (up, down) in enumerate(spans):
        before = reps[-1].end if reps else 0
        after = spans[k + 1][0] if k + 1 < len(spans) else signal.size - 1
        start = before + int(np.argmin(filled[before : up + 1]))
        end = down + int(np.argmin(filled[down : after + 1]))
        top = up + int(np.argmax(peaks[up : down + 1]))
        reps.append(Rep(start=start, top=top, end=end))
    return reps
