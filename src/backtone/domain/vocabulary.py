"""The fixed vocabularies the catalogue speaks: muscles, equipment, patterns, levels, kinds.

Each enum's value is the slug used in data files, the JSON output and the database.
Common names people type ("lats", "db", "band") resolve through the alias tables.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import TypeVar

from backtone.domain.errors import InvalidInput


class Muscle(StrEnum):
    LATISSIMUS_DORSI = "latissimus-dorsi"
    UPPER_TRAPEZIUS = "upper-trapezius"
    MIDDLE_TRAPEZIUS = "middle-trapezius"
    LOWER_TRAPEZIUS = "lower-trapezius"
    RHOMBOIDS = "rhomboids"
    ERECTOR_SPINAE = "erector-spinae"
    TERES_MAJOR = "teres-major"
    REAR_DELTOIDS = "rear-deltoids"
    SIDE_DELTOIDS = "side-deltoids"
    FRONT_DELTOIDS = "front-deltoids"
    ROTATOR_CUFF = "rotator-cuff"
    BICEPS = "biceps"
    FOREARMS = "forearms"
    PECTORALS = "pectorals"
    SERRATUS_ANTERIOR = "serratus-anterior"
    TRICEPS = "triceps"
    RECTUS_ABDOMINIS = "rectus-abdominis"
    TRANSVERSE_ABDOMINIS = "transverse-abdominis"
    OBLIQUES = "obliques"
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    QUADRICEPS = "quadriceps"
    ADDUCTORS = "adductors"
    HIP_FLEXORS = "hip-flexors"
    CALVES = "calves"
    NECK = "neck"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


class Region(StrEnum):
    """Coarser groups used for weekly volume targets and front/back balance."""

    LATS = "lats"
    UPPER_BACK = "upper-back"
    LOWER_BACK = "lower-back"
    SHOULDERS = "shoulders"
    ARMS = "arms"
    CHEST = "chest"
    CORE = "core"
    LEGS = "legs"


REGION_OF: dict[Muscle, Region] = {
    Muscle.LATISSIMUS_DORSI: Region.LATS,
    Muscle.TERES_MAJOR: Region.LATS,
    Muscle.UPPER_TRAPEZIUS: Region.UPPER_BACK,
    Muscle.MIDDLE_TRAPEZIUS: Region.UPPER_BACK,
    Muscle.LOWER_TRAPEZIUS: Region.UPPER_BACK,
    Muscle.RHOMBOIDS: Region.UPPER_BACK,
    Muscle.REAR_DELTOIDS: Region.UPPER_BACK,
    Muscle.ERECTOR_SPINAE: Region.LOWER_BACK,
    Muscle.SIDE_DELTOIDS: Region.SHOULDERS,
    Muscle.FRONT_DELTOIDS: Region.SHOULDERS,
    Muscle.ROTATOR_CUFF: Region.SHOULDERS,
    Muscle.BICEPS: Region.ARMS,
    Muscle.FOREARMS: Region.ARMS,
    Muscle.TRICEPS: Region.ARMS,
    Muscle.PECTORALS: Region.CHEST,
    Muscle.SERRATUS_ANTERIOR: Region.CHEST,
    Muscle.RECTUS_ABDOMINIS: Region.CORE,
    Muscle.TRANSVERSE_ABDOMINIS: Region.CORE,
    Muscle.OBLIQUES: Region.CORE,
    Muscle.GLUTES: Region.LEGS,
    Muscle.HAMSTRINGS: Region.LEGS,
    Muscle.QUADRICEPS: Region.LEGS,
    Muscle.ADDUCTORS: Region.LEGS,
    Muscle.HIP_FLEXORS: Region.LEGS,
    Muscle.CALVES: Region.LEGS,
    Muscle.NECK: Region.UPPER_BACK,
}

BACK_REGIONS = frozenset({Region.LATS, Region.UPPER_BACK, Region.LOWER_BACK})


class Equipment(StrEnum):
    NONE = "none"
    LAT_PULLDOWN_MACHINE = "lat-pulldown-machine"
    CABLE_STATION = "cable-station"
    ASSISTED_PULL_UP_MACHINE = "assisted-pull-up-machine"
    ROWING_MACHINE = "rowing-machine"
    BACK_EXTENSION_BENCH = "back-extension-bench"
    BARBELL = "barbell"
    PLATES = "plates"
    DUMBBELLS = "dumbbells"
    KETTLEBELL = "kettlebell"
    PULL_UP_BAR = "pull-up-bar"
    BENCH = "bench"
    RESISTANCE_BAND = "resistance-band"
    DOORFRAME = "doorframe"
    STURDY_TABLE = "sturdy-table"
    MAT = "mat"
    WALL = "wall"
    CHAIR = "chair"
    FOAM_ROLLER = "foam-roller"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


class Pattern(StrEnum):
    VERTICAL_PULL = "vertical-pull"
    HORIZONTAL_PULL = "horizontal-pull"
    HINGE = "hinge"
    SQUAT = "squat"
    HORIZONTAL_PUSH = "horizontal-push"
    VERTICAL_PUSH = "vertical-push"
    SHOULDER_EXTENSION = "shoulder-extension"
    SCAPULAR = "scapular"
    SPINAL_EXTENSION = "spinal-extension"
    ANTI_ROTATION = "anti-rotation"
    CARRY_HANG = "hang"
    CONDITIONING = "conditioning"
    STRETCH = "stretch"
    MOBILITY = "mobility"
    ISOLATION = "isolation"  # curls, raises, extensions: one joint, small muscles
    OTHER = "other"  # a person's own exercise whose pattern nobody has said

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


PUSH_PATTERNS = frozenset({Pattern.HORIZONTAL_PUSH, Pattern.VERTICAL_PUSH})
PULL_PATTERNS = frozenset(
    {Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.SHOULDER_EXTENSION}
)


class Level(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class Limitation(StrEnum):
    """Body parts a person needs to spare; exercises name the ones they are unsuitable for."""

    LOWER_BACK = "lower-back"
    SHOULDER = "shoulder"
    WRIST = "wrist"
    ELBOW = "elbow"
    KNEE = "knee"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


class LoadKind(StrEnum):
    """How an exercise is made harder, which decides the size of a progression step."""

    BODYWEIGHT = "bodyweight"
    DUMBBELL = "dumbbell"
    BARBELL = "barbell"
    KETTLEBELL = "kettlebell"
    MACHINE = "machine"
    CABLE = "cable"
    BAND = "band"
    UNLOADED = "unloaded"


class Kind(StrEnum):
    STRENGTH = "strength"
    CARDIO = "cardio"
    STRETCH = "stretch"
    MOBILITY = "mobility"


MUSCLE_ALIASES: dict[str, Muscle] = {
    "lats": Muscle.LATISSIMUS_DORSI,
    "lat": Muscle.LATISSIMUS_DORSI,
    "latissimus": Muscle.LATISSIMUS_DORSI,
    "traps": Muscle.UPPER_TRAPEZIUS,
    "trapezius": Muscle.UPPER_TRAPEZIUS,
    "upper-traps": Muscle.UPPER_TRAPEZIUS,
    "mid-traps": Muscle.MIDDLE_TRAPEZIUS,
    "middle-traps": Muscle.MIDDLE_TRAPEZIUS,
    "lower-traps": Muscle.LOWER_TRAPEZIUS,
    "rhomboid": Muscle.RHOMBOIDS,
    "erectors": Muscle.ERECTOR_SPINAE,
    "erector-spinae": Muscle.ERECTOR_SPINAE,
    "spinal-erectors": Muscle.ERECTOR_SPINAE,
    "lower-back": Muscle.ERECTOR_SPINAE,
    "teres": Muscle.TERES_MAJOR,
    "rear-delts": Muscle.REAR_DELTOIDS,
    "rear-delt": Muscle.REAR_DELTOIDS,
    "side-delts": Muscle.SIDE_DELTOIDS,
    "front-delts": Muscle.FRONT_DELTOIDS,
    "delts": Muscle.FRONT_DELTOIDS,
    "shoulders": Muscle.FRONT_DELTOIDS,
    "rotator-cuff": Muscle.ROTATOR_CUFF,
    "bicep": Muscle.BICEPS,
    "grip": Muscle.FOREARMS,
    "forearm": Muscle.FOREARMS,
    "chest": Muscle.PECTORALS,
    "pecs": Muscle.PECTORALS,
    "serratus": Muscle.SERRATUS_ANTERIOR,
    "tricep": Muscle.TRICEPS,
    "abs": Muscle.RECTUS_ABDOMINIS,
    "abdominals": Muscle.RECTUS_ABDOMINIS,
    "transverse-abs": Muscle.TRANSVERSE_ABDOMINIS,
    "tva": Muscle.TRANSVERSE_ABDOMINIS,
    "obliques": Muscle.OBLIQUES,
    "glute": Muscle.GLUTES,
    "hams": Muscle.HAMSTRINGS,
    "hamstring": Muscle.HAMSTRINGS,
    "quads": Muscle.QUADRICEPS,
    "quad": Muscle.QUADRICEPS,
}

EQUIPMENT_ALIASES: dict[str, Equipment] = {
    "bodyweight": Equipment.NONE,
    "body-weight": Equipment.NONE,
    "nothing": Equipment.NONE,
    "db": Equipment.DUMBBELLS,
    "dbs": Equipment.DUMBBELLS,
    "dumbbell": Equipment.DUMBBELLS,
    "bb": Equipment.BARBELL,
    "band": Equipment.RESISTANCE_BAND,
    "bands": Equipment.RESISTANCE_BAND,
    "resistance-bands": Equipment.RESISTANCE_BAND,
    "bar": Equipment.PULL_UP_BAR,
    "pullup-bar": Equipment.PULL_UP_BAR,
    "chin-up-bar": Equipment.PULL_UP_BAR,
    "doorway-bar": Equipment.PULL_UP_BAR,
    "pulldown": Equipment.LAT_PULLDOWN_MACHINE,
    "lat-pulldown": Equipment.LAT_PULLDOWN_MACHINE,
    "cable": Equipment.CABLE_STATION,
    "cables": Equipment.CABLE_STATION,
    "rower": Equipment.ROWING_MACHINE,
    "erg": Equipment.ROWING_MACHINE,
    "kb": Equipment.KETTLEBELL,
    "door": Equipment.DOORFRAME,
    "table": Equipment.STURDY_TABLE,
    "sturdy-chair": Equipment.CHAIR,
    "weights": Equipment.PLATES,
    "weight-plates": Equipment.PLATES,
    "roman-chair": Equipment.BACK_EXTENSION_BENCH,
    "hyperextension-bench": Equipment.BACK_EXTENSION_BENCH,
}

PATTERN_ALIASES: dict[str, Pattern] = {
    "pull": Pattern.VERTICAL_PULL,
    "vertical": Pattern.VERTICAL_PULL,
    "row": Pattern.HORIZONTAL_PULL,
    "rows": Pattern.HORIZONTAL_PULL,
    "horizontal": Pattern.HORIZONTAL_PULL,
    "push": Pattern.HORIZONTAL_PUSH,
    "deadlift": Pattern.HINGE,
    "hip-hinge": Pattern.HINGE,
    "extension": Pattern.SPINAL_EXTENSION,
    "cardio": Pattern.CONDITIONING,
}


def _slug(text: str) -> str:
    return "-".join(text.strip().lower().replace("_", " ").replace("-", " ").split())


E = TypeVar("E", bound=Enum)


def parse_term(enum: type[E], text: str, field: str, aliases: dict[str, E] | None = None) -> E:
    """Read a vocabulary term from what a person typed: the slug, its words, or an alias.

    >>> parse_term(Muscle, "lats", "muscle", MUSCLE_ALIASES)
    <Muscle.LATISSIMUS_DORSI: 'latissimus-dorsi'>
    """
    slug = _slug(text)
    for member in enum:
        if member.value == slug:
            return member
    if aliases and slug in aliases:
        return aliases[slug]
    raise InvalidInput(field, f"unknown value {text!r}", [m.value for m in enum])


def parse_muscle(text: str, field: str = "muscle") -> Muscle:
    return parse_term(Muscle, text, field, MUSCLE_ALIASES)


def parse_equipment(text: str, field: str = "equipment") -> Equipment:
    return parse_term(Equipment, text, field, EQUIPMENT_ALIASES)


def parse_pattern(text: str, field: str = "pattern") -> Pattern:
    return parse_term(Pattern, text, field, PATTERN_ALIASES)


def parse_level(text: str, field: str = "level") -> Level:
    return parse_term(Level, text, field)


def parse_kind(text: str, field: str = "kind") -> Kind:
    return parse_term(Kind, text, field)


def parse_limitation(text: str, field: str = "limitation") -> Limitation:
    return parse_term(Limitation, text, field)
