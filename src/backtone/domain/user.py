"""A person using backtone. Rows never cross users: every service takes the acting user."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from backtone.domain.errors import InvalidInput

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
LOCAL_USER = "me"


@dataclass(frozen=True)
class User:
    id: int
    name: str
    created_at: datetime


def check_username(name: str) -> str:
    """A user name as stored: lower case, 2-32 of letters, digits, '.', '_' or '-'."""
    folded = name.strip().lower()
    if not USERNAME.match(folded):
        raise InvalidInput(
            "user", f"{name!r} is not a valid name", "2-32 letters, digits, '.', '_' or '-'"
        )
    return folded
