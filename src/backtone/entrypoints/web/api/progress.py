"""API: progress figures and records; charts as SVG."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Response

from backtone.entrypoints.web.deps import BacktoneDep, ClockDep, CurrentUser, UowDep
from backtone.entrypoints.web.views.progress import ProgressView, chart_svg, gather_progress

router = APIRouter(tags=["progress"])
ChartName = Literal[
    "volume", "consistency", "balance", "strength", "pullups", "heatmap", "bodyweight"
]


@router.get("/progress", response_model=ProgressView)
def progress(me: CurrentUser, app: BacktoneDep, uow: UowDep, clock: ClockDep) -> ProgressView:
    """Hard sets a week per region against targets, balance, streaks, the ladder, records."""
    return gather_progress(app=app, uow=uow, clock=clock, account=me)


@router.get(
    "/progress/charts/{name}.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
def chart(
    name: ChartName, me: CurrentUser, app: BacktoneDep, uow: UowDep, clock: ClockDep
) -> Response:
    return Response(
        chart_svg(app=app, uow=uow, clock=clock, account=me, name=name), media_type="image/svg+xml"
    )
