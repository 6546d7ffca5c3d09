"""Matching exercise names from other apps onto the catalogue, and custom entries for the rest."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from backtone.domain.catalogue import Catalogue, normalise_name
from backtone.domain.errors import NotFound
from backtone.domain.exercise import Exercise, Prescription, Source, Span
from backtone.domain.vocabulary import Equipment, Kind, Level, LoadKind, Muscle, Pattern


class Match(StrEnum):
    EXACT = "exact"  # the name, id or an alias, as written
    CLOSE = "close"  # a near spelling of one
    NEW = "new"  # nothing like it: a custom exercise is made


@dataclass(frozen=True)
class NameMapping:
    name: str
    exercise_id: str
    match: Match
    sets: int = 0


# Keywords that tell a custom exercise's pattern and main muscles, first match wins.
_GUESSES: tuple[tuple[str, Pattern, tuple[Muscle, ...]], ...] = (
    (
        "pulldown|pull down|pull up|pullup|chin up|chinup",
        Pattern.VERTICAL_PULL,
        (Muscle.LATISSIMUS_DORSI,),
    ),
    (
        "row|face pull|rear delt|reverse fly",
        Pattern.HORIZONTAL_PULL,
        (Muscle.RHOMBOIDS, Muscle.MIDDLE_TRAPEZIUS),
    ),
    (
        "deadlift|rdl|good morning|hip thrust|swing",
        Pattern.HINGE,
        (Muscle.HAMSTRINGS, Muscle.ERECTOR_SPINAE),
    ),
    ("squat|lunge|leg press|step up", Pattern.SQUAT, (Muscle.QUADRICEPS, Muscle.GLUTES)),
    (
        "overhead press|shoulder press|military|arnold",
        Pattern.VERTICAL_PUSH,
        (Muscle.FRONT_DELTOIDS,),
    ),
    ("bench|push up|pushup|chest press|dip|fly|flye", Pattern.HORIZONTAL_PUSH, (Muscle.PECTORALS,)),
    ("run|bike|cycling|rowing|elliptical|walk|treadmill", Pattern.CONDITIONING, ()),
    ("stretch", Pattern.STRETCH, ()),
    ("curl", Pattern.ISOLATION, (Muscle.BICEPS,)),
    ("triceps|tricep|skull crusher|kickback", Pattern.ISOLATION, (Muscle.TRICEPS,)),
    ("raise|shrug|calf|extension", Pattern.ISOLATION, ()),
)


def custom_exercise_for(name: str) -> Exercise:
    """A person's own entry for a name the catalogue does not know, its pattern guessed."""
    folded = normalise_name(name)
    pattern: Pattern = Pattern.OTHER
    primary: tuple[Muscle, ...] = ()
    for keywords, guessed, muscles in _GUESSES:
        if re.search(rf"\b({keywords})\b", folded):
            pattern, primary = guessed, muscles
            break
    timed = pattern in (Pattern.CONDITIONING, Pattern.STRETCH)
    return Exercise(
        id="custom-" + folded.replace(" ", "-"),
        name=name.strip(),
        kind=Kind.CARDIO if pattern is Pattern.CONDITIONING else Kind.STRENGTH,
        pattern=pattern,
        level=Level.BEGINNER,
        primary=primary,
        equipment=frozenset({Equipment.NONE}),
        load=LoadKind.UNLOADED if timed else LoadKind.BODYWEIGHT,
        summary="Added from an imported history; edit it to add muscles and cues.",
        prescription=Prescription(
            sets=3,
            reps=None if timed else Span(8, 12),
            seconds=Span(600, 600) if timed else None,
            rest_seconds=Span(90, 90),
            source=Source.DEFAULT,
        ),
        origin=Source.CUSTOM,
    )


def map_names(names: Iterable[tuple[str, int]], catalogue: Catalogue) -> list[NameMapping]:
    """How each (name, number of sets) maps onto the catalogue: exact, close, or new."""
    mappings = []
    for name, sets in names:
        try:
            found = catalogue.resolve(name)
        except NotFound:
            custom = custom_exercise_for(name)
            mappings.append(NameMapping(name, custom.id, Match.NEW, sets))
            continue
        exact = normalise_name(name) in {
            normalise_name(n) for n in (found.id, found.name, *found.aliases)
        }
        mappings.append(NameMapping(name, found.id, Match.EXACT if exact else Match.CLOSE, sets))
    return mappings
