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

from backtone.domain.catalogue import Catalogue, Routine, RoutineItem, normalise_name
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
    "support", "load", "featured_in", "avoid", "avoid_with", "seconds_per_rep", "summary",
    "setup", "steps", "cues", "mistakes", "safety", "easier", "harder", "prescription", "origin",
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

    def __init__(self, table: object, where: str, known: set[str]) -> None:
        self.where = where
        if not isinstance(table, dict):
            self.fail("table", "is not a table", "[[section]] tables of fields")
        self.table: dict[str, Any] = table
        self.known = known

    def check_fields(self) -> None:
        unknown = sorted(set(self.table) - self.known)
        if unknown:
            self.fail(unknown[0], "is not a field of this format", ", ".join(sorted(self.known)))

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

    def reasons(self, field: str, enum: type[E], *, strict: bool) -> tuple[tuple[E, str], ...]:
        """A table of term = "reason", e.g. `avoid = { lower-back = "why" }`."""
        value = self.table.get(field, {})
        if not isinstance(value, dict):
            self.fail(field, "is not a table", '{ lower-back = "the reason" }')
        out = []
        for key, why in sorted(value.items()):
            try:
                term = enum(key)
            except ValueError:
                self.fail(field, f"unknown value {key!r}", ", ".join(m.value for m in enum))
            if not isinstance(why, str) or (strict and not why.strip()):
                self.fail(f"{field}.{key}", "needs a reason", "a short sentence saying why")
            out.append((term, why.strip()))
        return tuple(out)

    def flag(self, field: str) -> bool:
        value = self.table.get(field, False)
        if not isinstance(value, bool):
            self.fail(field, f"{value!r} is not true or false", "true, false")
        return bool(value)


def _prescription(entry: _Entry) -> Prescription:
    sets = entry.table.get("sets")
    if isinstance(sets, bool) or not isinstance(sets, int):
        entry.fail("sets", f"{sets!r} is not a whole number", "1-10")
    rest = entry.span("rest_seconds")
    if rest is None:
        entry.fail("rest_seconds", "is missing", 'seconds, e.g. 60 or "30-60"')
    try:
        return Prescription(
            sets=sets,
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
    entry.check_fields()
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
        primary=entry.terms("primary", Muscle, required=strict),
        secondary=entry.terms("secondary", Muscle),
        equipment=frozenset(entry.terms("equipment", Equipment, required=True)),
        load=entry.term("load", LoadKind),
        featured_in=entry.terms("featured_in", Source),
        origin=entry.term("origin", Source, Source.DEFAULT),
        avoid=_avoid(entry, strict),
        supports=frozenset(entry.terms("support", Equipment)),
        seconds_per_rep=entry.number("seconds_per_rep", default=3.0, low=0.5),
        summary=entry.text("summary", required=strict),
        setup=entry.text("setup", required=strict),
        steps=entry.texts("steps"),
        cues=entry.texts("cues"),
        mistakes=entry.texts("mistakes"),
        safety=entry.texts("safety"),
        easier=entry.texts("easier"),
        harder=entry.texts("harder"),
        prescription=_prescription(_checked_entry(raw_prescription, entry.where)),
    )


def _avoid(entry: _Entry, strict: bool) -> tuple[tuple[Limitation, str], ...]:
    """Limitations with their reasons; entries stored before reasons existed list only terms."""
    if "avoid_with" in entry.table:
        if strict:
            entry.fail("avoid_with", "gives no reasons", '[exercise.avoid] lower-back = "why"')
        return tuple((term, "") for term in entry.terms("avoid_with", Limitation))
    return entry.reasons("avoid", Limitation, strict=strict)


def _checked_entry(table: dict[str, Any], where: str) -> _Entry:
    entry = _Entry(table, f"{where} prescription", PRESCRIPTION_FIELDS)
    entry.check_fields()
    return entry


def parse_routine(table: dict[str, Any], where: str) -> Routine:
    entry = _Entry(table, where, ROUTINE_FIELDS)
    routine_id = entry.text("id")
    entry.where = f"{where} ({routine_id})"
    entry.check_fields()
    items = table.get("item", [])
    if not isinstance(items, list) or not items:
        entry.fail("item", "must list the routine's exercises", "[[routine.item]] tables")
    parsed = []
    for number, item in enumerate(items, start=1):
        item_entry = _Entry(item, f"{entry.where} item {number}", ITEM_FIELDS)
        item_entry.check_fields()
        numbers = any(k in item for k in PRESCRIPTION_FIELDS - {"note"})
        parsed.append(
            RoutineItem(
                exercise_id=item_entry.text("exercise"),
                prescription=_prescription(item_entry) if numbers else None,
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


def check_links(catalogue: Catalogue, files: dict[str, str]) -> None:
    """Every variant link points at a known exercise, both ways, and routines name real ones.

    `files` maps each id to the file it came from, so a broken link names its file.
    """
    for exercise in catalogue:
        where = f"{files.get(exercise.id, 'catalogue')} ({exercise.id})"
        for field, back in (("easier", "harder"), ("harder", "easier")):
            for other_id in getattr(exercise, field):
                if other_id not in catalogue:
                    raise CatalogueDataError(where, field, f"unknown exercise {other_id!r}")
                if exercise.id not in getattr(catalogue.get(other_id), back):
                    raise CatalogueDataError(
                        f"{files.get(other_id, 'catalogue')} ({other_id})",
                        back,
                        f"should list {exercise.id!r}",
                        f"{exercise.id} lists {other_id} as {field}",
                    )
    for routine in catalogue.routines:
        for item in routine.items:
            if item.exercise_id not in catalogue:
                raise CatalogueDataError(
                    f"{files.get(routine.id, 'catalogue')} ({routine.id})",
                    "exercise",
                    f"unknown exercise {item.exercise_id!r}",
                )


def _check_unique(entries: list[tuple[str, Exercise | Routine]]) -> dict[str, str]:
    """Ids and exercise names must each mean one thing; returns id -> file label."""
    files: dict[str, str] = {}
    names: dict[str, tuple[str, str]] = {}
    for label, item in entries:
        if item.id in files:
            raise CatalogueDataError(
                f"{label} ({item.id})", "id", f"is already used in {files[item.id]}", "unique ids"
            )
        files[item.id] = label
        if isinstance(item, Exercise):
            for name in (item.id, item.name, *item.aliases):
                key = normalise_name(name)
                owner = names.setdefault(key, (item.id, label))
                if owner[0] != item.id:
                    raise CatalogueDataError(
                        f"{label} ({item.id})",
                        "aliases",
                        f"{name!r} already names {owner[0]} in {owner[1]}",
                        "names unique to one entry",
                    )
    return files


def load_catalogue_from(files: Iterable[tuple[str, Path | Any]]) -> Catalogue:
    """Build a catalogue from (label, path) pairs of TOML files."""
    entries: list[tuple[str, Exercise | Routine]] = []
    parsers: dict[str, Callable[[dict[str, Any], str], Exercise | Routine]] = {
        "exercise": parse_exercise,
        "routine": parse_routine,
    }
    for label, path in files:
        document = _read_toml(path, label)
        for section, tables in document.items():
            if section not in parsers:
                raise CatalogueDataError(label, section, "is not a section", "exercise, routine")
            if not isinstance(tables, list):
                raise CatalogueDataError(
                    label, section, "is a single table", f"[[{section}]] (double brackets)"
                )
            for number, table in enumerate(tables, start=1):
                entries.append((label, parsers[section](table, f"{label} {section} #{number}")))
    labels = _check_unique(entries)
    catalogue = Catalogue(
        [e for _, e in entries if isinstance(e, Exercise)],
        [r for _, r in entries if isinstance(r, Routine)],
    )
    check_links(catalogue, labels)
    return catalogue


@cache
def load_builtin_catalogue() -> Catalogue:
    """The read-only catalogue shipped with backtone (parsed once per process)."""
    data = resources.files("backtone.adapters.catalogue") / "data"
    files = sorted((f.name, f) for f in data.iterdir() if f.name.endswith(".toml"))
    return load_catalogue_from(files)
