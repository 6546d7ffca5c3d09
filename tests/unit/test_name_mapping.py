from __future__ import annotations

import pytest

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.catalogue import normalise_name
from backtone.domain.errors import NotFound
from backtone.domain.name_mapping import (
    CLOSE_SCORE,
    Match,
    NameMatcher,
    custom_exercise_for,
    map_names,
)
from backtone.domain.vocabulary import Muscle, Pattern

CATALOGUE = load_builtin_catalogue()


def test_app_names_map_exactly_close_or_to_a_new_exercise() -> None:
    mapped = {
        m.name: m
        for m in map_names(
            [("Seated Row (Cable)", 36), ("Lat Pulldwon (Cable)", 3), ("Leg Press", 12)], CATALOGUE
        )
    }
    assert (mapped["Seated Row (Cable)"].exercise_id, mapped["Seated Row (Cable)"].match) == (
        "seated-cable-row",
        Match.EXACT,
    )
    close = mapped["Lat Pulldwon (Cable)"]
    assert (close.exercise_id, close.match) == ("lat-pulldown", Match.CLOSE)
    assert close.score is not None and close.score >= CLOSE_SCORE
    assert mapped["Leg Press"].match is Match.NEW
    assert mapped["Leg Press"].sets == 12
    assert [m.needs_confirmation for m in mapped.values()] == [False, True, True]


def test_the_same_words_in_another_order_are_an_exact_match() -> None:
    (mapping,) = map_names([("Barbell Row Bent Over", 1)], CATALOGUE)
    assert (mapping.exercise_id, mapping.match) == ("barbell-row", Match.EXACT)


def test_a_close_spelling_never_crosses_the_movement_pattern_the_name_says() -> None:
    # "reverse lunge dumbbell" reads 0.86 like the alias "reverse fly dumbbell"
    (lunge,) = map_names([("Reverse Lunge (Dumbbell)", 4)], CATALOGUE)
    assert lunge.match is Match.NEW
    assert lunge.custom is not None and lunge.custom.pattern is Pattern.SQUAT


def test_a_close_spelling_never_changes_the_equipment() -> None:
    (bench,) = map_names([("Bench Press (Barbell)", 3)], CATALOGUE)
    assert bench.exercise_id != "dumbbell-bench-press"
    assert bench.match is Match.NEW


@pytest.mark.parametrize(
    ("name", "base"),
    [("Pull Up (Weighted)", "pull-up"), ("Weighted Chin Up", "chin-up"),
     ("Weighted Pull-ups", "pull-up")],
)  # fmt: skip
def test_a_weighted_variant_maps_to_its_base_exercise_with_added_load(name: str, base: str) -> None:
    (mapping,) = map_names([(name, 5)], CATALOGUE)
    assert (mapping.exercise_id, mapping.weighted) == (base, True)
    assert mapping.match is Match.EXACT


def test_a_weighted_variant_of_an_unknown_exercise_shares_the_base_custom_exercise() -> None:
    weighted, plain = map_names([("Dip (Weighted)", 3), ("Dip", 3)], CATALOGUE)
    assert weighted.exercise_id == plain.exercise_id == "custom-dip"
    assert weighted.weighted and not plain.weighted


def test_a_name_the_person_settled_before_is_remembered() -> None:
    remembered = {normalise_name("Hammer Strength Row"): "seated-cable-row"}
    (mapping,) = map_names([("Hammer Strength Row", 8)], CATALOGUE, remembered)
    assert (mapping.exercise_id, mapping.match) == ("seated-cable-row", Match.REMEMBERED)
    assert not mapping.needs_confirmation


def test_the_person_may_choose_an_exercise_by_id_or_name_or_a_new_one() -> None:
    matcher = NameMatcher(CATALOGUE)
    assert matcher.choose("Lat Pulldwon", "lat-pulldown").exercise_id == "lat-pulldown"
    assert matcher.choose("Iso Row", "Seated cable row").exercise_id == "seated-cable-row"
    new = matcher.choose("Iso Row", "new")
    assert new.custom is not None and new.exercise_id == "custom-iso-row"
    with pytest.raises(NotFound, match="exercise"):
        matcher.choose("Iso Row", "no such thing")


def test_a_custom_exercise_guesses_its_pattern_from_the_name() -> None:
    assert custom_exercise_for("Bicep Curl (Barbell)").pattern is Pattern.ISOLATION
    assert custom_exercise_for("Squat (Barbell)").primary == (Muscle.QUADRICEPS, Muscle.GLUTES)
    assert custom_exercise_for("Bench Press (Barbell)").pattern is Pattern.HORIZONTAL_PUSH
    assert custom_exercise_for("Lying Leg Curl").primary == (Muscle.HAMSTRINGS,)
    mystery = custom_exercise_for("Tyre Flip")
    assert mystery.pattern is Pattern.OTHER and mystery.primary == ()
    assert mystery.id == "custom-tyre-flip"
