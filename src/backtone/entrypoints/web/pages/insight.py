"""Pages: progress (figures, records, charts), the exercise library and its routines."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from backtone.entrypoints.web.deps import PageCaller, PageUser, UowDep
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.views.library import (
    LibraryQuery,
    exercise_filter,
    exercise_view,
    library_view,
)
from backtone.entrypoints.web.views.posture import trend_view
from backtone.entrypoints.web.views.progress import chart_svg, progress_view
from backtone.entrypoints.web.views.routines import routine_view
from backtone.services.catalogue import list_exercises, routines, show_exercise
from backtone.services.posture import posture_history
from backtone.services.progress import progress_page, progress_summary

router = APIRouter(include_in_schema=False)
ChartName = Literal[
    "volume", "consistency", "balance", "strength", "pullups", "heatmap", "bodyweight"
]


@router.get("/progress")
def progress(request: Request, me: PageUser, caller: PageCaller, uow: UowDep) -> Response:
    view = progress_view(progress_page(uow=uow, caller=caller), owner=me.name, unit=caller.unit)
    posture = trend_view(posture_history(uow=uow, caller=caller), caller.tz)
    month = f"{caller.today:%Y-%m}"  # the report form's default and latest month
    return render(request, "progress.html", {"progress": view, "posture": posture, "month": month})


@router.get("/progress/report.pdf")
def report_pdf(
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    month: Annotated[str, Query(max_length=7)] = "",
) -> Response:
    """The monthly report (this month unless another is asked for), as GET /api/v1/reports."""
    from backtone.entrypoints.web.api.progress import report_file

    chosen = month or f"{caller.today:%Y-%m}"
    return report_file(uow, caller, me.name, chosen)


@router.get("/progress/charts/posture.svg")
def posture_chart_svg(caller: PageCaller, uow: UowDep) -> Response:
    """The person's posture checks over time, with each measure's uncertainty."""
    from backtone.adapters.formats.chart_canvas import ChartFormat
    from backtone.adapters.formats.posture_chart import posture_chart

    trend = posture_history(uow=uow, caller=caller)
    image = posture_chart(trend, tz=caller.tz, fmt=ChartFormat.SVG).image
    return Response(
        image, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=60"}
    )


@router.get("/progress/charts/{name}.svg")
def chart(name: ChartName, caller: PageCaller, uow: UowDep) -> Response:
    image = chart_svg(progress_summary(uow=uow, caller=caller), name=name, unit=caller.unit)
    return Response(
        image, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=60"}
    )


@router.get("/exercises")
async def library(
    request: Request, caller: PageCaller, uow: UowDep, query: Annotated[LibraryQuery, Query()]
) -> Response:
    found = list_exercises(uow=uow, caller=caller, query=exercise_filter(query))
    return render(request, "library.html", {"library": library_view(found, query)})


@router.get("/exercises/{exercise_id}")
async def exercise(request: Request, exercise_id: str, caller: PageCaller, uow: UowDep) -> Response:
    found, catalogue = show_exercise(uow=uow, caller=caller, exercise_id=exercise_id)
    return render(request, "exercise.html", {"exercise": exercise_view(found, catalogue)})


@router.get("/routines")
async def routine_list(request: Request, caller: PageCaller, uow: UowDep) -> Response:
    """The built-in routines with their numbers, the seed articles' own among them."""
    found, catalogue = routines(uow=uow, caller=caller)
    views = [routine_view(r, catalogue) for r in found]
    return render(request, "routines.html", {"routines": views})
