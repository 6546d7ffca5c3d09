"""API: progress figures and records; charts as SVG."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Response

from backtone.entrypoints.web.deps import CallerDep, CurrentUser, UowDep
from backtone.entrypoints.web.views.progress import ProgressView, chart_svg, progress_view
from backtone.services.progress import progress_page, progress_summary

router = APIRouter(tags=["progress"])
ChartName = Literal[
    "volume", "consistency", "balance", "strength", "pullups", "heatmap", "bodyweight"
]


@router.get("/progress", response_model=ProgressView)
def progress(me: CurrentUser, caller: CallerDep, uow: UowDep) -> ProgressView:
    """Hard sets a week per region against targets, balance, streaks, the ladder, records."""
    page = progress_page(uow=uow, caller=caller)
    return progress_view(page, owner=me.name, unit=caller.unit)


@router.get(
    "/progress/charts/{name}.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
def chart(name: ChartName, caller: CallerDep, uow: UowDep) -> Response:
    summary = progress_summary(uow=uow, caller=caller)
    return Response(chart_svg(summary, name=name, unit=caller.unit), media_type="image/svg+xml")
