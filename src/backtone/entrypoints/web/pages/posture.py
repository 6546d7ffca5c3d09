"""Page: the posture check, a side photo measured with a guide, and the trend so far."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, Response, UploadFile

from backtone.entrypoints.web.deps import ClockDep, CsrfChecked, PageCaller, UowDep
from backtone.entrypoints.web.pages.forms import on_error_show
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.views.posture import (
    GUIDE,
    check_view,
    measure_uploaded_photo,
    trend_view,
)
from backtone.services.posture import posture_history, record_posture_check

router = APIRouter(include_in_schema=False)


@router.get("/posture")
def posture_page(request: Request, caller: PageCaller, uow: UowDep) -> Response:
    trend = posture_history(uow=uow, caller=caller)
    context = {"posture": trend_view(trend, caller.tz), "guide": GUIDE}
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
    on_error_show(request, "posture.html", posture=before, guide=GUIDE)
    cva, shoulder, lean, source, frames = measure_uploaded_photo(
        photo=photo.file, filename=photo.filename or ""
    )
    check = record_posture_check(
        uow=uow,
        clock=clock,
        caller=caller,
        cva_deg=cva,
        shoulder_offset_pct=shoulder,
        trunk_lean_deg=lean,
        source=source,
        frames=frames,
    )
    trend = trend_view(posture_history(uow=uow, caller=caller), tz)
    context = {"posture": trend, "guide": GUIDE, "latest": check_view(check, tz)}
    return render(request, "posture.html", context)
