from __future__ import annotations

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.name_mapping import Match, custom_exercise_for, map_names
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
    assert mapped["Lat Pulldwon (Cable)"].match is Match.CLOSE
    assert mapped["Lat Pulldwon (Cable)"].exercise_id == "lat-pulldown"
    assert mapped["Leg Press"].match is Match.NEW
    assert mapped["Leg Press"].sets == 12


def test_a_custom_exercise_guesses_its_pattern_from_the_name() -> None:
    assert custom_exercise_for("Bicep Curl (Barbell)").pattern is Pattern.ISOLATION
    assert custom_exercise_for("Squat (Barbell)").primary == (Muscle.QUADRICEPS, Muscle.GLUTES)
    assert custom_exercise_for("Bench Press (Barbell)").pattern is Pattern.HORIZONTAL_PUSH
    mystery = custom_exercise_for("Tyre Flip")
    assert mystery.pattern is Pattern.OTHER and mystery.primary == ()
    assert mystery.id == "custom-tyre-flip"
