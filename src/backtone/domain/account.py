"""A web account: a person with a password, a role and a time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from backtone.domain.errors import InvalidInput

MIN_PASSWORD, MAX_PASSWORD = 8, 256


class Role(StrEnum):
    PERSON = "person"
    TRAINER = "trainer"


class TokenKind(StrEnum):
    SESSION = "session"  # a browser's cookie
    API = "api"  # a Bearer token for API clients


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: Role
    timezone: str
    created_at: datetime

    @property
    def is_trainer(self) -> bool:
        return self.role is Role.TRAINER


@dataclass(frozen=True)
class ClientLink:
    """A trainer's client and since when."""

    client: Account
    since: datetime


def check_password(password: str) -> str:
    """A password long enough to resist guessing and short enough to hash quickly."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput(
            "password", f"has {len(password)} characters", f"{MIN_PASSWORD}-{MAX_PASSWORD}"
        )
    return password
