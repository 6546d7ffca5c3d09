"""Who a plan is for: level, equipment, training days and minutes, emphasis and limitations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from backtone.domain.errors import InvalidInput
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import (
    Equipment,
    Level,
    Limitation,
    parse_equipment,
    parse_level,
    parse_limitation,
    parse_term,
)

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MIN_MINUTES, MAX_MINUTES = 10, 120
MIN_DAYS, MAX_DAYS = 1, 6

# Every home has a floor, a wall, a doorframe and a chair; the presets add one piece of kit
# each, and a comma list adds its kit to the home's (`no-doorframe` takes one away).
HOME_KIT = frozenset({Equipment.NONE, Equipment.DOORFRAME, Equipment.WALL, Equipment.CHAIR})
_HOME = HOME_KIT
EQUIPMENT_PRESETS: dict[str, frozenset[Equipment]] = {
    "home-none": _HOME,
    "home-band": _HOME | {Equipment.RESISTANCE_BAND},
    "home-dumbbells": _HOME | {Equipment.DUMBBELLS},
    "home-bar": _HOME | {Equipment.PULL_UP_BAR},
    "gym": frozenset(Equipment),
}

# Days spread so that sessions sit as far apart as the count allows (0 = Monday).
DEFAULT_WEEKDAYS: dict[int, tuple[int, ...]] = {
    1: (2,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
}


class Emphasis(StrEnum):
    """What the person most wants from the plan; it tilts choices, never the hard rules."""

    TONE = "tone"
    POSTURE = "posture"
    STRENGTH = "strength"


@dataclass(frozen=True)
class SelfTest:
    """A three-question self-test: longest hang, strict pull-ups and push-ups in one go."""

    hang_seconds: int
    pull_ups: int
    push_ups: int

    def __post_init__(self) -> None:
        for name, value, top in (
            ("hang seconds", self.hang_seconds, 600),
            ("pull-ups", self.pull_ups, 100),
            ("push-ups", self.push_ups, 300),
        ):
            if not 0 <= value <= top:
                raise InvalidInput(name, f"{value} is not a possible result", f"0-{top}")

    def level(self) -> Level:
        """The level the answers point to.

        >>> SelfTest(hang_seconds=20, pull_ups=0, push_ups=8).level()
        <Level.BEGINNER: 'beginner'>
        """
        if self.pull_ups >= 10 and self.push_ups >= 25:
            return Level.ADVANCED
        if self.pull_ups >= 3 or (self.pull_ups >= 1 and self.push_ups >= 15):
            return Level.INTERMEDIATE
        return Level.BEGINNER


@dataclass(frozen=True)
class Profile:
    """Everything the planner needs to know about a person. Weekdays count from Monday = 0."""

    level: Level
    equipment: frozenset[Equipment]
    weekdays: tuple[int, ...]
    minutes: int
    emphasis: Emphasis = Emphasis.TONE
    limitations: frozenset[Limitation] = frozenset()
    body_weight_kg: float | None = None
    units: WeightUnit = WeightUnit.KG
    pull_ups: int | None = None  # strict pull-ups today; None means "assume from the level"
    hang_seconds: int | None = None
    push_ups: int | None = None  # full push-ups in one go; None means "assume from the level"
    equipment_label: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not MIN_DAYS <= len(self.weekdays) <= MAX_DAYS:
            raise InvalidInput(
                "days", f"{len(self.weekdays)} days a week", f"{MIN_DAYS}-{MAX_DAYS}"
            )
        if any(not 0 <= d <= 6 for d in self.weekdays) or len(set(self.weekdays)) != len(
            self.weekdays
        ):
            raise InvalidInput("weekdays", f"{self.weekdays} repeats or is out of range", "0-6")
        if tuple(sorted(self.weekdays)) != self.weekdays:
            object.__setattr__(self, "weekdays", tuple(sorted(self.weekdays)))
        if not MIN_MINUTES <= self.minutes <= MAX_MINUTES:
            raise InvalidInput(
                "minutes", f"{self.minutes} minutes a session", f"{MIN_MINUTES}-{MAX_MINUTES}"
            )
        if not self.equipment:
            raise InvalidInput("equipment", "is empty", "a preset or a list; 'none' for nothing")
        if self.body_weight_kg is not None and not 25 <= self.body_weight_kg <= 350:
            raise InvalidInput(
                "body weight", f"{self.body_weight_kg:g} kg is not a possible weight", "25-350 kg"
            )
        if self.pull_ups is not None and not 0 <= self.pull_ups <= 100:
            raise InvalidInput("pull-ups", f"{self.pull_ups}", "0-100")
        if self.hang_seconds is not None and not 0 <= self.hang_seconds <= 600:
            raise InvalidInput("hang seconds", f"{self.hang_seconds}", "0-600")
        if self.push_ups is not None and not 0 <= self.push_ups <= 300:
            raise InvalidInput("push-ups", f"{self.push_ups}", "0-300")

    @property
    def days(self) -> int:
        return len(self.weekdays)

    @property
    def can_do_pull_up(self) -> bool:
        """Whether full pull-ups belong in week one; beginners are assumed not to manage one."""
        if self.pull_ups is not None:
            return self.pull_ups >= 1
        return self.level is not Level.BEGINNER

    def describe(self) -> str:
        """One line for plan headers, e.g. 'beginner, home-band, 3 x 30 min, tone'."""
        kit = self.equipment_label or ", ".join(sorted(e.value for e in self.equipment))
        days = ", ".join(WEEKDAY_NAMES[d][:3].capitalize() for d in self.weekdays)
        text = f"{self.level.value}, {kit}, {days} for {self.minutes} min, {self.emphasis.value}"
        if self.limitations:
            text += "; sparing " + ", ".join(sorted(x.value for x in self.limitations))
        return text


def parse_equipment_choice(text: str) -> tuple[frozenset[Equipment], str]:
    """A preset name or a comma list of equipment, returned with a label for headers.

    A list adds to what every home has (floor, wall, doorframe, chair), and may name presets
    too (`home-bar,dumbbells`); `no-<kit>` takes a piece away, for a home without a usable
    doorframe, say.

    >>> sorted(e.value for e in parse_equipment_choice("band, bar, no-chair")[0])
    ['doorframe', 'none', 'pull-up-bar', 'resistance-band', 'wall']
    """
    key = text.strip().lower()
    if key in EQUIPMENT_PRESETS:
        return EQUIPMENT_PRESETS[key], key
    parts = [p for p in (s.strip() for s in text.split(",")) if p]
    if not parts:
        allowed = [*EQUIPMENT_PRESETS, "a comma list such as dumbbells,bench"]
        raise InvalidInput("equipment", "is empty", allowed)
    added: set[Equipment] = set()
    removed: set[Equipment] = set()
    try:
        for part in parts:
            if part.lower() in EQUIPMENT_PRESETS:
                added |= EQUIPMENT_PRESETS[part.lower()]
            elif part.lower().startswith(("no-", "no ")):
                removed.add(parse_equipment(part[3:]))
            else:
                added.add(parse_equipment(part))
    except InvalidInput as error:
        allowed = [*EQUIPMENT_PRESETS, *(e.value for e in Equipment), "no-<kit> to leave one out"]
        raise InvalidInput("equipment", error.problem, allowed) from None
    # bodyweight moves need nothing, so "nothing" is always available
    kit = (HOME_KIT | added) - removed | {Equipment.NONE}
    return frozenset(kit), ", ".join(sorted(p.lower() for p in parts))


def kit_from_list(values: Iterable[str]) -> frozenset[Equipment]:
    """Kit ticked on a form: the whole kit, house included only where ticked (a preset's
    name brings in the preset's kit).

    >>> sorted(e.value for e in kit_from_list(["dumbbells", "chair"]))
    ['chair', 'dumbbells', 'none']
    """
    chosen: set[Equipment] = set()
    try:
        for value in (v.strip().lower() for v in values if v.strip()):
            chosen |= EQUIPMENT_PRESETS.get(value) or {parse_equipment(value)}
    except InvalidInput as error:
        allowed = [*EQUIPMENT_PRESETS, *(e.value for e in Equipment)]
        raise InvalidInput("equipment", error.problem, allowed) from None
    return frozenset(chosen | {Equipment.NONE})


def parse_weekdays(text: str) -> tuple[int, ...]:
    """Weekday names or their first three letters, comma separated: 'mon,wed,fri' -> (0, 2, 4)."""
    days: list[int] = []
    for part in (p.strip().lower() for p in text.split(",")):
        if not part:
            continue
        match = [
            i for i, name in enumerate(WEEKDAY_NAMES) if len(part) >= 2 and name.startswith(part)
        ]
        if len(match) != 1:
            raise InvalidInput(
                "weekdays", f"{part!r} is not a weekday", "mon, tue, wed, thu, fri, sat, sun"
            )
        if match[0] in days:
            raise InvalidInput("weekdays", f"{part!r} is given twice", "each weekday once")
        days.append(match[0])
    if not days:
        raise InvalidInput("weekdays", "is empty", "e.g. mon,wed,fri")
    return tuple(sorted(days))


def parse_emphasis(text: str) -> Emphasis:
    return parse_term(Emphasis, text, "emphasis")


def build_profile(
    *,
    level: str | Level | None = None,
    self_test: SelfTest | None = None,
    equipment: str | frozenset[Equipment] = "home-none",
    days: int | None = None,
    weekdays: str | tuple[int, ...] | None = None,
    minutes: int = 30,
    emphasis: str | Emphasis = Emphasis.TONE,
    limitations: tuple[str | Limitation, ...] = (),
    body_weight: float | None = None,
    units: str | WeightUnit = WeightUnit.KG,
    pull_ups: int | None = None,
    push_ups: int | None = None,
    hang_seconds: int | None = None,
) -> Profile:
    """Check and assemble a profile from what a person typed; each bad value names its field."""
    if level is None and self_test is None:
        raise InvalidInput("level", "is missing", ["beginner", "intermediate", "advanced",
                                                   "or answer the self-test"])  # fmt: skip
    if isinstance(level, str):
        level = parse_level(level)
    if level is None:
        assert self_test is not None
        level = self_test.level()
    if self_test is not None:
        pull_ups = self_test.pull_ups if pull_ups is None else pull_ups
        push_ups = self_test.push_ups if push_ups is None else push_ups
        hang_seconds = self_test.hang_seconds if hang_seconds is None else hang_seconds
    if isinstance(equipment, str):
        kit, label = parse_equipment_choice(equipment)
    else:
        kit, label = frozenset(equipment), ""
    if isinstance(weekdays, str):
        weekdays = parse_weekdays(weekdays)
    if days is not None and not MIN_DAYS <= days <= MAX_DAYS:
        raise InvalidInput("days", f"{days} days a week", f"{MIN_DAYS}-{MAX_DAYS}")
    if weekdays is None:
        weekdays = DEFAULT_WEEKDAYS[days if days is not None else 3]
    elif days is not None and days != len(weekdays):
        raise InvalidInput(
            "days", f"{days} days but {len(weekdays)} weekdays named", "the same number of each"
        )
    unit = units if isinstance(units, WeightUnit) else parse_term(WeightUnit, units, "units")
    weight_kg = None if body_weight is None else round(unit.to_kg(body_weight), 2)
    return Profile(
        level=level,
        equipment=kit,
        weekdays=tuple(weekdays),
        minutes=minutes,
        emphasis=emphasis if isinstance(emphasis, Emphasis) else parse_emphasis(emphasis),
        limitations=frozenset(
            x if isinstance(x, Limitation) else parse_limitation(x) for x in limitations
        ),
        body_weight_kg=weight_kg,
        units=unit,
        pull_ups=pull_ups,
        hang_seconds=hang_seconds,
        push_ups=push_ups,
        equipment_label=label,
    )
