from __future__ import annotations

from datetime import UTC

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.entrypoints.tui.flow import Wiring
from backtone.services.plans import keep_plan
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock
from tests.integration.coaching_support import home_dumbbell_plan

CATALOGUE = load_builtin_catalogue()


@pytest.fixture
def wiring(engine: Engine, clock: FixedClock) -> Wiring:
    """A person with a home-dumbbell plan whose first session is today."""
    uow = SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    keep_plan(uow=uow, clock=clock, user_id=me.id, plan=home_dumbbell_plan())
    return Wiring(uow=uow, clock=clock, user_id=me.id, tz=UTC)
