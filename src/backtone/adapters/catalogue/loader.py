"""Loads the built-in catalogue from the TOML files beside this module, validating every field.

A malformed file fails with the file, the entry and the field, and what is allowed there.
The format is documented in docs/catalogue.md.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from backtone.domain.catalogue import Catalogue, Routine, RoutineItem
from backtone.domain.errors import InvalidInput
from backtone.domain.exercise import Exercise, Prescription, Source, Span
from backtone.domain.vocabulary import (
    Equipment,
    Kind,
    Level,
    Limitation,
    LoadKind,
    Muscle,
    Pattern,
)

E = TypeVar("E", bound=Enum)

EXERCISE_FIELDS = {
    "id", "name", "aliases", "kind", "pattern", "level", "primary", "secondary", "equipment",
    "load", "featured_in", "avoid_with", "seconds_per_rep", "summary", "setup", "steps", "cues",
    "mistakes", "safety", "easier", "harder", "prescription", "origin",
}  # fmt: skip
PRESCRIPTION_FIELDS = {"sets", "reps", "seconds", "rest_seconds", "per_side", "source", "note"}
ROUTINE_FIELDS = {"id", "name", "summary", "source", "note", "item"}
ITEM_FIELDS = PRESCRIPTION_FIELDS | {"exercise"}
REQUIRED_TEXT = ("summary", "setup")
REQUIRED_LISTS = ("steps", "cues", "mistakes", "safety")


class CatalogueDataError(InvalidInput):
    """A data file breaks the catalogue format: names the file, the entry and the field."""

    def __init__(self, where: str, field: str, problem: str, allowed: str = "") -> None:
        self.where = where
        super().__init__(f"{where}: {field}", problem, allowed)


class _Entry:
    """Reads typed fields out of one TOML table, reporting errors with their location."""

    def __init__(self, table: dict[str, Any], where: str, known: set[str]) -> None:
        self.table = table
        self.where = where
        unknown = sorted(set(table) - known)
        if unknown:
            self.fail(unknown[0], "is not a field of this format", ", ".join(sorted(known)))

    def fail(self, field: str, problem: str, allowed: str = "") -> NoReturn:
        raise CatalogueDataError(self.where, field, problem, allowed)

    def text(self, field: str, *, required: bool = True) -> str:
        value = self.table.get(field, "")
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(field, "is missing or not text", "a non-empty string")
        return str(value).strip()

    def texts(self, field: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.table.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(field, "must be a list of non-empty strings", "a list of strings")
        if required and not value:
            self.fail(field, "must not be empty", "at least one entry")
        return tuple(str(v).strip() for v in value)

    def term(self, field: str, enum: type[E], default: E | None = None) -> E:
        value = self.table.get(field)
        if value is None and default is not None:
            return default
        try:
            return enum(value)
        except ValueError:
            self.fail(field, f"unknown value {value!r}", ", ".join(m.value for m in enum))

    def terms(self, field: str, enum: type[E], *, required: bool = False) -> tuple[E, ...]:
        out = []
        for value in self.texts(field, required=required):
            try:
                out.append(enum(value))
            except ValueError:
                self.fail(field, f"unknown value {value!r}", ", ".join(m.value for m in enum))
        return tuple(out)

    def number(self, field: str, default: float | None = None, low: float = 0.0) -> float:
        value = self.table.get(field, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < low:
            self.fail(field, f"{value!r} is not a number of at least {low:g}", "a number")
        return float(value)

    def span(self, field: str) -> Span | None:
        value = self.table.get(field)
        if value is None:
            return None
        text = str(value)
        low, _, high = text.partition("-")
        try:
            return Span(int(low), int(high or low))
        except (ValueError, InvalidInput):
            self.fail(field, f"{value!r} is not a count or range", 'a whole number or "12-15"')

    def flag(self, field: str) -> bool:
        value = self.table.get(field, False)
        if not isinstance(value, bool):
            self.fail(field, f"{value!r} is not true or false", "true, false")
        return bool(value)


def _prescription(entry: _Entry) -> Prescription:
    rest = entry.span("rest_seconds")
    if rest is None:
        entry.fail("rest_seconds", "is missing", 'seconds, e.g. 60 or "30-60"')
    try:
        return Prescription(
            sets=int(entry.number("sets", low=1)),
            reps=entry.span("reps"),
            seconds=entry.span("seconds"),
            rest_seconds=rest or Span(0, 0),
            per_side=entry.flag("per_side"),
            source=entry.term("source", Source),
            note=entry.text("note", required=False),
        )
    except CatalogueDataError:
        raise
    except InvalidInput as error:
        entry.fail(error.field, error.problem, error.allowed)


def parse_exercise(table: dict[str, Any], where: str, *, strict: bool = True) -> Exercise:
    """One `[[exercise]]` table as a domain Exercise.

    Built-in entries are `strict`: every text field is required. Imported open data may
    lack cues or safety notes, and says so rather than inventing them.
    """
    entry = _Entry(table, where, EXERCISE_FIELDS)
    exercise_id = entry.text("id")
    entry.where = f"{where} ({exercise_id})"
    if exercise_id != exercise_id.lower() or " " in exercise_id:
        entry.fail("id", f"{exercise_id!r} is not a slug", "lower-case words joined by '-'")
    raw_prescription = table.get("prescription")
    if not isinstance(raw_prescription, dict):
        entry.fail("prescription", "is missing", "a [exercise.prescription] table")
    for field in REQUIRED_TEXT:
        entry.text(field, required=strict)
    for field in REQUIRED_LISTS:
        entry.texts(field, required=strict)
    return Exercise(
        id=exercise_id,
        name=entry.text("name"),
        aliases=entry.texts("aliases"),
        kind=entry.term("kind", Kind),
        pattern=entry.term("pattern", Pattern),
        level=entry.term("level", Level),
        primary=entry.terms("primary", Muscle, required=True),
        secondary=entry.terms("secondary", Muscle),
        equipment=frozenset(entry.terms("equipment", Equipment, required=True)),
        load=entry.term("load", LoadKind),
        featured_in=entry.terms("featured_in", Source),
        origin=entry.term("origin", Source, Source.DEFAULT),
        avoid_with=frozenset(entry.terms("avoid_with", Limitation)),
        seconds_per_rep=entry.number("seconds_per_rep", default=3.0, low=0.5),
        summary=entry.text("summary", required=strict),
        setup=entry.text("setup", required=strict),
        steps=entry.texts("steps"),
        cues=entry.texts("cues"),
        mistakes=entry.texts("mistakes"),
        safety=entry.texts("safety"),
        easier=entry.texts("easier"),
        harder=entry.texts("harder"),
        prescription=_prescription(
            _Entry(raw_prescription, f"{entry.where} prescription", PRESCRIPTION_FIELDS)
        ),
    )


def parse_routine(table: dict[str, Any], where: str) -> Routine:
    entry = _Entry(table, where, ROUTINE_FIELDS)
    routine_id = entry.text("id")
    entry.where = f"{where} ({routine_id})"
    items = table.get("item", [])
    if not isinstance(items, list) or not items:
        entry.fail("item", "must list the routine's exercises", "[[routine.item]] tables")
    parsed = []
    for number, item in enumerate(items, start=1):
        item_entry = _Entry(item, f"{entry.where} item {number}", ITEM_FIELDS)
        parsed.append(
            RoutineItem(
                exercise_id=item_entry.text("exercise"),
                prescription=_prescription(item_entry),
                note=item_entry.text("note", required=False),
            )
        )
    return Routine(
        id=routine_id,
        name=entry.text("name"),
        summary=entry.text("summary"),
        source=entry.term("source", Source),
        note=entry.text("note", required=False),
        items=tuple(parsed),
    )


def _read_toml(path: Path | Any, label: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CatalogueDataError(label, "file", f"is not valid TOML: {error}", "TOML") from None


def check_links(catalogue: Catalogue) -> None:
    """Every variant link points at a known exercise, both ways, and routines name real ones."""
    for exercise in catalogue:
        for field, back in (("easier", "harder"), ("harder", "easier")):
            for other_id in getattr(exercise, field):
                if other_id not in catalogue:
                    raise CatalogueDataError(exercise.id, field, f"unknown exercise {other_id!r}")
                if exercise.id not in getattr(catalogue.get(other_id), back):
                    raise CatalogueDataError(
                        other_id, back, f"should list {exercise.id!r}",
                        f"{exercise.id} lists {other_id} as {field}",
                    )  # fmt: skip
    for routine in catalogue.routines:
        for item in routine.items:
            if item.exercise_id not in catalogue:
                raise CatalogueDataError(routine.id, "exercise", f"unknown {item.exercise_id!r}")


def load_catalogue_from(files: Iterable[tuple[str, Path | Any]]) -> Catalogue:
    """Build a catalogue from (label, path) pairs of TOML files."""
    exercises: list[Exercise] = []
    routines: list[Routine] = []
    parsers: dict[str, Callable[[dict[str, Any], str], Any]] = {
        "exercise": parse_exercise,
        "routine": parse_routine,
    }
    for label, path in files:
        document = _read_toml(path, label)
        for section, tables in document.items():
            if section not in parsers:
                raise CatalogueDataError(label, section, "is not a section", "exercise, routine")
            for number, table in enumerate(tables, start=1):
                parsed = parsers[section](table, f"{label} {section} #{number}")
                (exercises if section == "exercise" else routines).append(parsed)
    try:
        catalogue = Catalogue(exercises, routines)
    except InvalidInput as error:
        raise CatalogueDataError("catalogue", error.field, error.problem, error.allowed) from None
    check_links(catalogue)
    return catalogue


@cache
def load_builtin_catalogue() -> Catalogue:
    """The read-only catalogue shipped with backtone (parsed once per process)."""
    data = resources.files("backtone.adapters.catalogue") / "data"
    files = sorted((f.name, f) for f in data.iterdir() if f.name.endswith(".toml"))
    return load_catalogue_from(files)
