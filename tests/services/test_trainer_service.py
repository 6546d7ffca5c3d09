"""What a trainer sees of a client, with the storage faked: theirs and no one else's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backtone.domain.account import Account, ClientLink, Role
from backtone.domain.errors import NotFound
from backtone.domain.profile import build_profile
from backtone.domain.quicklog import SetEntry
from backtone.domain.training import WeightUnit
from backtone.services.accounts import NotAllowed
from backtone.services.trainers import client_overview, client_workouts, clients
from backtone.services.training_log import log_sets
from tests.factories import caller_at, make_exercise
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock()
SINCE = datetime(2026, 10, 1, tzinfo=UTC)


def gym() -> tuple[FakeUnitOfWork, Account, Account, Account]:
    """A trainer with one client in pounds, and a stranger."""
    uow = FakeUnitOfWork([make_exercise("pull-up")])
    with uow:
        coach = uow.accounts.add_account("coach", role=Role.TRAINER)
        bea = uow.accounts.add_account("bea", timezone="Europe/Paris")
        stranger = uow.accounts.add_account("cy")
        uow.trainers.links.append((coach, ClientLink(bea, SINCE)))
        uow.profiles.save(bea.id, build_profile(level="beginner", units="lb"), updated_at=SINCE)
        uow.commit()
    return uow, coach, bea, stranger


def test_a_trainer_reads_a_clients_workouts_in_the_clients_units() -> None:
    uow, coach, bea, _ = gym()
    log_sets(uow=uow, clock=CLOCK, caller=caller_at(CLOCK, bea.id), exercise="pull-up",
             sets=[SetEntry(reps=5)])  # fmt: skip
    log = client_workouts(uow=uow, trainer=coach, name="Bea")
    assert log.client.name == "bea" and log.unit is WeightUnit.LB
    assert [s.reps for w in log.workouts for s in w.sets] == [5]
    assert "pull-up" in log.catalogue
    assert [link.client.name for link in clients(uow=uow, trainer=coach)] == ["bea"]


def test_the_client_page_holds_their_plans_and_workouts() -> None:
    uow, coach, _, _ = gym()
    overview = client_overview(uow=uow, trainer=coach, name="bea")
    assert overview.plans == [] and overview.log.workouts == []


def test_someone_who_is_not_a_client_is_not_found_and_a_person_is_no_trainer() -> None:
    uow, coach, bea, stranger = gym()
    with pytest.raises(NotFound):
        client_workouts(uow=uow, trainer=coach, name=stranger.name)
    with pytest.raises(NotFound):
        client_overview(uow=uow, trainer=stranger, name="bea")
    with pytest.raises(NotAllowed):
        clients(uow=uow, trainer=bea)
