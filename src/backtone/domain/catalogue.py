"""The catalogue: every exercise and routine the coach knows, with lookup and filtering."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from backtone.domain.errors import InvalidInput, NotFound
from backtone.domain.exercise import Exercise, Prescription, Source
from backtone.domain.vocabulary import Equipment, Kind, Level, Muscle, Pattern


@dataclass(frozen=True)
class RoutineItem:
    """One exercise of a routine; without its own numbers it takes the exercise's."""

    exercise_id: str
    prescription: Prescription | None = None
    note: str = ""


@dataclass(frozen=True)
class Routine:
    """A fixed list of exercises done in order, such as the routine that closes seed 003."""

    id: str
    name: str
    summary: str
    source: Source
    items: tuple[RoutineItem, ...]
    note: str = ""

    def numbers(self, item: RoutineItem, catalogue: Catalogue) -> Prescription:
        """An item's prescription as written: its own, else its exercise's."""
        return item.prescription or catalogue.get(item.exercise_id).prescription


@dataclass(frozen=True)
class ExerciseFilter:
    """What a person narrows the library down to; every field is optional."""

    muscle: Muscle | None = None
    equipment: frozenset[Equipment] | None = None  # what they have: show what it allows
    level: Level | None = None  # at or below this level
    kind: Kind | None = None
    pattern: Pattern | None = None
    text: str = ""

    def matches(self, exercise: Exercise) -> bool:
        if self.muscle is not None and self.muscle not in exercise.muscles:
            return False
        if self.equipment is not None and not exercise.doable_with(self.equipment):
            return False
        if self.level is not None and exercise.level.rank > self.level.rank:
            return False
        if self.kind is not None and exercise.kind is not self.kind:
            return False
        if self.pattern is not None and exercise.pattern is not self.pattern:
            return False
        return not self.text or all(word in _haystack(exercise) for word in _words(self.text))


# Words that make a different exercise: a close spelling must agree on all of them, or
# "Bench Press (Barbell)" would quietly become a dumbbell press.
DISTINGUISHING_WORDS = frozenset(
    {
        "barbell",
        "dumbbell",
        "cable",
        "machine",
        "band",
        "kettlebell",
        "smith",
        "assisted",
        "negative",
        "single",
        "one",
        "arm",
        "leg",
        "wide",
        "close",
        "narrow",
        "incline",
        "decline",
        "reverse",
        "seated",
        "standing",
        "chest",
        "supported",
        "romanian",
    }
)


def _same_variant(a: str, b: str) -> bool:
    return DISTINGUISHING_WORDS.intersection(a.split()) == DISTINGUISHING_WORDS.intersection(
        b.split()
    )


def normalise_name(text: str) -> str:
    """Fold a typed exercise name to compare it: lower case, words only, 'dumbell' typo too."""
    text = text.lower().replace("dumbell", "dumbbell").replace("pullup", "pull-up")
    return " ".join(_words(text))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _haystack(exercise: Exercise) -> str:
    parts = [exercise.id, exercise.name, *exercise.aliases, exercise.summary]
    parts += [m.label for m in exercise.muscles] + [e.label for e in exercise.equipment]
    return " ".join(_words(" ".join(parts)))


class Catalogue:
    """An immutable set of exercises and routines, looked up by id, name or alias."""

    def __init__(self, exercises: Iterable[Exercise], routines: Iterable[Routine] = ()) -> None:
        self._exercises: dict[str, Exercise] = {}
        for exercise in exercises:
            if exercise.id in self._exercises:
                raise InvalidInput("id", f"{exercise.id!r} is used twice", "unique ids")
            self._exercises[exercise.id] = exercise
        self._routines = {r.id: r for r in routines}
        self._names: dict[str, str] = {}
        for exercise in self._exercises.values():
            for name in (exercise.id, exercise.name, *exercise.aliases):
                self._names.setdefault(normalise_name(name), exercise.id)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._exercises.values())

    def __len__(self) -> int:
        return len(self._exercises)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._exercises

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id; unknown ids raise NotFound with the closest ids."""
        try:
            return self._exercises[exercise_id]
        except KeyError:
            raise NotFound("exercise", exercise_id, self.suggest(exercise_id)) from None

    def resolve(self, name: str) -> Exercise:
        """The exercise a typed name means: its id, name or an alias, else one close match.

        >>> catalogue.resolve("Bent Over Dumbell Row").id  # doctest: +SKIP
        'bent-over-dumbbell-row'
        """
        key = normalise_name(name)
        if key in self._names:
            return self._exercises[self._names[key]]
        for close in difflib.get_close_matches(key, self._names, n=5, cutoff=0.85):
            if _same_variant(key, close):
                return self._exercises[self._names[close]]
        raise NotFound("exercise", name, self.suggest(name))

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Ids of the exercises whose id, name or alias reads closest to `text`."""
        key = normalise_name(text)
        found: list[str] = []
        for name in difflib.get_close_matches(key, self._names, n=limit * 3, cutoff=0.5):
            exercise_id = self._names[name]
            if exercise_id not in found:
                found.append(exercise_id)
        if not found:  # fall back on shared words: "row" finds every row
            words = set(_words(text))
            found = [e.id for e in self if words & set(_words(_haystack(e)))]
        return found[:limit]

    def find(self, query: ExerciseFilter) -> list[Exercise]:
        """Exercises matching the filter, primary-muscle matches first, then by name."""
        hits = [e for e in self if query.matches(e)]
        if query.muscle is not None:
            muscle = query.muscle
            hits.sort(key=lambda e: (muscle not in e.primary, e.name))
        else:
            hits.sort(key=lambda e: e.name)
        return hits

    @property
    def routines(self) -> list[Routine]:
        return sorted(self._routines.values(), key=lambda r: r.name)

    def routine(self, routine_id: str) -> Routine:
        try:
            return self._routines[routine_id]
        except KeyError:
            close = difflib.get_close_matches(routine_id, self._routines, n=3, cutoff=0.4)
            raise NotFound("routine", routine_id, close) from None

    def with_exercises(self, extra: Iterable[Exercise]) -> Catalogue:
        """This catalogue plus a person's own entries (which may not reuse a built-in id)."""
        added = list(extra)
        if not added:  # most people have none: skip rebuilding the name index
            return self
        return Catalogue([*self, *added], self._routines.values())
