"""Posture checks for the web: measure an uploaded side photo, and the trend as a view model."""

from __future__ import annotations

import tempfile
from datetime import tzinfo
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel

from backtone.domain.errors import InvalidInput
from backtone.domain.posture import NOT_A_DIAGNOSIS, PostureCheck, PostureTrend

MAX_UPLOAD_MB = 50
CHUNK = 1 << 20
GUIDE = (
    "Stand side-on to the camera, relaxed, looking ahead; camera at hip height 2-3 m away; "
    "the whole body in the picture; fitted clothes, hair off the ear."
)


class PostureCheckView(BaseModel):
    taken_at: str
    day: str
    cva_deg: float
    cva_sd: float
    shoulder_offset_pct: float
    shoulder_sd: float
    trunk_lean_deg: float
    trunk_sd: float
    source: str
    frames: int


class PostureTrendView(BaseModel):
    checks: list[PostureCheckView]
    changes: list[str]
    advice: str
    note: str = NOT_A_DIAGNOSIS


def check_view(check: PostureCheck, tz: tzinfo) -> PostureCheckView:
    return PostureCheckView(
        taken_at=check.taken_at.isoformat(),
        day=f"{check.taken_at.astimezone(tz):%d %b %Y}",
        cva_deg=check.cva_deg,
        cva_sd=check.cva_sd,
        shoulder_offset_pct=check.shoulder_offset_pct,
        shoulder_sd=check.shoulder_sd,
        trunk_lean_deg=check.trunk_lean_deg,
        trunk_sd=check.trunk_sd,
        source=check.source,
        frames=check.frames,
    )


def trend_view(trend: PostureTrend, tz: tzinfo) -> PostureTrendView:
    return PostureTrendView(
        checks=[check_view(c, tz) for c in trend.checks],
        changes=[ch.words(" %" if ch.what == "shoulder offset" else "°") for ch in trend.changes],
        advice=trend.advice,
    )


def measure_uploaded_photo(
    *, photo: BinaryIO, filename: str
) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float], str, int]:
    """Find the person in an uploaded side photo (or clip) and measure, on this server.

    Returns the three (value, uncertainty) measures, the source kind and the frame count;
    a picture that cannot show posture is refused with the reasons.
    """
    from backtone.adapters.pose.models import model_path
    from backtone.adapters.pose.photo import CLIP_SUFFIXES, PHOTO_SUFFIXES, posture_pose
    from backtone.formcheck.posture import measure_posture

    suffix = Path(filename or "photo.jpg").suffix.lower() or ".jpg"
    if suffix not in PHOTO_SUFFIXES + CLIP_SUFFIXES:
        raise InvalidInput(
            "photo", f"{filename!r} is not a photo or a clip", PHOTO_SUFFIXES + CLIP_SUFFIXES
        )
    model_path("full")  # a server without models says so before reading the upload
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        _save(photo, path)
        result = measure_posture(posture_pose(path, "full"))
    if result.reading is None:
        raise InvalidInput("photo", "; ".join(result.reasons), GUIDE)
    r = result.reading
    return (
        (r.cva_deg.value, r.cva_deg.uncertainty),
        (r.shoulder_offset_pct.value, r.shoulder_offset_pct.uncertainty),
        (r.trunk_lean_deg.value, r.trunk_lean_deg.uncertainty),
        "photo" if r.frames == 1 else "clip",
        r.frames,
    )


def _save(upload: BinaryIO, path: Path) -> None:
    written = 0
    with path.open("wb") as out:
        while chunk := upload.read(CHUNK):
            written += len(chunk)
            if written > MAX_UPLOAD_MB * CHUNK:
                raise InvalidInput("photo", "is too large", f"up to {MAX_UPLOAD_MB} MB")
            out.write(chunk)
    if written == 0:
        raise InvalidInput("photo", "is empty", "a side photo of you standing")
