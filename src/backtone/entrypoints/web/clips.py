"""An uploaded clip of one set, checked as `backtone check` checks a file: saved to a temporary
folder, its poses read on this server, then handed to the form-check service."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from backtone.domain.errors import InvalidInput
from backtone.services.form_checks import check_clip

if TYPE_CHECKING:
    from backtone.formcheck import CheckReport, PoseSequence

MAX_UPLOAD_MB = 200
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi")
CHUNK = 1 << 20


def check_uploaded_clip(
    *,
    clip: BinaryIO,
    filename: str,
    exercise_id: str,
    start: float = 0.0,
    end: float | None = None,
) -> CheckReport:
    """Track the person in the clip, then count and check the reps (offline, on this server)."""
    suffix = Path(filename or "clip.mp4").suffix.lower() or ".mp4"
    if suffix not in VIDEO_SUFFIXES:
        raise InvalidInput("video", f"{filename!r} is not a video file", VIDEO_SUFFIXES)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"clip{suffix}"

        def read_poses() -> PoseSequence:
            return _poses(clip, path, filename)

        return check_clip(
            read_poses=read_poses, exercise_id=exercise_id, start=start, end=end
        ).report


def _poses(clip: BinaryIO, path: Path, filename: str) -> PoseSequence:
    from backtone.adapters.pose.mediapipe_backend import pose_from_video
    from backtone.adapters.pose.models import model_path

    model_path("full")  # a server without models says so instead of failing mid-way
    _save(clip, path)
    try:
        return pose_from_video(path, "full")
    except InvalidInput as error:
        # The reader names the file it read: the upload's name, not this server's folders.
        shown = repr(filename) if filename else "the uploaded clip"
        problem = error.problem.replace(str(path), shown).replace(str(path.parent), "")
        raise InvalidInput(error.field, problem, error.allowed) from None


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
