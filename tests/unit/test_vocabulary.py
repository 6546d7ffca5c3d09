from __future__ import annotations

import pytest

from backtone.domain.errors import InvalidInput
from backtone.domain.vocabulary import (
    Equipment,
    Muscle,
    parse_equipment,
    parse_muscle,
    parse_pattern,
)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("lats", Muscle.LATISSIMUS_DORSI),
        ("Latissimus Dorsi", Muscle.LATISSIMUS_DORSI),
        ("traps", Muscle.UPPER_TRAPEZIUS),
        ("rear delts", Muscle.REAR_DELTOIDS),
        ("erectors", Muscle.ERECTOR_SPINAE),
    ],
)
def test_common_muscle_names_resolve(typed: str, meant: Muscle) -> None:
    assert parse_muscle(typed) is meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("db", Equipment.DUMBBELLS), ("band", Equipment.RESISTANCE_BAND), ("none", Equipment.NONE),
     ("pull-up bar", Equipment.PULL_UP_BAR), ("rower", Equipment.ROWING_MACHINE)],
)  # fmt: skip
def test_common_equipment_names_resolve(typed: str, meant: Equipment) -> None:
    assert parse_equipment(typed) is meant


def test_an_unknown_muscle_names_the_field_and_lists_what_is_allowed() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_muscle("wings")
    assert caught.value.field == "muscle"
    assert "latissimus-dorsi" in caught.value.allowed


def test_rows_are_horizontal_pulls() -> None:
    assert parse_pattern("row").value == "horizontal-pull"
