from __future__ import annotations

import pytest

from backtone.domain.errors import InvalidInput
from backtone.domain.importing import parse_duration
from backtone.domain.quicklog import SetEntry, parse_sets
from backtone.domain.training import WeightUnit


def test_sets_times_reps_at_a_load() -> None:
    assert parse_sets("3x12@14kg") == [SetEntry(reps=12, load_kg=14.0)] * 3


def test_a_comma_list_is_one_set_per_number() -> None:
    assert [e.reps for e in parse_sets("5,4,3")] == [5, 4, 3]
    assert all(e.load_kg is None for e in parse_sets("5,4,3"))


def test_pounds_are_stored_as_kilograms() -> None:
    assert parse_sets("12@45lb")[0].load_kg == pytest.approx(20.412, abs=0.001)


def test_a_load_without_unit_uses_the_persons_unit() -> None:
    assert parse_sets("8@100", WeightUnit.LB)[0].load_kg == pytest.approx(45.359, abs=0.001)


def test_rowing_takes_time_and_distance() -> None:
    assert parse_sets("10min 2000m") == [SetEntry(duration_seconds=600, distance_m=2000)]


def test_holds_are_timed_sets() -> None:
    assert parse_sets("3x30s") == [SetEntry(duration_seconds=30)] * 3


@pytest.mark.parametrize(
    ("typed", "field"),
    [("3x-5", "reps"), ("-5", "reps"), ("3x5@5st", "unit"), ("three", "sets"), ("", "sets"),
     ("3 x 5", "sets"), ("50x5", "sets"), ("²", "sets"), ("3x²", "sets")],
)  # fmt: skip
def test_unreadable_input_names_the_field_and_the_forms_understood(typed: str, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_sets(typed)
    assert caught.value.field == field
    assert caught.value.allowed


@pytest.mark.parametrize("typed", ["²", "1²", "³5"])
def test_digits_that_are_not_decimal_are_refused_like_any_unreadable_number(typed: str) -> None:
    """Found by the CLI's random-text test: str.isdigit() accepts '²', int() does not."""
    with pytest.raises(InvalidInput):
        parse_sets(typed)
    with pytest.raises(InvalidInput):
        parse_duration(typed)
