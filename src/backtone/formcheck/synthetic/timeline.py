"""When each synthetic rep happens, and per-frame parameters that follow the reps smoothly."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from backtone.formcheck.sequence import FloatArray


@dataclass(frozen=True)
class Timeline:
    """Frame times, and for each frame the rep it belongs to (-1 before the first) and the
    phase within that rep (0 to 1; NaN while resting between reps)."""

    times_s: FloatArray
    rep_of_frame: np.ndarray
    phase: FloatArray
    rep_bounds: tuple[tuple[int, int], ...]  # first and last frame of each rep

    @property
    def n_frames(self) -> int:
        return int(self.times_s.size)


def make_timeline(rng: np.random.Generator, n_reps: int, fps: float = 30.0) -> Timeline:
    """Reps of 1.6-2.6 s separated by 0.2-0.8 s pauses, with a still lead-in and tail."""
    segments: list[tuple[float, bool]] = [(rng.uniform(0.6, 1.2), False)]
    for k in range(n_reps):
        segments.append((rng.uniform(1.6, 2.6), True))
        segments.append((rng.uniform(0.2, 0.8) if k < n_reps - 1 else rng.uniform(0.6, 1.2), False))
    total = sum(d for d, _ in segments)
    n = int(total * fps)
    times = np.arange(n) / fps
    rep_of = np.full(n, -1, dtype=np.int64)
    phase = np.full(n, np.nan)
    bounds = []
    t0, k = 0.0, -1
    for duration, is_rep in segments:
        inside = (times >= t0) & (times < t0 + duration)
        if is_rep:
            k += 1
            phase[inside] = (times[inside] - t0) / duration
            idx = np.flatnonzero(inside)
            bounds.append((int(idx[0]), int(idx[-1])))
        rep_of[inside] = k
        t0 += duration
    return Timeline(times, rep_of, phase, tuple(bounds))


def _ease(x: FloatArray) -> FloatArray:
    return np.asarray((1 - np.cos(np.pi * np.clip(x, 0, 1))) / 2, dtype=np.float64)


def track(tl: Timeline, rest: float, tops: FloatArray, ends: FloatArray) -> FloatArray:
    """A value that eases from the previous rest value up to `tops[k]` and down to `ends[k]`.

    Each rep starts where the previous one ended, so the motion never jumps.
    """
    out = np.full(tl.n_frames, rest, dtype=np.float64)
    start = rest
    for k, (a, b) in enumerate(tl.rep_bounds):
        u = tl.phase[a : b + 1]
        rise = start + (tops[k] - start) * _ease(2 * u)
        fall = tops[k] + (ends[k] - tops[k]) * _ease(2 * u - 1)
        out[a : b + 1] = np.where(u < 0.5, rise, fall)
        nxt = tl.rep_bounds[k + 1][0] if k + 1 < len(tl.rep_bounds) else tl.n_frames
        out[b + 1 : nxt] = ends[k]
        start = ends[k]
    return out


def bump(tl: Timeline, amplitudes: FloatArray) -> FloatArray:
    """Zero between reps, rising early in rep k to `amplitudes[k]`, held, and back by its end."""
    out = np.zeros(tl.n_frames)
    for k, (a, b) in enumerate(tl.rep_bounds):
        u = tl.phase[a : b + 1]
        out[a : b + 1] = amplitudes[k] * np.minimum(1.0, 3.0 * np.sin(np.pi * u))
    return out
