"""API: progress figures and records; charts as SVG; the monthly report as PDF."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Response

from backtone.domain.catalogue import Catalogue
from backtone.entrypoints.web.deps import BacktoneDep, CallerDep, ClockDep, CurrentUser, UowDep
from backtone.entrypoints.web.views.progress import ProgressView, chart_svg, gather_progress
from backtone.services.context import Caller
from backtone.services.ports import UnitOfWork
from backtone.services.progress import monthly_report

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


def report_file(
    uow: UnitOfWork, builtin: Catalogue, caller: Caller, person: str, month: str
) -> Response:
    """The month's PDF report, the same file `backtone report --month` writes."""
    from backtone.adapters.formats.report_pdf import monthly_report_pdf

    found = monthly_report(uow=uow, builtin=builtin, caller=caller, month=month)
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
    app: BacktoneDep,
    uow: UowDep,
) -> Response:
    """One month's report: sessions, streak, volume per region, balance, records, charts."""
    return report_file(uow, app.catalogue, caller, me.name, month)
