"""The loads a person can actually set: their dumbbells, bar and plates, stacks, bands, belt.

Every load the coach suggests is one of these. They are stored in kilograms (a pound set is
kept as its exact kilogram values, so 45 lb is said as 45 lb again) and come with defaults
per unit: in kilograms, dumbbell pairs from 2 to 40 kg in 2 kg steps and plates down to
1.25 kg; in pounds, pairs from 5 to 100 lb in 5 lb steps and plates down to 2.5 lb.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from backtone.domain.errors import InvalidInput
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import LoadKind

MIN_STEP_FRACTION = 0.02  # ACSM: a step of at least about 2 % of the load


@dataclass(frozen=True)
class Band:
    """A loop band by colour; brands differ, so the figure is the band's nominal resistance."""

    colour: str
    kg: float


# Light to heavy, one colour apart: the usual loop-band sets and pull-up assistance bands.
DEFAULT_BANDS: tuple[Band, ...] = (
    Band("yellow", 5.0),
    Band("red", 10.0),
    Band("green", 15.0),
    Band("blue", 20.0),
    Band("black", 30.0),
    Band("purple", 40.0),
)


def _lb(*values: float) -> tuple[float, ...]:
    return tuple(round(WeightUnit.LB.to_kg(v), 6) for v in values)


def _steps(low: float, high: float, step: float) -> tuple[float, ...]:
    count = round((high - low) / step)
    return tuple(round(low + n * step, 6) for n in range(count + 1))


@dataclass(frozen=True)
class Kit:
    """Everything a person can load, in kilograms. `plates` are the sizes owned, each with
    the number of pairs (None: as many as needed, as in a gym)."""

    unit: WeightUnit = WeightUnit.KG
    dumbbells: tuple[float, ...] = _steps(2, 40, 2)
    bar_kg: float = 20.0
    plates: tuple[tuple[float, int | None], ...] = (
        (1.25, None), (2.5, None), (5.0, None), (10.0, None), (15.0, None), (20.0, None),
        (25.0, None),
    )  # fmt: skip
    stack_step_kg: float = 5.0  # one plate of a cable or machine stack
    stack_max_kg: float = 150.0
    kettlebells: tuple[float, ...] = (4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 20.0, 24.0, 28.0, 32.0)
    bands: tuple[Band, ...] = DEFAULT_BANDS
    belt: tuple[float, ...] = _steps(2.5, 40, 2.5)  # what a dip belt or vest adds to a pull-up

    def __post_init__(self) -> None:
        for name, loads in (("dumbbells", self.dumbbells), ("kettlebells", self.kettlebells)):
            if any(not 0 < v <= 200 for v in loads):
                raise InvalidInput(name, "has a load out of range", "0-200 kg a piece")
        if not 0 <= self.bar_kg <= 50:
            raise InvalidInput("bar", f"{self.bar_kg:g} kg", "0-50 kg")
        if not 0 < self.stack_step_kg <= 25 or not 0 < self.stack_max_kg <= 500:
            raise InvalidInput(
                "stack", "step or top out of range", "a step of 0-25 kg, a top to 500 kg"
            )
        if any(size <= 0 or (pairs is not None and pairs < 0) for size, pairs in self.plates):
            raise InvalidInput("plates", "has a size or count out of range", "sizes above 0")

    def loads(self, kind: LoadKind) -> tuple[float, ...]:
        """Every load this kind of kit can be set to, lightest first."""
        return _loads(self, kind)

    def _loads(self, kind: LoadKind) -> tuple[float, ...]:
        if kind is LoadKind.DUMBBELL:
            return tuple(sorted(set(self.dumbbells)))
        if kind is LoadKind.KETTLEBELL:
            return tuple(sorted(set(self.kettlebells)))
        if kind in (LoadKind.MACHINE, LoadKind.CABLE):
            return _steps(self.stack_step_kg, self.stack_max_kg, self.stack_step_kg)
        if kind is LoadKind.BAND:
            return tuple(sorted(b.kg for b in self.bands))
        if kind is LoadKind.BARBELL:
            return tuple(round(self.bar_kg + 2 * side, 6) for side in self._per_side())
        if kind is LoadKind.BODYWEIGHT:  # added to a pull-up or dip, on a belt or in a vest
            return tuple(sorted(set(self.belt)))
        return ()

    def _per_side(self) -> tuple[float, ...]:
        """Sums one side of a bar can hold with the plates owned (pairs split across sides)."""
        return _sums(self.plates, limit=150.0)

    def above(self, kind: LoadKind, load_kg: float) -> float | None:
        """The next load up a step of at least about 2 %, or None when the kit has no
        heavier one (a band: the next colour)."""
        heavier = [v for v in self.loads(kind) if v > load_kg + 1e-6]
        if not heavier:
            return None
        if kind is LoadKind.BAND:
            return heavier[0]
        enough = [v for v in heavier if v - load_kg >= MIN_STEP_FRACTION * load_kg - 1e-6]
        return enough[0] if enough else heavier[-1]

    def below(self, kind: LoadKind, load_kg: float) -> float | None:
        """The next load down, or None when nothing is lighter."""
        lighter = [v for v in self.loads(kind) if v < load_kg - 1e-6]
        return lighter[-1] if lighter else None

    def at_most(self, kind: LoadKind, load_kg: float) -> float | None:
        """The heaviest load no heavier than this, or None."""
        fitting = [v for v in self.loads(kind) if v <= load_kg + 1e-6]
        return fitting[-1] if fitting else None

    def lighter_by(self, kind: LoadKind, load_kg: float, fraction: float) -> float | None:
        """About `fraction` lighter, as the kit allows: the heaviest load at or under the
        reduced one and below the current one; None when the kit has nothing lighter."""
        target = self.at_most(kind, load_kg * (1 - fraction))
        if target is not None and target < load_kg - 1e-6:
            return target
        return self.below(kind, load_kg)

    def nearest(self, kind: LoadKind, load_kg: float) -> float | None:
        """The kit's load closest to this one (ties go lighter)."""
        found = self.loads(kind)
        return min(found, key=lambda v: (abs(v - load_kg), v)) if found else None

    def band_colour(self, load_kg: float) -> str:
        """The colour of the band nearest this resistance."""
        return min(self.bands, key=lambda b: abs(b.kg - load_kg)).colour if self.bands else "band"


@cache
def _loads(kit: Kit, kind: LoadKind) -> tuple[float, ...]:
    return kit._loads(kind)


def _sums(parts: tuple[tuple[float, int | None], ...], *, limit: float) -> tuple[float, ...]:
    """Every total (to 0.05 kg) the parts can make, each used at most its count of times
    (None: any number), up to `limit`."""
    grain = 0.05
    reach = {0}
    top = round(limit / grain)
    for size, count in parts:
        unit = round(size / grain)
        if unit <= 0:
            continue
        most = count if count is not None else top // unit
        grown = set(reach)
        for base in reach:
            for n in range(1, most + 1):
                total = base + n * unit
                if total > top:
                    break
                grown.add(total)
        reach = grown
    return tuple(round(v * grain, 6) for v in sorted(reach))


POUND_KIT = Kit(
    unit=WeightUnit.LB,
    dumbbells=_lb(*range(5, 105, 5)),
    bar_kg=_lb(45)[0],
    plates=tuple((kg, None) for kg in _lb(2.5, 5, 10, 25, 35, 45)),
    stack_step_kg=_lb(10)[0],
    stack_max_kg=_lb(300)[0],
    kettlebells=_lb(10, 15, 20, 25, 30, 35, 40, 45, 53, 62, 70),
    belt=_lb(*range(5, 95, 5)),
)
KILO_KIT = Kit()


def default_kit(unit: WeightUnit) -> Kit:
    """The common kit in a unit: what a gym or a usual home set offers."""
    return POUND_KIT if unit is WeightUnit.LB else KILO_KIT


_NUMBER = r"\d+(?:\.\d*)?|\.\d+"  # '2', '2.', '.5'; not a lone '.'


def parse_loads(text: str, unit: WeightUnit, field: str) -> tuple[float, ...]:
    """Loads typed in the person's unit, as kilograms: a list ("5, 7.5, 10") or a range with a
    step ("2-24/2", "5-50 by 5"); nothing typed means none owned.

    >>> parse_loads("2-8/2", WeightUnit.KG, "dumbbells")
    (2.0, 4.0, 6.0, 8.0)
    """
    cleaned = text.strip().lower().replace(" by ", "/").replace(unit.value, "")
    if not cleaned.strip(" ,"):
        return ()
    ranged = re.fullmatch(rf"\s*({_NUMBER})\s*-\s*({_NUMBER})\s*/\s*({_NUMBER})\s*", cleaned)
    try:
        if ranged:
            low, high, step = (float(g) for g in ranged.groups())
            if step <= 0 or high < low or (high - low) / step > 200:
                raise ValueError
            values = _steps(low, high, step)
        else:
            values = tuple(float(v) for v in re.split(r"[,\s]+", cleaned) if v)
    except ValueError:
        raise InvalidInput(
            field,
            f"{text!r} is not a list of loads",
            f"e.g. '5, 7.5, 10' or '2-24/2' ({unit.value})",
        ) from None
    if not values or any(not math.isfinite(v) or v <= 0 for v in values):
        raise InvalidInput(field, f"{text!r} has no load above 0", f"loads in {unit.value}")
    return tuple(sorted({round(unit.to_kg(v), 6) for v in values}))


def parse_plates(text: str, unit: WeightUnit) -> tuple[tuple[float, int | None], ...]:
    """Plate sizes, each optionally with its pairs: '1.25x2, 2.5x2, 5x4' (no count: plenty)."""
    found: list[tuple[float, int | None]] = []
    for part in (p.strip().lower() for p in text.split(",") if p.strip()):
        match = re.fullmatch(rf"({_NUMBER})\s*(?:x\s*(\d+))?", part.replace(unit.value, "").strip())
        if match is None:
            raise InvalidInput(
                "plates", f"{part!r} is not a plate", f"e.g. '2.5x2' ({unit.value}, pairs)"
            )
        size = float(match.group(1))
        if size <= 0:
            raise InvalidInput("plates", f"{part!r} weighs nothing", "sizes above 0")
        found.append((round(unit.to_kg(size), 6), int(match.group(2)) if match.group(2) else None))
    if not found:
        raise InvalidInput("plates", "is empty", f"plate sizes in {unit.value}, e.g. '2.5, 5, 10'")
    return tuple(sorted(found))


def say_loads(values: tuple[float, ...], unit: WeightUnit) -> str:
    """Loads back in the person's unit, compactly: '2-40 kg in 2s' or '5, 7.5, 10 lb'."""
    shown = [round(unit.from_kg(v), 2) for v in values]
    if len(shown) > 2:
        steps = {round(b - a, 2) for a, b in pairwise(shown)}
        if len(steps) == 1:
            return f"{shown[0]:g}-{shown[-1]:g} {unit.value} in {steps.pop():g}s"
    return ", ".join(f"{v:g}" for v in shown) + f" {unit.value}"
