"""The account behind a request, with the few facts nearly every request of theirs needs."""

from __future__ import annotations

from dataclasses import dataclass

from backtone.domain.account import Account
from backtone.domain.training import WeightUnit


@dataclass(frozen=True)
class SignedIn(Account):
    """An account as its token finds it, read together with its units and how many
    exercises of its own it has, so a request need not ask for them again."""

    units: WeightUnit = WeightUnit.KG  # the profile's choice; kilograms before a profile
    own_exercises: int = 0  # exercises the person added to the catalogue (imported, custom)
