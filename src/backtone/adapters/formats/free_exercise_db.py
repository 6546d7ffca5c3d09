"""The free-exercise-db JSON format (yuhonas/free-exercise-db) mapped onto backtone's vocabulary.

Each entry becomes an Exercise with origin free-exercise-db and id 'fedb-<their id>'. Their
instructions become the steps; they give no cues, mistakes, safety notes or sets and reps, so
those stay empty and the prescription is backtone's general default (source 'default').
The report lists every value and how it mapped, every value that did not, and every entry
left out with the reason. An entry is left out when its primary muscles, level, category or
equipment have no counterpart: listing gear the coach cannot name would make the exercise
look doable with nothing. Images are not carried over.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TypeVar

from backtone.domain.errors import InvalidInput
from backtone.domain.exercise import Exercise, Prescription, Source, Span
from backtone.domain.importing import FormatError
from backtone.domain.vocabulary import Equipment, Kind, Level, LoadKind, Muscle, Pattern

T = TypeVar("T")
M = Muscle
_MUSCLES: dict[str, tuple[Muscle, ...]] = {
    "lats": (M.LATISSIMUS_DORSI,), "middle back": (M.MIDDLE_TRAPEZIUS, M.RHOMBOIDS),
    "lower back": (M.ERECTOR_SPINAE,), "traps": (M.UPPER_TRAPEZIUS,), "biceps": (M.BICEPS,),
    "forearms": (M.FOREARMS,), "chest": (M.PECTORALS,), "triceps": (M.TRICEPS,),
    "glutes": (M.GLUTES,), "hamstrings": (M.HAMSTRINGS,), "quadriceps": (M.QUADRICEPS,),
    "calves": (M.CALVES,), "adductors": (M.ADDUCTORS,), "neck": (M.NECK,),
    "abductors": (M.GLUTES,),  # the gluteus medius and minimus do most hip abduction
}  # fmt: skip
_LEVELS = {"beginner": Level.BEGINNER, "intermediate": Level.INTERMEDIATE,
           "expert": Level.ADVANCED}  # fmt: skip
_KINDS = {"strength": Kind.STRENGTH, "powerlifting": Kind.STRENGTH, "strongman": Kind.STRENGTH,
          "olympic weightlifting": Kind.STRENGTH, "plyometrics": Kind.STRENGTH,
          "stretching": Kind.STRETCH, "cardio": Kind.CARDIO}  # fmt: skip
# Vocabulary slugs for their equipment; a slug the vocabulary lacks leaves the entry out.
_GEAR: dict[str | None, tuple[str, ...]] = {
    "body only": ("none",), None: ("none",), "dumbbell": ("dumbbells",),
    "barbell": ("barbell",), "e-z curl bar": ("barbell",), "cable": ("cable-station",),
    "kettlebells": ("kettlebell",), "bands": ("resistance-band",), "foam roll": ("foam-roller",),
    "machine": ("machine",), "medicine ball": ("medicine-ball",),
    "exercise ball": ("exercise-ball",), "other": ("other",),
}  # fmt: skip
_LOADS = {"barbell": LoadKind.BARBELL, "e-z curl bar": LoadKind.BARBELL,
          "dumbbell": LoadKind.DUMBBELL, "kettlebells": LoadKind.KETTLEBELL,
          "cable": LoadKind.CABLE, "machine": LoadKind.MACHINE, "bands": LoadKind.BAND}  # fmt: skip
_NAME_PATTERNS = [(re.compile(rx), pattern) for rx, pattern in (
    (r"straight[- ]arm|pullover", Pattern.SHOULDER_EXTENSION),
    (r"pull[- ]?downs?|pull[- ]?ups?|chin[- ]?ups?|muscle[- ]up", Pattern.VERTICAL_PULL),
    (r"upright row|shrug|scapula", Pattern.SCAPULAR),
    (r"\brows?\b|face pull|rear delt|reverse fly|pull[- ]apart", Pattern.HORIZONTAL_PULL),
    (r"hyperextension|back extension|superman|reverse hyper", Pattern.SPINAL_EXTENSION),
    (r"deadlift|good ?morning|romanian|stiff[- ]leg|swing|pull[- ]?through|hip thrust|"
     r"bridge|\bclean|snatch", Pattern.HINGE),
    (r"squat|lunge|leg press|step[- ]?up", Pattern.SQUAT),
    (r"overhead press|shoulder press|military press|push press|jerk|arnold|handstand",
     Pattern.VERTICAL_PUSH),
    (r"bench press|push[- ]?ups?|chest press|floor press|\bdips?\b|\bfly|flye|crossover",
     Pattern.HORIZONTAL_PUSH),
    (r"plank|pallof|dead ?bug|bird ?dog|rollout|ab roller|hollow", Pattern.ANTI_ROTATION),
    (r"farmer|carry|suitcase|yoke|dead hang", Pattern.CARRY_HANG),
)]  # fmt: skip
_MUSCLE_PATTERNS = {
    "lats": Pattern.VERTICAL_PULL, "middle back": Pattern.HORIZONTAL_PULL,
    "traps": Pattern.SCAPULAR, "neck": Pattern.SCAPULAR, "lower back": Pattern.SPINAL_EXTENSION,
    "chest": Pattern.HORIZONTAL_PUSH, "triceps": Pattern.HORIZONTAL_PUSH,
    "biceps": Pattern.HORIZONTAL_PULL, "forearms": Pattern.HORIZONTAL_PULL,
    "abdominals": Pattern.ANTI_ROTATION, "quadriceps": Pattern.SQUAT,
    "adductors": Pattern.SQUAT, "calves": Pattern.SQUAT, "hamstrings": Pattern.HINGE,
    "glutes": Pattern.HINGE, "abductors": Pattern.HINGE,
}  # fmt: skip
_DEFAULT_NOTE = "backtone's general default: free-exercise-db gives no sets, reps or rest"
_REQUIRED: dict[str, tuple[type, ...]] = {
    "id": (str,), "name": (str,), "level": (str,), "category": (str,),
    "primaryMuscles": (list,), "secondaryMuscles": (list,), "instructions": (list,),
    "equipment": (str, type(None)), "mechanic": (str, type(None)),
}  # fmt: skip


class EntryError(InvalidInput):
    """An entry breaks the format: names its position, its id and the field."""

    def __init__(self, index: int, entry_id: str, field: str, problem: str, allowed: str) -> None:
        self.index = index
        self.entry_id = entry_id
        where = f"entry {index}" + (f" ({entry_id!r})" if entry_id else "")
        super().__init__(f"{where}: {field}", problem, allowed)


@dataclass(frozen=True)
class MappedValue:
    """How one of their values was read: (field, value) -> backtone's term, for n entries."""

    field: str
    value: str
    mapped_to: str
    entries: int


@dataclass(frozen=True)
class Unmapped:
    """A value with no counterpart, how many entries had it and what became of them."""

    field: str
    value: str
    entries: int
    effect: str


@dataclass(frozen=True)
class LeftOut:
    index: int
    id: str
    reason: str


@dataclass
class CatalogueImport:
    """The exercises read, and a full account of what mapped, what did not, what was left out."""

    exercises: list[Exercise] = field(default_factory=list)
    mapped: list[MappedValue] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    entries_read: int = 0


def read_free_exercise_db(text: str | bytes) -> CatalogueImport:
    """Map a free-exercise-db JSON file (a list of entries, or one entry) onto Exercises."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(error.lineno, f"is not valid JSON: {error.msg} at column {error.colno}",
                          "the free-exercise-db exercises.json format") from None  # fmt: skip
    except UnicodeDecodeError:
        raise FormatError(1, "is not UTF-8 text", "a JSON file saved as UTF-8") from None
    entries = [data] if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise FormatError(1, "holds neither a list of exercises nor one exercise",
                          "a JSON list of exercise objects")  # fmt: skip
    mapper = _Mapper()
    for index, entry in enumerate(entries):
        mapper.add(index, _checked(index, entry))
    return mapper.report(len(entries))


def _checked(index: int, entry: object) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise EntryError(index, "", "entry", "is not an object", "a JSON object per exercise")
    entry_id = entry["id"] if isinstance(entry.get("id"), str) else ""
    for name, types in _REQUIRED.items():
        if name not in entry:
            raise EntryError(index, entry_id, name, "is missing", "required by the format")
        value: object = entry[name]
        expected = " or ".join("null" if t is type(None) else t.__name__ for t in types)
        if not isinstance(value, types) or (isinstance(value, str) and not value.strip()):
            raise EntryError(index, entry_id, name, f"{value!r} is not a {expected}", expected)
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            raise EntryError(index, entry_id, name, "holds a value that is not text", "strings")
    force = entry.get("force")
    if force is not None and not isinstance(force, str):
        raise EntryError(index, entry_id, "force", f"{force!r} is not text", "pull, push, static")
    return entry


class _Mapper:
    def __init__(self) -> None:
        self.exercises: dict[str, Exercise] = {}
        self.mapped: Counter[tuple[str, str, str]] = Counter()
        self.unmapped: Counter[tuple[str, str, str]] = Counter()
        self.left_out: list[LeftOut] = []

    def add(self, index: int, entry: dict[str, Any]) -> None:
        their_id, name = entry["id"], entry["name"].strip()
        lowered = name.lower()
        reasons: list[str] = []
        primary = self._muscles(entry["primaryMuscles"], lowered, entry.get("force"), "primary")
        secondary = self._muscles(entry["secondaryMuscles"], lowered, entry.get("force"),
                                  "secondary")  # fmt: skip
        if not primary:
            reasons.append("no primary muscle backtone knows")
        level = self._term("level", entry["level"], _LEVELS, reasons)
        kind = self._term("category", entry["category"], _KINDS, reasons)
        gear = self._equipment(entry["equipment"], lowered, reasons)
        exercise_id = "fedb-" + "-".join(re.findall(r"[a-z0-9]+", their_id.lower()))
        if exercise_id in self.exercises:
            reasons.append(f"its id reads as {exercise_id!r}, as an earlier entry's does")
        if reasons or level is None or kind is None or gear is None:
            self.left_out.append(LeftOut(index, their_id, "; ".join(reasons)))
            return
        if kind is Kind.STRETCH and (entry["equipment"] == "foam roll" or "smr" in lowered):
            kind = Kind.MOBILITY  # self-massage with a roller loosens tissue; it is no stretch
        pattern = self._pattern(kind, lowered, entry)
        self.exercises[exercise_id] = Exercise(
            id=exercise_id, name=name, kind=kind, pattern=pattern, level=level,
            primary=primary, secondary=tuple(m for m in secondary if m not in primary),
            prescription=_default_prescription(kind, entry["category"], entry.get("force")),
            equipment=gear, load=_load(kind, entry["equipment"], gear),
            steps=tuple(s.strip() for s in entry["instructions"] if s.strip()),
            origin=Source.FREE_EXERCISE_DB,
        )  # fmt: skip

    def _muscles(self, values: list[str], name: str, force: object, which: str
                 ) -> tuple[Muscle, ...]:  # fmt: skip
        found: list[Muscle] = []
        for value in values:
            muscles = _MUSCLES.get(value) or _context_muscle(value, name, force)
            if not muscles:
                effect = "entry left out" if which == "primary" else "muscle dropped"
                self.unmapped[(f"{which}Muscles", value, effect)] += 1
                continue
            self.mapped[("muscle", value, ", ".join(m.value for m in muscles))] += 1
            found += [m for m in muscles if m not in found]
        return tuple(found)

    def _term(self, name: str, value: str, known: dict[str, T], reasons: list[str]) -> T | None:
        if value not in known:
            self.unmapped[(name, value, "entry left out")] += 1
            reasons.append(f"{name} {value!r} has no counterpart")
            return None
        self.mapped[(name, value, str(getattr(known[value], "value", known[value])))] += 1
        return known[value]

    def _equipment(self, value: str | None, name: str, reasons: list[str]
                   ) -> frozenset[Equipment] | None:  # fmt: skip
        shown = value if value is not None else "(not given)"
        slugs = list(_named_gear(name, value) or _GEAR.get(value, (shown,)))
        if value in ("dumbbell", "barbell") and re.search(r"bench|incline|decline", name):
            slugs.append("bench")
        known = {e.value: e for e in Equipment}
        if not all(slug in known for slug in slugs):
            self.unmapped[("equipment", shown, "entry left out")] += 1
            reasons.append(f"equipment {value!r} has no counterpart")
            return None
        self.mapped[("equipment", shown, ", ".join(slugs))] += 1
        return frozenset(known[slug] for slug in slugs)

    def _pattern(self, kind: Kind, name: str, entry: dict[str, Any]) -> Pattern:
        fixed = {Kind.STRETCH: Pattern.STRETCH, Kind.MOBILITY: Pattern.MOBILITY,
                 Kind.CARDIO: Pattern.CONDITIONING}  # fmt: skip
        if kind in fixed:
            self.mapped[("pattern", f"category {entry['category']}", fixed[kind].value)] += 1
            return fixed[kind]
        for rx, pattern in _NAME_PATTERNS:
            if rx.search(name):
                self.mapped[("pattern", "keyword in the name", pattern.value)] += 1
                return pattern
        first = entry["primaryMuscles"][0]
        pattern = _MUSCLE_PATTERNS.get(first, Pattern.CONDITIONING)
        if first == "shoulders":
            pattern = Pattern.HORIZONTAL_PULL if entry.get("force") == "pull" else (
                Pattern.VERTICAL_PUSH)  # fmt: skip
        self.mapped[("pattern", f"primary muscle {first}", pattern.value)] += 1
        return pattern

    def report(self, entries: int) -> CatalogueImport:
        return CatalogueImport(
            exercises=list(self.exercises.values()),
            mapped=[MappedValue(f, v, to, n) for (f, v, to), n in sorted(self.mapped.items())],
            unmapped=[Unmapped(f, v, n, e) for (f, v, e), n in sorted(self.unmapped.items())],
            left_out=self.left_out,
            entries_read=entries,
        )


def _context_muscle(value: str, name: str, force: object) -> tuple[Muscle, ...]:
    """'shoulders' and 'abdominals' name regions; the exercise's name tells which part."""
    if value == "shoulders":
        if re.search(r"rear|reverse fl|face pull|bent[- ]over lateral", name) or force == "pull":
            return (Muscle.REAR_DELTOIDS,)
        if re.search(r"lateral|side", name):
            return (Muscle.SIDE_DELTOIDS,)
        if re.search(r"rotation|rotator", name):
            return (Muscle.ROTATOR_CUFF,)
        return (Muscle.FRONT_DELTOIDS,)
    if value == "abdominals":
        if re.search(r"oblique|twist|side bend|russian|wood ?chop|side plank|windmill", name):
            return (Muscle.OBLIQUES,)
        return (Muscle.RECTUS_ABDOMINIS,)
    return ()


def _named_gear(name: str, value: str | None) -> tuple[str, ...]:
    """Gear the name makes plain where their equipment field is vaguer."""
    if "pulldown" in name and "straight" not in name and value in ("cable", "machine"):
        return ("lat-pulldown-machine",)
    if "assisted" in name and re.search(r"pull-?up|chin", name):
        return ("resistance-band", "pull-up-bar") if "band" in name else (
            "assisted-pull-up-machine",)  # fmt: skip
    if value in ("machine", "other") and re.search(r"rowing|rower", name):
        return ("rowing-machine",)
    if value in ("other", "machine") and re.search(r"hyperextensions? \(back|back extension", name):
        return ("back-extension-bench",)
    bar = r"pull-?ups?|chin-?ups?|\bchins?\b|muscle up|hanging|\bhang\b"
    if value in ("body only", None, "other") and re.search(bar, name):
        return ("pull-up-bar",)
    return ()


def _load(kind: Kind, value: str | None, gear: frozenset[Equipment]) -> LoadKind:
    if kind is not Kind.STRENGTH:
        return LoadKind.UNLOADED
    if gear & {Equipment.LAT_PULLDOWN_MACHINE, Equipment.ASSISTED_PULL_UP_MACHINE}:
        return LoadKind.MACHINE
    return _LOADS.get(value or "", LoadKind.BODYWEIGHT)


def _default_prescription(kind: Kind, category: str, force: object) -> Prescription:
    """backtone's general starting point, marked as a default: the dataset has no numbers."""
    if kind is Kind.STRETCH:
        return Prescription(2, Span(0, 0), seconds=Span(20, 30), note=_DEFAULT_NOTE)
    if kind is Kind.MOBILITY:
        return Prescription(1, Span(0, 0), seconds=Span(30, 60), note=_DEFAULT_NOTE)
    if kind is Kind.CARDIO:
        return Prescription(1, Span(0, 0), seconds=Span(600, 1200), note=_DEFAULT_NOTE)
    if force == "static":
        return Prescription(3, Span(30, 60), seconds=Span(20, 40), note=_DEFAULT_NOTE)
    if category in ("powerlifting", "olympic weightlifting", "strongman"):
        return Prescription(3, Span(120, 180), reps=Span(3, 5), note=_DEFAULT_NOTE)
    if category == "plyometrics":
        return Prescription(3, Span(60, 120), reps=Span(5, 8), note=_DEFAULT_NOTE)
    return Prescription(3, Span(60, 90), reps=Span(8, 12), note=_DEFAULT_NOTE)
