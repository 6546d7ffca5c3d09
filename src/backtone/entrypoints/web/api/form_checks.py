"""API: check the form of an uploaded clip (reps counted, back position checked)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, UploadFile

from backtone.entrypoints.web.deps import CurrentUser
from backtone.entrypoints.web.uploads import check_uploaded_clip

router = APIRouter(tags=["form check"])


@router.post("/form-checks")
def check_clip(
    me: CurrentUser,
    exercise_id: Annotated[str, Form(description="e.g. bent-over-dumbbell-row, pull-up")],
    video: Annotated[UploadFile, File(description="A short clip of one set")],
    start: Annotated[float, Form(ge=0, description="Skip the clip before this second")] = 0.0,
    end: Annotated[float | None, Form(gt=0, description="Ignore it after this second")] = None,
) -> dict[str, Any]:
    """Count the reps of the clip and check each rep's form; the same report as the CLI."""
    report = check_uploaded_clip(
        clip=video.file,
        filename=video.filename or "",
        exercise_id=exercise_id,
        start=start,
        end=end,
    )
    return report.to_dict()
