"""Matching exercise names from other apps onto the catalogue, and custom entries for the rest.

In this order, first hit wins:
1. remembered: the person confirmed or corrected this name at an earlier import;
2. exact: the name, id or an alias, as written (case, punctuation and word order aside);
3. a weighted variant ("Pull Up (Weighted)", "Weighted Dips"): the base exercise, its load
   being added weight;
4. close: a near spelling scoring at least CLOSE_SCORE, agreeing on every word that makes a
   different exercise (barbell, incline...), and, when the name itself says its movement
   pattern or muscles, never crossing them: a reverse lunge never becomes a reverse fly;
5. new: a custom exercise of the person's own, its pattern guessed from the name.
Close and new mappings are shown for the person to confirm or correct; what they settle is
remembered, so no name is asked about twice.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from backtone.domain.catalogue import DISTINGUISHING_WORDS, Catalogue, normalise_name
from backtone.domain.errors import NotFound
from backtone.domain.exercise import Exercise, Prescription, Source, Span
from backtone.domain.vocabulary import Equipment, Kind, Level, LoadKind, Muscle, Pattern

CLOSE_SCORE = 0.85  # difflib similarity of the folded names, 0-1
NEW = "new"  # the answer that makes a custom exercise of a name


class Match(StrEnum):
    REMEMBERED = "remembered"  # as the person settled it at an earlier import
    EXACT = "exact"  # the name, id or an alias
    CLOSE = "close"  # a near spelling of one, same pattern and muscles
    NEW = "new"  # nothing like it: a custom exercise is made
    CHOSEN = "chosen"  # as the person corrected it in this import


@dataclass(frozen=True)
class NameMapping:
    name: str
    exercise_id: str
    match: Match
    sets: int = 0
    score: float | None = None  # how close a close match is, 0-1
    weighted: bool = False  # the base exercise, its load being added weight
    custom: Exercise | None = None  # the person's own entry, made for a new name

    @property
    def needs_confirmation(self) -> bool:
        """Close and new mappings are guesses: the person confirms or corrects each once."""
        return self.match in (Match.CLOSE, Match.NEW)


_M = Muscle
# Words that tell an exercise's movement pattern(s) and main muscles; first match wins.
_KINDS: tuple[tuple[str, frozenset[Pattern], tuple[Muscle, ...]], ...] = (
    ("run|running|jog|bike|biking|cycling|rowing|elliptical|walk|walking|treadmill|swim|"
     "swimming|stair|stairs|erg|sprint|jump rope|skipping",
     frozenset({Pattern.CONDITIONING}), ()),
    ("stretch|pose|yoga", frozenset({Pattern.STRETCH, Pattern.MOBILITY}), ()),
    ("face pull", frozenset({Pattern.HORIZONTAL_PULL}), (_M.REAR_DELTOIDS,)),
    ("reverse fly|reverse flye|reverse flyes|reverse flies|rear delt|pull apart|ytw|"
     "snow angel", frozenset({Pattern.SCAPULAR, Pattern.HORIZONTAL_PULL}),
     (_M.REAR_DELTOIDS, _M.RHOMBOIDS)),
    ("pulldown|pull down|pull up|pullup|pull ups|chin up|chinup|chin ups|lat pull",
     frozenset({Pattern.VERTICAL_PULL}), (_M.LATISSIMUS_DORSI,)),
    ("pullover|straight arm", frozenset({Pattern.SHOULDER_EXTENSION}), (_M.LATISSIMUS_DORSI,)),
    ("row|rows", frozenset({Pattern.HORIZONTAL_PULL}),
     (_M.LATISSIMUS_DORSI, _M.RHOMBOIDS, _M.MIDDLE_TRAPEZIUS)),
    ("back extension|hyperextension|superman",
     frozenset({Pattern.HINGE, Pattern.SPINAL_EXTENSION}), (_M.ERECTOR_SPINAE,)),
    ("deadlift|rdl|good morning|hip thrust|swing|bridge",
     frozenset({Pattern.HINGE}), (_M.HAMSTRINGS, _M.GLUTES, _M.ERECTOR_SPINAE)),
    ("leg curl|hamstring curl|nordic", frozenset({Pattern.ISOLATION}), (_M.HAMSTRINGS,)),
    ("squat|lunge|lunges|leg press|step up|split squat|leg extension",
     frozenset({Pattern.SQUAT, Pattern.ISOLATION}), (_M.QUADRICEPS, _M.GLUTES)),
    ("overhead press|shoulder press|military|arnold|push press",
     frozenset({Pattern.VERTICAL_PUSH}), (_M.FRONT_DELTOIDS,)),
    ("bench|push up|pushup|push ups|press up|chest press|dip|dips|fly|flye|flyes|crossover",
     frozenset({Pattern.HORIZONTAL_PUSH}), (_M.PECTORALS, _M.TRICEPS)),
    ("curl|curls", frozenset({Pattern.ISOLATION}), (_M.BICEPS, _M.FOREARMS)),
    ("triceps|tricep|skull crusher|skullcrusher|kickback|pushdown|push down",
     frozenset({Pattern.ISOLATION}), (_M.TRICEPS,)),
    ("calf|calves", frozenset({Pattern.ISOLATION}), (_M.CALVES,)),
    ("plank|crunch|sit up|situp|hollow|leg raise|knee raise|russian twist|dead bug|"
     "bird dog|pallof|ab wheel", frozenset({Pattern.ANTI_ROTATION, Pattern.ISOLATION}),
     (_M.RECTUS_ABDOMINIS, _M.TRANSVERSE_ABDOMINIS, _M.OBLIQUES, _M.ERECTOR_SPINAE)),
    ("hang|hangs", frozenset({Pattern.CARRY_HANG}), (_M.FOREARMS,)),
    ("raise|raises|shrug|shrugs|extension", frozenset({Pattern.ISOLATION, Pattern.SCAPULAR}), ()),
)  # fmt: skip
_KIND_PATTERNS = [(re.compile(rf"\b({words})\b"), p, m) for words, p, m in _KINDS]
_WEIGHTED = re.compile(r"\bweighted\b")


def guess_kind(name: str) -> tuple[frozenset[Pattern], tuple[Muscle, ...]] | None:
    """The movement patterns and main muscles a name says, or None when it says neither."""
    folded = normalise_name(name)
    for words, patterns, muscles in _KIND_PATTERNS:
        if words.search(folded):
            return patterns, muscles
    return None


def split_weighted(name: str) -> tuple[str, bool]:
    """'Pull Up (Weighted)' -> ('Pull Up', True): the base name and whether load is added."""
    if not _WEIGHTED.search(normalise_name(name)):
        return name, False
    base = re.sub(r"(?i)\(\s*weighted\s*\)|\bweighted\b", " ", name)
    base = re.sub(r"\(\s*\)", " ", base)
    return " ".join(base.split()).strip(" -,"), True


def custom_exercise_for(name: str) -> Exercise:
    """A person's own entry for a name the catalogue does not know, its pattern guessed."""
    folded = normalise_name(name)
    guess = guess_kind(name)
    pattern = Pattern.OTHER
    primary: tuple[Muscle, ...] = ()
    if guess is not None:
        patterns, primary = guess
        pattern = min(patterns, key=lambda p: list(Pattern).index(p))
        primary = primary[:2]
    timed = pattern in (Pattern.CONDITIONING, Pattern.STRETCH, Pattern.MOBILITY)
    return Exercise(
        id="custom-" + (folded.replace(" ", "-") or "exercise")[:100],
        name=name.strip()[:200],
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


def _words(folded: str) -> frozenset[str]:
    return frozenset(folded.split())


def _same_variant(a: str, b: str) -> bool:
    return DISTINGUISHING_WORDS & _words(a) == DISTINGUISHING_WORDS & _words(b)


def _compatible(name: str, candidate: Exercise) -> bool:
    """A close match may not cross the pattern or muscles the name itself says."""
    guess = guess_kind(name)
    if guess is None:
        return True
    patterns, muscles = guess
    if candidate.pattern not in patterns:
        return False
    return not muscles or not candidate.muscles or bool(set(muscles) & set(candidate.muscles))


class NameMatcher:
    """Maps names onto one catalogue, with what the person settled at earlier imports."""

    def __init__(self, catalogue: Catalogue, remembered: Mapping[str, str] | None = None) -> None:
        self.catalogue = catalogue
        self._remembered = dict(remembered or {})
        self._names: dict[str, Exercise] = {}
        self._word_sets: dict[frozenset[str], Exercise] = {}
        for exercise in catalogue:
            for text in (exercise.id, exercise.name, *exercise.aliases):
                folded = normalise_name(text)
                self._names.setdefault(folded, exercise)
                self._word_sets.setdefault(_words(folded), exercise)

    def map(self, name: str, sets: int = 0) -> NameMapping:
        """How one name maps: remembered, exact, weighted, close or new."""
        folded = normalise_name(name)
        remembered = self._remembered.get(folded)
        if remembered is not None and (remembered in self.catalogue or remembered == NEW):
            return self._chosen(name, remembered, sets, Match.REMEMBERED)
        exact = self._exact(folded)
        if exact is not None:
            return NameMapping(name, exact.id, Match.EXACT, sets)
        base, weighted = split_weighted(name)
        if weighted and base:
            found = self.map(base, sets)
            return NameMapping(name, found.exercise_id, found.match, sets, found.score, True,
                               found.custom)  # fmt: skip
        close = self._close(name, folded)
        if close is not None:
            exercise, score = close
            return NameMapping(name, exercise.id, Match.CLOSE, sets, round(score, 2))
        custom = custom_exercise_for(name)
        return NameMapping(name, custom.id, Match.NEW, sets, custom=custom)

    def choose(self, name: str, answer: str, sets: int = 0) -> NameMapping:
        """The person's correction: an exercise id or name, or 'new' for a custom one."""
        return self._chosen(name, answer, sets, Match.CHOSEN)

    def _chosen(self, name: str, answer: str, sets: int, match: Match) -> NameMapping:
        base, weighted = split_weighted(name)
        if answer.strip().lower() == NEW:
            custom = custom_exercise_for(base or name)
            known = custom.id in self.catalogue
            return NameMapping(name, custom.id, match, sets, weighted=weighted,
                               custom=None if known else custom)  # fmt: skip
        exercise = self._exact(normalise_name(answer))
        if exercise is None:
            raise NotFound("exercise", answer, self.catalogue.suggest(answer))
        return NameMapping(name, exercise.id, match, sets, weighted=weighted)

    def _exact(self, folded: str) -> Exercise | None:
        found = self._names.get(folded)
        if found is None and folded:
            found = self._word_sets.get(_words(folded))  # the same words in another order
        return found

    def _close(self, name: str, folded: str) -> tuple[Exercise, float] | None:
        best: tuple[Exercise, float] | None = None
        for key in difflib.get_close_matches(folded, self._names, n=10, cutoff=CLOSE_SCORE):
            exercise = self._names[key]
            if not _same_variant(folded, key) or not _compatible(name, exercise):
                continue
            score = difflib.SequenceMatcher(None, folded, key).ratio()
            if best is None or score > best[1]:
                best = (exercise, score)
        return best


def map_names(
    names: Iterable[tuple[str, int]],
    catalogue: Catalogue,
    remembered: Mapping[str, str] | None = None,
) -> list[NameMapping]:
    """How each (name, number of sets) maps onto the catalogue."""
    matcher = NameMatcher(catalogue, remembered)
    return [matcher.map(name, sets) for name, sets in names]
