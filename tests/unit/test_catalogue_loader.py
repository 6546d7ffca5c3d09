"""A malformed catalogue file fails on load, naming the file, the entry, the field and what is
allowed there; a well-formed one loads across files."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtone.adapters.catalogue.loader import CatalogueDataError, load_catalogue_from
from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import InvalidInput
from backtone.domain.exercise import Source, Span
from backtone.domain.vocabulary import Muscle


def entry(exercise_id: str = "test-row", *, extra: str = "", **fields: str) -> str:
    """One complete [[exercise]] table; `fields` replace lines (a value of '' drops the field)."""
    lines = {
        "id": f'"{exercise_id}"',
        "name": f'"{exercise_id.replace("-", " ").capitalize()}"',
        "aliases": f'["{exercise_id} for tests"]',
        "kind": '"strength"',
        "pattern": '"horizontal-pull"',
        "level": '"beginner"',
        "primary": '["rhomboids"]',
        "secondary": '["biceps"]',
        "equipment": '["dumbbells"]',
        "load": '"dumbbell"',
        "summary": '"A row."',
        "setup": '"Stand."',
        "steps": '["Pull.", "Lower."]',
        "cues": '["Elbows back."]',
        "mistakes": '["Swinging."]',
        "safety": '["Go light."]',
        "easier": "[]",
        "harder": "[]",
    }
    prescription = {"sets": "3", "reps": '"10-12"', "rest_seconds": "60", "source": '"default"'}
    for key, value in fields.items():
        target = prescription if key in prescription or key.startswith("p_") else lines
        target[key.removeprefix("p_")] = value
    body = "".join(f"{k} = {v}\n" for k, v in lines.items() if v)
    table = "".join(f"{k} = {v}\n" for k, v in prescription.items() if v)
    return f"[[exercise]]\n{body}{extra}\n[exercise.prescription]\n{table}\n"


def load(tmp_path: Path, **files: str) -> Catalogue:
    paths = []
    for name, text in files.items():
        path = tmp_path / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        paths.append((path.name, path))
    return load_catalogue_from(paths)


def load_error(tmp_path: Path, **files: str) -> str:
    with pytest.raises(CatalogueDataError) as caught:
        load(tmp_path, **files)
    assert isinstance(caught.value, InvalidInput)  # the CLI shows it as a message, not a trace
    return str(caught.value)


def test_a_complete_entry_loads_into_a_domain_exercise(tmp_path: Path) -> None:
    catalogue = load(tmp_path, rows=entry())
    row = catalogue.get("test-row")
    assert row.primary == (Muscle.RHOMBOIDS,)
    assert row.prescription.reps == Span(10, 12)
    assert row.prescription.rest_seconds == Span(60, 60)
    assert row.prescription.source is Source.DEFAULT


def test_links_and_routines_may_point_into_other_files(tmp_path: Path) -> None:
    routine = (
        '[[routine]]\nid = "r"\nname = "R"\nsummary = "Both."\nsource = "default"\n'
        '[[routine.item]]\nexercise = "hard-row"\nsets = 2\nreps = "5"\nrest_seconds = "90"\n'
        'source = "default"\n'
    )
    catalogue = load(
        tmp_path,
        easy=entry("easy-row", harder='["hard-row"]'),
        hard=entry("hard-row", easier='["easy-row"]'),
        routines=routine,
    )
    assert catalogue.get("easy-row").harder == ("hard-row",)
    assert catalogue.routine("r").items[0].prescription.reps == Span(5, 5)


@pytest.mark.parametrize("field", ["name", "summary", "setup", "cues", "safety", "equipment"])
def test_a_missing_field_names_the_file_entry_and_field(tmp_path: Path, field: str) -> None:
    message = load_error(tmp_path, rows=entry(**{field: ""}))
    assert message.startswith("rows.toml exercise #1 (test-row)")
    assert f": {field}:" in message
    assert "allowed:" in message


def test_a_missing_prescription_is_reported(tmp_path: Path) -> None:
    text = entry().split("[exercise.prescription]")[0]
    message = load_error(tmp_path, rows=text)
    assert "rows.toml exercise #1 (test-row): prescription: is missing" in message


def test_an_unknown_muscle_lists_the_vocabulary(tmp_path: Path) -> None:
    message = load_error(tmp_path, rows=entry(primary='["lats"]'))
    assert "rows.toml exercise #1 (test-row): primary: unknown value 'lats'" in message
    assert "latissimus-dorsi" in message and "rhomboids" in message


@pytest.mark.parametrize(
    ("field", "value"), [("kind", '"cardio-ish"'), ("level", '"expert"'), ("equipment", '["rope"]')]
)
def test_unknown_vocabulary_terms_are_refused(tmp_path: Path, field: str, value: str) -> None:
    message = load_error(tmp_path, rows=entry(**{field: value}))
    assert f"(test-row): {field}: unknown value" in message


@pytest.mark.parametrize("bad", ['"15-12"', '"ten"', '"-5"', '""', "12.5"])
def test_a_range_that_runs_backwards_or_is_not_a_number_is_refused(
    tmp_path: Path, bad: str
) -> None:
    message = load_error(tmp_path, rows=entry(reps=bad))
    assert "rows.toml exercise #1 (test-row) prescription: reps:" in message
    assert 'a whole number or "12-15"' in message


def test_a_prescription_with_both_reps_and_seconds_is_refused(tmp_path: Path) -> None:
    message = load_error(tmp_path, rows=entry(p_seconds='"30"'))
    assert "(test-row) prescription: prescription: give either reps or seconds" in message


def test_an_out_of_range_set_count_is_refused(tmp_path: Path) -> None:
    message = load_error(tmp_path, rows=entry(sets="12"))
    assert "(test-row) prescription: sets: 12 is out of range (allowed: 1-10)" in message


def test_an_unknown_field_lists_the_known_ones(tmp_path: Path) -> None:
    message = load_error(tmp_path, rows=entry(extra='colour = "red"\n'))
    # The entry is named by its position: unknown fields are caught before the id is read.
    assert message.startswith("rows.toml exercise #1")
    assert ": colour: is not a field of this format" in message
    assert "primary" in message and "prescription" in message


def test_an_unknown_prescription_field_is_refused(tmp_path: Path) -> None:
    message = load_error(tmp_path, rows=entry(p_tempo='"3-1-1"'))
    assert "(test-row) prescription: tempo: is not a field of this format" in message


def test_an_id_that_is_not_a_slug_is_refused(tmp_path: Path) -> None:
    message = load_error(tmp_path, rows=entry("Test Row"))
    assert "id: 'Test Row' is not a slug" in message


def test_a_one_way_link_says_which_entry_must_link_back(tmp_path: Path) -> None:
    message = load_error(
        tmp_path,
        rows=entry("easy-row", harder='["hard-row"]') + entry("hard-row"),
    )
    assert "(hard-row): easier: should list 'easy-row'" in message
    assert "easy-row lists hard-row as harder" in message


def test_a_link_to_an_unknown_exercise_names_it(tmp_path: Path) -> None:
    message = load_error(tmp_path, rows=entry(harder='["no-such-row"]'))
    assert "(test-row): harder: unknown exercise 'no-such-row'" in message


def test_a_duplicate_id_is_refused(tmp_path: Path) -> None:
    message = load_error(tmp_path, a=entry(), b=entry())
    assert "(test-row): id: is already used in a.toml" in message


@pytest.mark.parametrize("case", ["one-way link", "unknown link", "duplicate id"])
def test_cross_entry_errors_also_name_the_file(tmp_path: Path, case: str) -> None:
    files = {
        "one-way link": {"rows": entry("easy-row", harder='["hard-row"]') + entry("hard-row")},
        "unknown link": {"rows": entry(harder='["no-such-row"]')},
        "duplicate id": {"a": entry(), "rows": entry()},
    }[case]
    assert "rows.toml" in load_error(tmp_path, **files)


def test_invalid_toml_names_the_file_and_the_line(tmp_path: Path) -> None:
    message = load_error(tmp_path, rows=entry() + 'oops = "unterminated\n')
    assert message.startswith("rows.toml: file: is not valid TOML")
    assert "line" in message


def test_an_unknown_section_is_refused(tmp_path: Path) -> None:
    message = load_error(tmp_path, rows='[[workout]]\nid = "x"\n')
    assert "rows.toml: workout: is not a section (allowed: exercise, routine)" in message


def test_a_routine_naming_an_unknown_exercise_is_refused(tmp_path: Path) -> None:
    routine = (
        '[[routine]]\nid = "r"\nname = "R"\nsummary = "S."\nsource = "seed-003"\n'
        '[[routine.item]]\nexercise = "ghost-row"\nsets = 3\nreps = "10"\nrest_seconds = "30"\n'
        'source = "seed-003"\n'
    )
    message = load_error(tmp_path, rows=entry(), routines=routine)
    assert "(r): exercise: unknown exercise 'ghost-row'" in message


def test_a_routine_without_items_is_refused(tmp_path: Path) -> None:
    routine = '[[routine]]\nid = "r"\nname = "R"\nsummary = "S."\nsource = "default"\n'
    message = load_error(tmp_path, routines=routine)
    assert "routines.toml routine #1 (r): item: must list the routine's exercises" in message


def test_a_routine_item_with_an_unknown_source_is_refused(tmp_path: Path) -> None:
    routine = (
        '[[routine]]\nid = "r"\nname = "R"\nsummary = "S."\nsource = "default"\n'
        '[[routine.item]]\nexercise = "test-row"\nsets = 3\nreps = "10"\nrest_seconds = "30"\n'
        'source = "blog"\n'
    )
    message = load_error(tmp_path, rows=entry(), routines=routine)
    assert "routines.toml routine #1 (r) item 1: source: unknown value 'blog'" in message
    assert "seed-003" in message


def test_a_name_claimed_by_two_entries_is_refused(tmp_path: Path) -> None:
    message = load_error(
        tmp_path, rows=entry("a-row") + entry("b-row", aliases='["a-row for tests"]')
    )
    assert "rows.toml (b-row): aliases" in message and "already names a-row" in message


def test_a_single_bracket_section_says_to_use_double_brackets(tmp_path: Path) -> None:
    message = load_error(tmp_path, rows=entry().replace("[[exercise]]", "[exercise]", 1))
    assert "[[exercise]]" in message


def test_fractional_sets_are_refused(tmp_path: Path) -> None:
    assert "sets" in load_error(tmp_path, rows=entry(sets="3.5"))
