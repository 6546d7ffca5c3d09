"""Uploads measured on this server, as the CLI measures a file: a clip of one set for the form
check, a side photo or short clip for the posture check. Each is saved to a temporary folder,
its poses read there, and handed to the same service `backtone check` or `backtone posture`
calls."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from backtone.domain.errors import InvalidInput
from backtone.entrypoints.web.deps import ClockDep, UowDep
from backtone.services.context import Caller
from backtone.services.form_checks import check_clip
from backtone.services.posture import check_posture

if TYPE_CHECKING:
    from backtone.domain.posture import PostureCheck
    from backtone.formcheck import CheckReport, PoseSequence

VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi")
CLIP_MOST_MB, PHOTO_MOST_MB = 200, 50
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
    from backtone.adapters.pose.mediapipe_backend import pose_from_video

    suffix = Path(filename or "clip.mp4").suffix.lower() or ".mp4"
    if suffix not in VIDEO_SUFFIXES:
        raise InvalidInput("video", f"{filename!r} is not a video file", VIDEO_SUFFIXES)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"clip{suffix}"

        def read_poses() -> PoseSequence:
            _save(clip, path, "video", CLIP_MOST_MB, "a short video of one set")
            return _named_as_uploaded(lambda: pose_from_video(path, "full"), path, filename)

        return check_clip(
            read_poses=read_poses, exercise_id=exercise_id, start=start, end=end
        ).report


def measure_uploaded_posture(
    *, uow: UowDep, clock: ClockDep, caller: Caller, photo: BinaryIO, filename: str
) -> PostureCheck:
    """Measure an uploaded side photo (or clip) and keep the check."""
    from backtone.adapters.pose.photo import CLIP_SUFFIXES, PHOTO_SUFFIXES, posture_pose

    suffix = Path(filename or "photo.jpg").suffix.lower() or ".jpg"
    if suffix not in PHOTO_SUFFIXES + CLIP_SUFFIXES:
        raise InvalidInput(
            "photo", f"{filename!r} is not a photo or a clip", PHOTO_SUFFIXES + CLIP_SUFFIXES
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"

        def read_pose() -> PoseSequence:
            _save(photo, path, "photo", PHOTO_MOST_MB, "a side photo of you standing")
            return posture_pose(path, "full")

        return check_posture(uow=uow, clock=clock, caller=caller, read_pose=read_pose)


def _named_as_uploaded(read: Callable[[], PoseSequence], path: Path, filename: str) -> PoseSequence:
    """The reader names the file it read: say the upload's name, not this server's folders."""
    try:
        return read()
    except InvalidInput as error:
        shown = repr(filename) if filename else "the uploaded clip"
        problem = error.problem.replace(str(path), shown).replace(str(path.parent), "")
        raise InvalidInput(error.field, problem, error.allowed) from None


def _save(upload: BinaryIO, path: Path, field: str, most_mb: int, wanted: str) -> None:
    """Copy the upload to disk, refusing an empty one or one past the size limit; a server
    without pose models says so first, before reading the upload."""
    from backtone.adapters.pose.models import model_path

    model_path("full")
    written = 0
    with path.open("wb") as out:
        while chunk := upload.read(CHUNK):
            written += len(chunk)
            if written > most_mb * CHUNK:
                raise InvalidInput(field, "is too large", f"up to {most_mb} MB")
            out.write(chunk)
    if written == 0:
        raise InvalidInput(field, "is empty", wanted)
