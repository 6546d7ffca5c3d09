"""Use cases about who is acting."""

from __future__ import annotations

from backtone.domain.user import User, check_username
from backtone.services.ports import Clock, UnitOfWork


def ensure_local_user(*, uow: UnitOfWork, clock: Clock, name: str) -> User:
    """The CLI's person: found by name, or created on first use."""
    name = check_username(name)
    with uow:
        user = uow.users.get_by_name(name)
        if user is None:
            user = uow.users.add(name, clock.now())
            uow.commit()
        return user
