"""A web account: a person with a password, a role and a time zone."""

from __future__ import annotations

import re
from collections.abc import Container
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
class TokenInfo:
    """An API token as its owner may see it: never the token itself, only its digest is kept."""

    id: int
    label: str
    created_at: datetime
    expires_at: datetime | None


@dataclass(frozen=True)
class ClientLink:
    """A trainer's client and since when."""

    client: Account
    since: datetime


def check_password(password: str, *, name: str = "", common: Container[str] = ()) -> str:
    """A password long enough to resist guessing, short enough to hash quickly, and not one
    of the `common` ones (lower case) nor the account's name: those are tried first."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput(
            "password", f"has {len(password)} characters", f"{MIN_PASSWORD}-{MAX_PASSWORD}"
        )
    folded = password.lower()
    named = bool(name) and re.fullmatch(re.escape(name.strip().lower()) + r"[\W\d_]*", folded)
    if named or folded in common:
        raise InvalidInput(
            "password",
            f"{'is your name' if named else 'is one of the most common'}, so it is guessed first",
            "a phrase of a few unrelated words, or one from a password manager",
        )
    return password
