"""A profile checks what a person typed and says which field is wrong and what is allowed."""

from __future__ import annotations

import pytest

from backtone.domain.errors import InvalidInput
from backtone.domain.profile import (
    EQUIPMENT_PRESETS,
    HOME_KIT,
    Emphasis,
    SelfTest,
    build_profile,
    parse_equipment_choice,
    parse_weekdays,
)
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Equipment, Level, Limitation


def test_a_level_given_by_name_is_used() -> None:
    assert build_profile(level="Intermediate").level is Level.INTERMEDIATE


@pytest.mark.parametrize(
    ("hang", "pull_ups", "push_ups", "level"),
    [
        (10, 0, 5, Level.BEGINNER),
        (40, 0, 30, Level.BEGINNER),
        (40, 1, 20, Level.INTERMEDIATE),
        (40, 5, 10, Level.INTERMEDIATE),
        (60, 12, 40, Level.ADVANCED),
    ],
)
def test_the_self_test_points_to_a_level(
    hang: int, pull_ups: int, push_ups: int, level: Level
) -> None:
    assert SelfTest(hang_seconds=hang, pull_ups=pull_ups, push_ups=push_ups).level() is level


def test_a_self_test_without_pull_ups_keeps_full_pull_ups_out_of_reach() -> None:
    profile = build_profile(self_test=SelfTest(hang_seconds=20, pull_ups=0, push_ups=10))
    assert profile.level is Level.BEGINNER and not profile.can_do_pull_up


def test_missing_level_and_self_test_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidInput) as error:
        build_profile()
    assert error.value.field == "level" and "beginner" in error.value.allowed


@pytest.mark.parametrize("preset", sorted(EQUIPMENT_PRESETS))
def test_every_home_preset_has_a_floor_a_wall_and_a_doorframe(preset: str) -> None:
    kit, label = parse_equipment_choice(preset)
    assert {Equipment.NONE, Equipment.WALL, Equipment.DOORFRAME} <= kit and label == preset


def test_the_presets_differ_by_one_piece_of_kit() -> None:
    assert parse_equipment_choice("home-band")[0] - parse_equipment_choice("home-none")[0] == {
        Equipment.RESISTANCE_BAND
    }
    assert Equipment.BARBELL in parse_equipment_choice("gym")[0]


def test_a_comma_list_of_equipment_accepts_common_names_and_keeps_the_home() -> None:
    kit, _ = parse_equipment_choice("db, bench")
    assert kit == {Equipment.DUMBBELLS, Equipment.BENCH} | HOME_KIT


def test_a_comma_list_can_leave_out_a_piece_of_the_home_and_name_presets() -> None:
    kit, _ = parse_equipment_choice("home-bar, dumbbells, no-doorframe")
    assert Equipment.DOORFRAME not in kit
    assert {Equipment.PULL_UP_BAR, Equipment.DUMBBELLS, Equipment.WALL} <= kit


def test_unknown_equipment_names_the_presets_in_the_message() -> None:
    with pytest.raises(InvalidInput) as error:
        parse_equipment_choice("trampoline")
    assert error.value.field == "equipment" and "home-band" in error.value.allowed


def test_weekdays_read_names_and_abbreviations_in_week_order() -> None:
    assert parse_weekdays("fri, Monday,wed") == (0, 2, 4)


@pytest.mark.parametrize("text", ["mon,mon", "funday", ""])
def test_bad_weekdays_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as error:
        parse_weekdays(text)
    assert error.value.field == "weekdays"


def test_days_without_weekdays_are_spread_through_the_week() -> None:
    assert build_profile(level="beginner", days=3).weekdays == (0, 2, 4)


def test_days_that_disagree_with_the_weekdays_are_refused() -> None:
    with pytest.raises(InvalidInput) as error:
        build_profile(level="beginner", days=2, weekdays="mon,wed,fri")
    assert error.value.field == "days"


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("days", {"days": 7}),
        ("minutes", {"minutes": 5}),
        ("minutes", {"minutes": 121}),
        ("emphasis", {"emphasis": "bulk"}),
        ("limitation", {"limitations": ("neck-ache",)}),
        ("units", {"units": "stone"}),
        ("body weight", {"body_weight": 900}),
    ],
)
def test_out_of_range_values_name_their_field(field: str, kwargs: dict[str, object]) -> None:
    with pytest.raises(InvalidInput) as error:
        build_profile(level="beginner", **kwargs)  # type: ignore[arg-type]
    assert error.value.field == field


def test_body_weight_in_pounds_is_stored_in_kilograms() -> None:
    profile = build_profile(level="beginner", body_weight=176, units="lb")
    assert profile.units is WeightUnit.LB and profile.body_weight_kg == pytest.approx(79.83, 0.01)


def test_a_profile_describes_itself_in_one_line() -> None:
    profile = build_profile(
        level="advanced",
        equipment="gym",
        weekdays="tue,thu",
        minutes=45,
        emphasis="strength",
        limitations=("shoulder",),
    )
    assert profile.emphasis is Emphasis.STRENGTH and profile.limitations == {Limitation.SHOULDER}
    assert profile.describe() == "advanced, gym, Tue, Thu for 45 min, strength; sparing shoulder"
