"""Pages: progress (figures, records, charts), the exercise library and its routines."""

from __future__ import annotations

from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request, Response

from backtone.entrypoints.web.deps import BacktoneDep, ClockDep, PageCaller, PageUser, UowDep
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.views.library import LibraryQuery, exercise_view, search_library
from backtone.entrypoints.web.views.posture import trend_view
from backtone.entrypoints.web.views.progress import chart_svg, gather_progress
from backtone.entrypoints.web.views.routines import routine_view
from backtone.services.catalogue import routines, show_exercise
from backtone.services.posture import posture_history

router = APIRouter(include_in_schema=False)
ChartName = Literal[
    "volume", "consistency", "balance", "strength", "pullups", "heatmap", "bodyweight"
]


@router.get("/progress")
def progress(
    request: Request,
    me: PageUser,
    caller: PageCaller,
    app: BacktoneDep,
    uow: UowDep,
    clock: ClockDep,
) -> Response:
    view = gather_progress(app=app, uow=uow, clock=clock, account=me)
    posture = trend_view(posture_history(uow=uow, user_id=me.id), ZoneInfo(me.timezone))
    month = f"{caller.today:%Y-%m}"  # the report form's default and latest month
    return render(request, "progress.html", {"progress": view, "posture": posture, "month": month})


@router.get("/progress/report.pdf")
def report_pdf(
    me: PageUser,
    caller: PageCaller,
    app: BacktoneDep,
    uow: UowDep,
    month: Annotated[str, Query(max_length=7)] = "",
) -> Response:
    """The monthly report (this month unless another is asked for), as GET /api/v1/reports."""
    from backtone.entrypoints.web.api.progress import report_file

    chosen = month or f"{caller.today:%Y-%m}"
    return report_file(uow, app.catalogue, caller, me.name, chosen)


@router.get("/progress/charts/posture.svg")
def posture_chart_svg(me: PageUser, uow: UowDep) -> Response:
    """The person's posture checks over time, with each measure's uncertainty."""
    from backtone.adapters.formats.chart_canvas import ChartFormat
    from backtone.adapters.formats.posture_chart import posture_chart

    trend = posture_history(uow=uow, user_id=me.id)
    image = posture_chart(trend, tz=ZoneInfo(me.timezone), fmt=ChartFormat.SVG).image
    return Response(
        image, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=60"}
    )


@router.get("/progress/charts/{name}.svg")
def chart(
    name: ChartName, me: PageUser, app: BacktoneDep, uow: UowDep, clock: ClockDep
) -> Response:
    image = chart_svg(app=app, uow=uow, clock=clock, account=me, name=name)
    return Response(
        image, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=60"}
    )


@router.get("/exercises")
async def library(
    request: Request,
    me: PageUser,
    app: BacktoneDep,
    uow: UowDep,
    query: Annotated[LibraryQuery, Query()],
) -> Response:
    view = search_library(uow=uow, builtin=app.catalogue, account=me, query=query)
    return render(request, "library.html", {"library": view})


@router.get("/exercises/{exercise_id}")
async def exercise(
    request: Request, exercise_id: str, me: PageUser, app: BacktoneDep, uow: UowDep
) -> Response:
    found, catalogue = show_exercise(
        uow=uow, builtin=app.catalogue, user_id=me.id, exercise_id=exercise_id
    )
    return render(request, "exercise.html", {"exercise": exercise_view(found, catalogue)})


@router.get("/routines")
async def routine_list(request: Request, caller: PageCaller, uow: UowDep) -> Response:
    """The built-in routines with their numbers, the seed articles' own among them."""
    found, catalogue = routines(uow=uow, caller=caller)
    views = [routine_view(r, catalogue) for r in found]
    return render(request, "routines.html", {"routines": views})
