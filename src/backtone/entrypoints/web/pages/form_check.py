"""Page: upload a short clip of a set and see the reps and form flags."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, Response, UploadFile

from backtone.entrypoints.web.deps import CsrfChecked, PageUser
from backtone.entrypoints.web.pages.forms import on_error_show
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.uploads import check_uploaded_clip
from backtone.services.form_checks import checkable_exercises

router = APIRouter(include_in_schema=False)


@router.get("/check")
async def check_page(request: Request, me: PageUser, exercise: str = "") -> Response:
    return render(request, "check.html", {"exercises": checkable_exercises(), "chosen": exercise})


@router.post("/check", dependencies=[CsrfChecked])
def check_upload(
    request: Request,
    me: PageUser,
    exercise_id: Annotated[str, Form()],
    video: Annotated[UploadFile, File()],
) -> Response:
    on_error_show(request, "check.html", exercises=checkable_exercises(), chosen=exercise_id)
    report = check_uploaded_clip(
        clip=video.file, filename=video.filename or "", exercise_id=exercise_id
    )
    return render(
        request,
        "check.html",
        {"exercises": checkable_exercises(), "chosen": exercise_id, "report": report},
    )
