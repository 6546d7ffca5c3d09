"""Page: the posture check, a side photo measured with a guide, and the trend so far."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, Response, UploadFile

from backtone.domain.posture import CAPTURE_GUIDE
from backtone.entrypoints.web.deps import ClockDep, CsrfChecked, PageCaller, UowDep
from backtone.entrypoints.web.pages.forms import on_error_show
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.uploads import measure_uploaded_posture
from backtone.entrypoints.web.views.posture import (
    check_view,
    trend_view,
)
from backtone.services.posture import posture_history

router = APIRouter(include_in_schema=False)


@router.get("/posture")
def posture_page(request: Request, caller: PageCaller, uow: UowDep) -> Response:
    trend = posture_history(uow=uow, caller=caller)
    context = {"posture": trend_view(trend, caller.tz), "guide": CAPTURE_GUIDE}
    return render(request, "posture.html", context)


@router.post("/posture", dependencies=[CsrfChecked])
def posture_upload(
    request: Request,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    photo: Annotated[UploadFile, File()],
) -> Response:
    tz = caller.tz
    before = trend_view(posture_history(uow=uow, caller=caller), tz)
    on_error_show(request, "posture.html", posture=before, guide=CAPTURE_GUIDE)
    check = measure_uploaded_posture(
        uow=uow, clock=clock, caller=caller, photo=photo.file, filename=photo.filename or ""
    )
    trend = trend_view(posture_history(uow=uow, caller=caller), tz)
    context = {"posture": trend, "guide": CAPTURE_GUIDE, "latest": check_view(check, tz)}
    return render(request, "posture.html", context)
