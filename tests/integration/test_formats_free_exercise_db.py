"""The real free-exercise-db file maps onto backtone's vocabulary and accounts for every entry."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.formats.free_exercise_db import (
    CatalogueImport,
    EntryError,
    read_free_exercise_db,
)
from backtone.domain.catalogue import ExerciseFilter
from backtone.domain.exercise import Source
from backtone.domain.importing import FormatError
from backtone.domain.vocabulary import Equipment, Level, Muscle, Pattern

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "free-exercise-db"


@pytest.fixture(scope="module")
def entries() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((DATA / "exercises.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def result() -> CatalogueImport:
    return read_free_exercise_db((DATA / "exercises.json").read_text("utf-8"))


def test_every_entry_is_either_imported_or_left_out_with_its_id_and_reason(
    entries: list[dict[str, Any]], result: CatalogueImport
) -> None:
    assert result.entries_read == len(entries)
    assert len(result.exercises) + len(result.left_out) == len(entries)
    for gone in result.left_out:
        assert entries[gone.index]["id"] == gone.id
        assert gone.reason
    assert len(result.exercises) > len(entries) / 2


def test_unmapped_values_are_counted_by_the_entries_that_hold_them(
    entries: list[dict[str, Any]], result: CatalogueImport
) -> None:
    left_out = {gone.index for gone in result.left_out}
    for value in result.unmapped:
        assert value.field == "equipment"  # every muscle, level and category has a home
        dropped = [n for n in left_out if entries[n]["equipment"] == value.value]
        assert value.entries == len(dropped)
    assert sum(v.entries for v in result.unmapped) == len(result.left_out)


def test_every_value_of_the_schema_appears_in_the_summary(result: CatalogueImport) -> None:
    schema = json.loads((DATA / "schema.json").read_text("utf-8"))["properties"]
    shown = {(m.field, m.value) for m in result.mapped} | {
        (u.field, u.value) for u in result.unmapped
    }
    muscles = schema["primaryMuscles"]["items"][0]["enum"]
    assert {("muscle", m) for m in muscles} <= shown
    assert {("level", v) for v in schema["level"]["enum"]} <= shown
    assert {("category", v) for v in schema["category"]["enum"]} <= shown
    gear = {v if v is not None else "(not given)" for v in schema["equipment"]["enum"]}
    assert {("equipment", v) for v in gear} <= shown


def test_imported_entries_are_honest_about_where_they_come_from(
    entries: list[dict[str, Any]], result: CatalogueImport
) -> None:
    by_name = {e["name"]: e for e in entries}
    for exercise in result.exercises:
        assert exercise.id.startswith("fedb-")
        assert exercise.origin is Source.FREE_EXERCISE_DB
        assert exercise.prescription.source is Source.DEFAULT
        assert exercise.cues == exercise.mistakes == exercise.safety == ()
        their_steps = [s.strip() for s in by_name[exercise.name]["instructions"]]
        assert exercise.steps == tuple(s for s in their_steps if s)  # blank lines dropped
        expert = by_name[exercise.name]["level"] == "expert"
        assert (exercise.level is Level.ADVANCED) == expert


def test_they_join_the_builtin_catalogue_without_clashing_ids(result: CatalogueImport) -> None:
    combined = load_builtin_catalogue().with_exercises(result.exercises)
    assert "fedb-wide-grip-lat-pulldown" in combined


def test_back_exercises_get_the_pattern_their_name_and_muscles_say(
    result: CatalogueImport,
) -> None:
    by_id = {e.id: e for e in result.exercises}
    assert by_id["fedb-wide-grip-lat-pulldown"].pattern is Pattern.VERTICAL_PULL
    assert Equipment.LAT_PULLDOWN_MACHINE in by_id["fedb-wide-grip-lat-pulldown"].equipment
    assert by_id["fedb-seated-cable-rows"].pattern is Pattern.HORIZONTAL_PULL
    assert by_id["fedb-pullups"].equipment == {Equipment.PULL_UP_BAR}
    assert Muscle.LATISSIMUS_DORSI in by_id["fedb-pullups"].primary


def test_nothing_that_needs_gear_is_offered_to_someone_with_none(
    entries: list[dict[str, Any]], result: CatalogueImport
) -> None:
    gear_of = {e["name"]: e["equipment"] for e in entries}
    bodyweight = ExerciseFilter(equipment=frozenset({Equipment.NONE}))
    offered = [e for e in result.exercises if bodyweight.matches(e)]
    assert offered
    assert Counter(gear_of[e.name] for e in offered).keys() <= {"body only", None}


def entry(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "Test_Row", "name": "Test Row", "force": "pull", "level": "beginner",
        "mechanic": "compound", "equipment": "dumbbell", "primaryMuscles": ["middle back"],
        "secondaryMuscles": ["biceps"], "instructions": ["Pull.", "Lower."],
        "category": "strength", "images": [],
    }  # fmt: skip
    return base | changes


def test_malformed_json_names_the_line() -> None:
    with pytest.raises(FormatError, match=r"line 3: is not valid JSON"):
        read_free_exercise_db('[\n  {"id": "x",\n  "name": }\n]')


@pytest.mark.parametrize("field", ["name", "level", "primaryMuscles", "equipment"])
def test_an_entry_missing_a_required_field_names_its_index_id_and_field(field: str) -> None:
    broken = entry(id="Broken_One")
    del broken[field]
    with pytest.raises(EntryError, match=rf"entry 1 \('Broken_One'\): {field}: is missing"):
        read_free_exercise_db(json.dumps([entry(), broken]))


def test_a_field_of_the_wrong_type_is_refused_with_what_is_expected() -> None:
    with pytest.raises(EntryError, match=r"entry 0 \('Test_Row'\): primaryMuscles: 'lats'"):
        read_free_exercise_db(json.dumps([entry(primaryMuscles="lats")]))


def test_unknown_muscles_are_reported_and_an_entry_without_a_known_one_is_left_out() -> None:
    result = read_free_exercise_db(json.dumps([
        entry(id="Wings", primaryMuscles=["wings"]),
        entry(id="Odd_Row", secondaryMuscles=["biceps", "gills"]),
    ]))  # fmt: skip
    assert [(g.index, g.id) for g in result.left_out] == [(0, "Wings")]
    assert "no primary muscle" in result.left_out[0].reason
    (kept,) = result.exercises
    assert (kept.id, kept.secondary) == ("fedb-odd-row", (Muscle.BICEPS,))
    assert {(u.field, u.value, u.entries, u.effect) for u in result.unmapped} == {
        ("primaryMuscles", "wings", 1, "entry left out"),
        ("secondaryMuscles", "gills", 1, "muscle dropped"),
    }


def test_importing_the_same_data_twice_gives_the_same_ids() -> None:
    once = read_free_exercise_db(json.dumps([entry()]))
    again = read_free_exercise_db(json.dumps([entry()]))
    assert once.exercises == again.exercises
