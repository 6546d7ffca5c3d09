"""What a trainer sees of a client: the same history view the client sees of themselves."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from pydantic import BaseModel

from backtone.bootstrap import Backtone
from backtone.domain.account import Account
from backtone.entrypoints.web.deps import units_for
from backtone.entrypoints.web.views.history import HistoryView, history_view
from backtone.entrypoints.web.views.plan import PlanSummaryView, summary_view
from backtone.services.catalogue import catalogue_for
from backtone.services.plans import plan_history
from backtone.services.ports import UnitOfWork
from backtone.services.trainers import client_named, clients
from backtone.services.training_log import workout_history


def client_history(
    *, app: Backtone, uow: UnitOfWork, trainer: Account, name: str, limit: int = 20
) -> HistoryView:
    client = client_named(uow=uow, trainer=trainer, name=name)
    workouts = workout_history(uow=uow, user_id=client.id, limit=limit)
    catalogue = catalogue_for(uow=uow, builtin=app.catalogue, user_id=client.id)
    return history_view(
        workouts,
        catalogue,
        owner=client.name,
        unit=units_for(uow, client),
        tz=ZoneInfo(client.timezone),
    )


class ClientRow(BaseModel):
    name: str
    since: str


class TrainerView(BaseModel):
    clients: list[ClientRow]


def trainer_view(*, uow: UnitOfWork, trainer: Account) -> TrainerView:
    links = clients(uow=uow, trainer=trainer)
    return TrainerView(
        clients=[ClientRow(name=c.client.name, since=f"{c.since:%d %b %Y}") for c in links]
    )


class ClientPageView(BaseModel):
    name: str
    plans: list[PlanSummaryView]
    history: HistoryView


def client_page(*, app: Backtone, uow: UnitOfWork, trainer: Account, name: str) -> ClientPageView:
    client = client_named(uow=uow, trainer=trainer, name=name)
    return ClientPageView(
        name=client.name,
        plans=[summary_view(s) for s in plan_history(uow=uow, user_id=client.id)],
        history=client_history(app=app, uow=uow, trainer=trainer, name=name),
    )
