"""Typed kit: loads and plates as people write them, and one clear refusal for anything else."""

from __future__ import annotations

import pytest

from backtone.domain.errors import InvalidInput
from backtone.domain.kit import parse_loads, parse_plates
from backtone.domain.training import WeightUnit


@pytest.mark.parametrize(
    ("text", "plates"),
    [
        ("2.5x2, 5x4, 10", ((2.5, 2), (5.0, 4), (10.0, None))),
        (".5, 2.", ((0.5, None), (2.0, None))),
    ],
)
def test_plates_are_read_with_their_pairs(
    text: str, plates: tuple[tuple[float, int | None], ...]
) -> None:
    assert parse_plates(text, WeightUnit.KG) == plates


@pytest.mark.parametrize("text", [".", "1.2.3", "x2", "5 x", "-5", "0"])
def test_a_plate_that_is_not_a_number_is_refused_by_name(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_plates(text, WeightUnit.KG)
    assert refused.value.field == "plates"


@pytest.mark.parametrize("text", [".", "./.", ".-./.", "2-8/."])
def test_loads_that_are_not_numbers_are_refused_by_name(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_loads(text, WeightUnit.LB, "dumbbells")
    assert refused.value.field == "dumbbells"
