"""Exercises to and from plain dicts: the shape of the data files, the JSON output and storage.

Spans are written as "12-15" (or "10"), enums as their slugs; see docs/catalogue.md.
"""

from __future__ import annotations

from typing import Any

from backtone.adapters.catalogue.loader import parse_exercise
from backtone.domain.catalogue import Catalogue, Routine
from backtone.domain.exercise import Exercise, Prescription, Span


def _span(span: Span | None) -> str | None:
    return None if span is None else str(span)


def prescription_to_dict(p: Prescription) -> dict[str, Any]:
    out: dict[str, Any] = {"sets": p.sets}
    if p.reps is not None:
        out["reps"] = _span(p.reps)
    if p.seconds is not None:
        out["seconds"] = _span(p.seconds)
    out.update(
        rest_seconds=_span(p.rest_seconds), per_side=p.per_side, source=p.source.value, note=p.note
    )
    return out


def exercise_to_dict(e: Exercise) -> dict[str, Any]:
    """Every field of an exercise, JSON-ready, in a stable key order."""
    return {
        "id": e.id,
        "name": e.name,
        "aliases": list(e.aliases),
        "kind": e.kind.value,
        "pattern": e.pattern.value,
        "level": e.level.value,
        "primary": [m.value for m in e.primary],
        "secondary": [m.value for m in e.secondary],
        "equipment": sorted(q.value for q in e.equipment),
        "support": sorted(q.value for q in e.supports),
        "load": e.load.value,
        "origin": e.origin.value,
        "featured_in": [s.value for s in e.featured_in],
        "avoid": {limit.value: why for limit, why in e.avoid},
        "seconds_per_rep": e.seconds_per_rep,
        "summary": e.summary,
        "setup": e.setup,
        "steps": list(e.steps),
        "cues": list(e.cues),
        "mistakes": list(e.mistakes),
        "safety": list(e.safety),
        "easier": list(e.easier),
        "harder": list(e.harder),
        "prescription": prescription_to_dict(e.prescription),
    }


def exercise_from_dict(data: dict[str, Any], where: str = "stored exercise") -> Exercise:
    """The inverse of exercise_to_dict, validating as the loader does (text fields optional)."""
    table = {k: v for k, v in data.items() if v is not None}
    table["prescription"] = {k: v for k, v in data.get("prescription", {}).items() if v is not None}
    return parse_exercise(table, where, strict=False)


def routine_to_dict(r: Routine, catalogue: Catalogue) -> dict[str, Any]:
    """A routine with each item's numbers as written (its own, else its exercise's)."""
    return {
        "id": r.id,
        "name": r.name,
        "summary": r.summary,
        "source": r.source.value,
        "note": r.note,
        "items": [
            {
                "exercise": i.exercise_id,
                **prescription_to_dict(r.numbers(i, catalogue)),
                "item_note": i.note,
            }
            for i in r.items
        ],
    }
