"""API: posture checks from side photos (measured on this server), and their history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile

from backtone.entrypoints.web.deps import CallerDep, ClockDep, UowDep
from backtone.entrypoints.web.uploads import measure_uploaded_posture
from backtone.entrypoints.web.views.posture import (
    PostureCheckView,
    PostureTrendView,
    check_view,
    trend_view,
)
from backtone.services.posture import posture_history

router = APIRouter(tags=["posture"])


@router.post("/posture-checks", status_code=201)
def create_posture_check(
    caller: CallerDep,
    uow: UowDep,
    clock: ClockDep,
    photo: Annotated[
        UploadFile, File(description="A side photo (jpg, png) or a 3-second clip of standing")
    ],
) -> PostureCheckView:
    """Measure forward head (CVA), shoulder offset and trunk lean, each with its uncertainty,
    and keep the check. A photo that is not side-on, is cut off or has unsure landmarks is
    refused (422) with the reasons. Estimates for tracking a trend, not a diagnosis."""
    check = measure_uploaded_posture(
        uow=uow, clock=clock, caller=caller, photo=photo.file, filename=photo.filename or ""
    )
    return check_view(check, caller.tz)


@router.get("/posture-checks")
def list_posture_checks(caller: CallerDep, uow: UowDep) -> PostureTrendView:
    """Every posture check, oldest first, the change since the first, and the plan's fit."""
    return trend_view(posture_history(uow=uow, caller=caller), caller.tz)
