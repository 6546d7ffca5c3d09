"""What a trainer sees of a client: the same history view the client sees of themselves."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from pydantic import BaseModel

from backtone.domain.account import ClientLink
from backtone.entrypoints.web.views.history import HistoryView, history_view
from backtone.entrypoints.web.views.plan import PlanSummaryView, summary_view
from backtone.services.trainers import ClientLog, ClientOverview


def client_history_view(log: ClientLog) -> HistoryView:
    client = log.client
    tz = ZoneInfo(client.timezone)
    return history_view(log.workouts, log.catalogue, owner=client.name, unit=log.unit, tz=tz)


class ClientRow(BaseModel):
    name: str
    since: str


class TrainerView(BaseModel):
    clients: list[ClientRow]


def trainer_view(links: list[ClientLink]) -> TrainerView:
    return TrainerView(
        clients=[ClientRow(name=c.client.name, since=f"{c.since:%d %b %Y}") for c in links]
    )


class ClientPageView(BaseModel):
    name: str
    plans: list[PlanSummaryView]
    history: HistoryView


def client_page_view(overview: ClientOverview) -> ClientPageView:
    return ClientPageView(
        name=overview.log.client.name,
        plans=[summary_view(s) for s in overview.plans],
        history=client_history_view(overview.log),
    )
