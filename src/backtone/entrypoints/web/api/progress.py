"""API: progress figures and records; charts as SVG; the monthly report as PDF."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Response

from backtone.entrypoints.web.deps import CallerDep, CurrentUser, UowDep
from backtone.entrypoints.web.views.progress import ProgressView, chart_svg, progress_view
from backtone.services.context import Caller
from backtone.services.progress import monthly_report, progress_page, progress_summary

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


def report_file(uow: UowDep, caller: Caller, person: str, month: str) -> Response:
    """The month's PDF report, the same file `backtone report --month` writes."""
    from backtone.adapters.formats.report_pdf import monthly_report_pdf

    found = monthly_report(uow=uow, caller=caller, month=month)
    pdf = monthly_report_pdf(
        found.summary, found.posture, unit=caller.unit, person=person, tz=caller.tz
    )
    name = f"backtone-{found.summary.period.first:%Y-%m}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/reports/{month}.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
)
def report(
    month: Annotated[str, Path(max_length=7, description="YYYY-MM")],
    me: CurrentUser,
    caller: CallerDep,
    uow: UowDep,
) -> Response:
    """One month's report: sessions, streak, volume per region, balance, records, charts."""
    return report_file(uow, caller, me.name, month)
