"""Form check of an uploaded clip: the same report as `backtone check`, for the web."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from backtone.domain.errors import InvalidInput

if TYPE_CHECKING:
    from backtone.formcheck import CheckReport

MAX_UPLOAD_MB = 200
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi")
CHUNK = 1 << 20


def checkable_exercises() -> list[str]:
    """The exercise ids a clip can be checked for."""
    from backtone.formcheck import RULES

    return sorted(RULES)


def check_uploaded_clip(
    *,
    clip: BinaryIO,
    filename: str,
    exercise_id: str,
    start: float = 0.0,
    end: float | None = None,
) -> CheckReport:
    """Track the person in the clip, then count and check the reps (offline, on this server)."""
    from backtone.adapters.pose.mediapipe_backend import pose_from_video
    from backtone.adapters.pose.models import model_path
    from backtone.formcheck import check_form, rule_for

    rule_for(exercise_id)  # an unknown exercise is refused before any work
    suffix = Path(filename or "clip.mp4").suffix.lower() or ".mp4"
    if suffix not in VIDEO_SUFFIXES:
        raise InvalidInput("video", f"{filename!r} is not a video file", VIDEO_SUFFIXES)
    model_path("full")  # a server without models says so instead of failing mid-way
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"clip{suffix}"
        _save(clip, path)
        try:
            sequence = pose_from_video(path, "full")
        except InvalidInput as error:
            # The reader names the file it read: the upload's name, not this server's folders.
            shown = repr(filename) if filename else "the uploaded clip"
            problem = error.problem.replace(str(path), shown).replace(folder, "")
            raise InvalidInput(error.field, problem, error.allowed) from None
    first = int((sequence.timestamps_s < start).sum())
    last = sequence.n_frames if end is None else int((sequence.timestamps_s <= end).sum())
    if last - first < 2:
        raise InvalidInput("start/end", "leave fewer than 2 frames of the clip", "a longer span")
    return check_form(sequence.slice(first, last), exercise_id, None)


def _save(clip: BinaryIO, path: Path) -> None:
    """Copy the upload to disk, refusing clips past the size limit."""
    written = 0
    with path.open("wb") as out:
        while chunk := clip.read(CHUNK):
            written += len(chunk)
            if written > MAX_UPLOAD_MB * CHUNK:
                raise InvalidInput("video", "is too large", f"up to {MAX_UPLOAD_MB} MB")
            out.write(chunk)
    if written == 0:
        raise InvalidInput("video", "is empty", "a short video of one set")
