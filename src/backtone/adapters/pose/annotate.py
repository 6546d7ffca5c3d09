"""Annotated output: a contact-sheet PNG of each rep's top, or the whole clip as an MP4."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from backtone.adapters.pose.video import Frame
from backtone.domain.errors import InvalidInput
from backtone.formcheck import CheckReport, PoseSequence, View
from backtone.formcheck.body import Body
from backtone.formcheck.landmarks import INDEX, SKELETON
from backtone.formcheck.smoothing import smooth_sequence

TILE_HEIGHT = 320
MAX_TILES = 8
BONE = (80, 220, 120)  # RGB
JOINT = (255, 255, 255)
WARN = (240, 70, 60)
TEXT = (255, 240, 120)


def _body(sequence: PoseSequence, report: CheckReport) -> Body:
    return Body(smooth_sequence(sequence), View(report.view))


def _draw_pose(
    canvas: Frame, body: Body, i: int, scale: float, origin: tuple[float, float] = (0, 0)
) -> None:
    """Draw frame `i`'s skeleton; `origin` is the crop's top-left corner in source pixels."""
    import cv2

    kp = body.sequence.keypoints[i]
    h, w = body.sequence.height, body.sequence.width

    def at(name: str) -> tuple[int, int] | None:
        x, y = kp[INDEX[name], 0], kp[INDEX[name], 1]
        if not (np.isfinite(x) and np.isfinite(y)):
            return None
        return int((x * w - origin[0]) * scale), int((y * h - origin[1]) * scale)

    thick = max(1, round(2 * canvas.shape[0] / 480))
    for a, b in SKELETON:
        pa, pb = at(a), at(b)
        if pa and pb:
            cv2.line(canvas, pa, pb, BONE, thick, cv2.LINE_AA)
    for name in INDEX:
        p = at(name)
        if p and not name.startswith(("left_eye_", "right_eye_", "mouth")):
            cv2.circle(canvas, p, thick + 1, JOINT, -1, cv2.LINE_AA)
    side = body.near_side
    labels = [(f"{side}_elbow", body.elbow_angle[i]), (f"{side}_hip", body.hip_angle[i])]
    for name, angle in labels:
        p = at(name)
        if p and np.isfinite(angle):
            _text(canvas, f"{angle:.0f}", (p[0] + 6, p[1] - 6), 0.45)


def _text(
    canvas: Frame,
    text: str,
    origin: tuple[int, int],
    size: float,
    color: tuple[int, int, int] = TEXT,
) -> None:
    import cv2

    cv2.putText(canvas, text, origin, cv2.FONT_HERSHEY_SIMPLEX, size, (0, 0, 0), 3, cv2.LINE_AA)
    cv2.putText(canvas, text, origin, cv2.FONT_HERSHEY_SIMPLEX, size, color, 1, cv2.LINE_AA)


def _crop_box(body: Body, i: int) -> tuple[int, int, int, int]:
    """A 3:4 box around the person in frame `i` (the whole frame if nobody is there)."""
    w, h = body.sequence.width, body.sequence.height
    kp = body.sequence.keypoints[i, :, :2]
    kp = kp[np.isfinite(kp).all(axis=1)]
    if kp.size == 0:
        return 0, 0, w, h
    x0, y0 = kp.min(axis=0) * (w, h)
    x1, y1 = kp.max(axis=0) * (w, h)
    box_h = min(h, max(y1 - y0, (x1 - x0) * 4 / 3) * 1.3 + 20)
    box_w = min(w, box_h * 3 / 4)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = int(np.clip(cx - box_w / 2, 0, w - box_w))
    top = int(np.clip(cy - box_h / 2, 0, h - box_h))
    return left, top, int(box_w), int(box_h)


def _tile(frame: Frame | None, body: Body, i: int, caption: str, flags: list[str]) -> Frame:
    import cv2

    left, top, box_w, box_h = _crop_box(body, i)
    scale = TILE_HEIGHT / box_h
    size = (max(1, round(box_w * scale)), TILE_HEIGHT)
    if frame is None:
        tile: Frame = np.full((size[1], size[0], 3), 40, dtype=np.uint8)
    else:
        crop = frame[top : top + box_h, left : left + box_w]
        tile = np.ascontiguousarray(cv2.resize(crop, size, interpolation=cv2.INTER_AREA), np.uint8)
    _draw_pose(tile, body, i, scale, (left, top))
    _text(tile, caption, (8, 20), 0.55)
    torso = body.torso_angle[i]
    if body.view is View.SIDE and np.isfinite(torso):
        _text(tile, f"torso {torso:.0f} deg", (8, 42), 0.5)
    for k, code in enumerate(flags):
        _text(tile, code, (8, size[1] - 10 - 20 * k), 0.5, WARN)
    return tile


def tile_frames(sequence: PoseSequence, report: CheckReport) -> list[tuple[int, str, list[str]]]:
    """Which frames the contact sheet shows: each rep at its top, or evenly spaced frames."""
    times = sequence.timestamps_s
    chosen = []
    for rep in report.reps[:MAX_TILES]:
        start, end = np.searchsorted(times, [rep.start_s, rep.end_s])
        middle = int((start + end) // 2)
        chosen.append(
            (middle, f"rep {rep.rep}  {rep.duration_s:.1f}s", [f.code for f in rep.flags])
        )
    if not chosen:
        picks = np.linspace(0, sequence.n_frames - 1, min(4, sequence.n_frames)).astype(int)
        chosen = [(int(i), f"t={times[i]:.1f}s", []) for i in picks]
    return chosen


def write_contact_sheet(
    path: Path,
    sequence: PoseSequence,
    report: CheckReport,
    frames: Iterable[Frame] | None = None,
) -> None:
    """Save a grid of annotated frames (one per rep) as a PNG; `frames` is the clip, if any."""
    import cv2

    body = _body(sequence, report)
    wanted = tile_frames(sequence, report)
    pictures: dict[int, Frame] = {}
    if frames is not None:
        indices = {i for i, _, _ in wanted}
        for i, frame in enumerate(frames):
            if i in indices:
                pictures[i] = frame
            if i >= max(indices):
                break
    tiles = [_tile(pictures.get(i), body, i, cap, flags) for i, cap, flags in wanted]
    width = max(t.shape[1] for t in tiles)
    tiles = [np.pad(t, ((0, 0), (0, width - t.shape[1]), (0, 0))) for t in tiles]
    cols = min(4, len(tiles))
    rows = -(-len(tiles) // cols)
    blank = np.zeros_like(tiles[0])
    grid = [tiles[r * cols : (r + 1) * cols] for r in range(rows)]
    grid[-1] += [blank] * (cols - len(grid[-1]))
    sheet = np.vstack([np.hstack(row) for row in grid])
    if not cv2.imwrite(str(path), cv2.cvtColor(sheet, cv2.COLOR_RGB2BGR)):
        raise InvalidInput(
            "out", f"cannot write {path}", "a .png or .mp4 path in a folder that exists"
        )


def write_annotated_video(
    path: Path, sequence: PoseSequence, report: CheckReport, frames: Iterable[Frame], fps: float
) -> None:
    """Save the clip with the skeleton, angles and a running rep count drawn on every frame."""
    import cv2

    body = _body(sequence, report)
    size = (sequence.width, sequence.height)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, size)
    if not writer.isOpened():
        raise InvalidInput(
            "out", f"cannot write {path}", "a .png or .mp4 path in a folder that exists"
        )
    ends = [rep.end_s for rep in report.reps]
    try:
        for i, frame in enumerate(_limit(frames, sequence.n_frames)):
            canvas = np.ascontiguousarray(frame)
            _draw_pose(canvas, body, i, 1.0)
            done = sum(1 for end in ends if end <= sequence.timestamps_s[i])
            _text(canvas, f"reps {done}", (20, 50), 1.4)
            writer.write(cv2.cvtColor(canvas, cv2.COLOR_RGB2BGR))
    finally:
        writer.release()


def _limit(frames: Iterable[Frame], n: int) -> Iterator[Frame]:
    for i, frame in enumerate(frames):
        if i >= n:
            return
        yield frame
