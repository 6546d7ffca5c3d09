"""NaN-aware smoothing: fill short gaps, then Savitzky-Golay; One-Euro for live, causal use."""

from __future__ import annotations

import math

import numpy as np

from backtone.formcheck.sequence import FloatArray, PoseSequence


def fill_short_gaps(values: FloatArray, max_gap: int) -> FloatArray:
    """Linearly bridge NaN runs of at most `max_gap` samples that have data on both sides."""
    out = np.array(values, dtype=np.float64)
    finite = np.isfinite(out)
    if finite.all() or not finite.any():
        return out
    idx = np.arange(out.size)
    known = idx[finite]
    filled = np.interp(idx, known, out[finite])
    # Length of the gap each missing sample sits in, to leave long gaps missing.
    starts = np.searchsorted(known, idx, side="right") - 1
    ends = starts + 1
    inside = (~finite) & (starts >= 0) & (ends < known.size)
    gap = np.zeros(out.size, dtype=np.int64)
    gap[inside] = known[ends[inside]] - known[starts[inside]] - 1
    bridge = inside & (gap <= max_gap)
    out[bridge] = filled[bridge]
    return out


def savgol_coefficients(window: int, order: int) -> FloatArray:
    """Least-squares polynomial smoothing weights for the centre of an odd window."""
    half = window // 2
    x = np.arange(-half, half + 1, dtype=np.float64)
    vander = np.vander(x, order + 1, increasing=True)
    return np.asarray(np.linalg.pinv(vander)[0], dtype=np.float64)


def savgol(values: FloatArray, window: int, order: int = 2) -> FloatArray:
    """Savitzky-Golay smoothing of each finite run separately; NaN stays NaN.

    The first and last half-window of a run take the polynomial fitted to its end window,
    so a run's ends are smoothed without being pulled flat.
    """
    out = np.array(values, dtype=np.float64)
    finite = np.isfinite(out)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], finite.astype(np.int8), [0]])))
    for start, stop in zip(edges[::2], edges[1::2], strict=True):
        run = out[start:stop]
        w = min(window, run.size if run.size % 2 else run.size - 1)
        if w <= order + 1:
            continue
        half = w // 2
        smoothed = np.convolve(run, savgol_coefficients(w, order)[::-1], mode="valid")
        x = np.arange(w, dtype=np.float64)
        head = np.polyval(np.polyfit(x, run[:w], order), x[:half])
        tail = np.polyval(np.polyfit(x, run[-w:], order), x[w - half :])
        out[start:stop] = np.concatenate([head, smoothed, tail])
    return out


def smooth_sequence(
    sequence: PoseSequence, window_s: float = 0.25, max_gap_s: float = 0.5
) -> PoseSequence:
    """Bridge gaps up to `max_gap_s` and smooth x, y and depth over about `window_s`."""
    fps = sequence.fps
    window = max(5, round(window_s * fps) | 1)
    max_gap = round(max_gap_s * fps)
    kp = np.array(sequence.keypoints, dtype=np.float64)
    t, n, c = kp.shape
    flat = kp.reshape(t, n * c)
    for j in range(n * c):
        column = fill_short_gaps(flat[:, j], max_gap)
        flat[:, j] = column if j % c == 3 else savgol(column, window)
    return sequence.with_keypoints(flat.reshape(t, n, c))


class OneEuroFilter:
    """Causal smoothing for live video: little lag when moving fast, little jitter when still."""

    def __init__(self, min_cutoff_hz: float = 1.5, beta: float = 0.05, d_cutoff_hz: float = 1.0):
        self.min_cutoff = min_cutoff_hz
        self.beta = beta
        self.d_cutoff = d_cutoff_hz
        self._last_t: float | None = None
        self._x: FloatArray | None = None
        self._dx: FloatArray | None = None

    @staticmethod
    def _alpha(cutoff: float, dt: float) -> float:
        tau = 1.0 / (2.0 * math.pi * cutoff)
        return 1.0 / (1.0 + tau / dt)

    def __call__(self, t_s: float, value: FloatArray) -> FloatArray:
        """Filter one sample taken at `t_s`; a NaN entry passes through and restarts it."""
        x = np.asarray(value, dtype=np.float64)
        if self._x is None or self._last_t is None or t_s <= self._last_t:
            self._x, self._dx, self._last_t = x.copy(), np.zeros_like(x), t_s
            return x.copy()
        dt = t_s - self._last_t
        prev = np.where(np.isfinite(self._x), self._x, x)
        dx = (x - prev) / dt
        assert self._dx is not None
        dx_hat = self._dx + self._alpha(self.d_cutoff, dt) * (np.nan_to_num(dx) - self._dx)
        cutoff = self.min_cutoff + self.beta * np.abs(dx_hat)
        tau = 1.0 / (2.0 * math.pi * cutoff)
        alpha = 1.0 / (1.0 + tau / dt)
        x_hat = np.where(np.isfinite(x), prev + alpha * (x - prev), np.nan)
        self._x, self._dx, self._last_t = x_hat, dx_hat, t_s
        return np.asarray(x_hat, dtype=np.float64)
