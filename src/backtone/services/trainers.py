"""Use cases for trainers and clients: invites, the client list, a client's plans and logs.

Who may see whose data is decided here, once: a person sees their own; a trainer also sees
the people who accepted one of their invites. Anything else is reported as not found.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from backtone.domain.account import Account, ClientLink
from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import Conflict, InvalidInput, NotFound
from backtone.domain.plan_record import PlanRecord, PlanSummary
from backtone.domain.training import WeightUnit, Workout
from backtone.services.accounts import NotAllowed, token_digest
from backtone.services.ports import Clock, UnitOfWork

INVITE_LIFETIME = timedelta(days=7)
_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def create_invite(*, uow: UnitOfWork, clock: Clock, trainer: Account) -> str:
    """A one-use code, valid for a week, that makes whoever accepts it the trainer's client."""
    _trainers_only(trainer)
    raw = "".join(secrets.choice(_CODE_LETTERS) for _ in range(12))
    now = clock.now()
    with uow:
        uow.trainers.add_invite(
            trainer.id,
            token_digest(raw),
            created_at=now,
            expires_at=now + INVITE_LIFETIME,
        )
        uow.commit()
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def accept_invite(*, uow: UnitOfWork, clock: Clock, client: Account, code: str) -> Account:
    """Become the client of the trainer who made the code; returns that trainer."""
    if client.is_trainer:
        raise NotAllowed("a trainer account cannot become a client")
    digest = token_digest(_normalise_code(code))
    now = clock.now()
    with uow:
        trainer_id = uow.trainers.open_invite(digest, now)
        if trainer_id is None:
            raise InvalidInput("code", "is unknown, used or expired", "a code from your trainer")
        if trainer_id == client.id:
            raise Conflict("code: you cannot be your own client")
        trainer = uow.accounts.get(trainer_id)
        assert trainer is not None  # the foreign key keeps invites with their trainer
        uow.trainers.mark_accepted(digest, client.id, now)
        uow.trainers.link(trainer_id, client.id, now)
        uow.commit()
    return trainer


def trainer_of(*, uow: UnitOfWork, client_id: int) -> Account | None:
    with uow:
        return uow.trainers.trainer_of(client_id)


def clients(*, uow: UnitOfWork, trainer: Account) -> list[ClientLink]:
    """The trainer's clients, by name (trainer accounts only)."""
    _trainers_only(trainer)
    with uow:
        return uow.trainers.clients(trainer.id)


def client_named(*, uow: UnitOfWork, trainer: Account, name: str) -> Account:
    """One of the trainer's clients; anyone else is not found, whether they exist or not."""
    with uow:
        for link in uow.trainers.clients(trainer.id):
            if link.client.name == name.strip().lower():
                return link.client
    raise NotFound("client", name)


@dataclass(frozen=True)
class ClientLog:
    """A client's recent workouts as the trainer reads them: in the client's catalogue,
    units and time zone."""

    client: Account
    workouts: list[Workout]
    catalogue: Catalogue
    unit: WeightUnit


def client_workouts(*, uow: UnitOfWork, trainer: Account, name: str, limit: int = 20) -> ClientLog:
    """One client's recent workouts, newest first (the trainer's clients only)."""
    with uow:
        client = client_named(uow=uow, trainer=trainer, name=name)
        profile = uow.profiles.get(client.id)
        return ClientLog(
            client,
            uow.workouts.recent(client.id, limit),
            uow.catalogue(client.id),
            profile.units if profile else WeightUnit.KG,
        )


@dataclass(frozen=True)
class ClientOverview:
    log: ClientLog
    plans: list[PlanSummary]


def client_overview(*, uow: UnitOfWork, trainer: Account, name: str) -> ClientOverview:
    """What a trainer's page of one client shows: their plans and their recent workouts."""
    with uow:
        log = client_workouts(uow=uow, trainer=trainer, name=name)
        return ClientOverview(log, uow.plans.summaries(log.client.id))


def find_plan(*, uow: UnitOfWork, owner_id: int, plan_id: int) -> PlanRecord:
    """One of the owner's plans by id; another person's id is not found."""
    with uow:
        record = uow.plans.get(owner_id, plan_id)
    if record is None:
        raise NotFound("plan", str(plan_id))
    return record


def _trainers_only(account: Account) -> None:
    if not account.is_trainer:
        raise NotAllowed(
            "this is for trainer accounts; a trainer's invite code joins you to them in Settings"
        )
