"""The numbers progression runs on, as data: load steps per equipment, bands, effort, breaks.

Loads are kilograms; a dumbbell load is per hand (one dumbbell), an assisted exercise's load is
the help it gives (machine counterweight or band), and a band's load is its nominal resistance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import LoadKind


@dataclass(frozen=True)
class Band:
    """A loop band by colour; brands differ, so only the order and rough size matter."""

    colour: str
    kg: float


# Light to heavy, one colour apart: the usual loop-band sets and pull-up assistance bands.
BANDS: tuple[Band, ...] = (
    Band("yellow", 5.0),
    Band("red", 10.0),
    Band("green", 15.0),
    Band("blue", 20.0),
    Band("black", 30.0),
    Band("purple", 40.0),
)


@dataclass(frozen=True)
class LoadStep:
    """The smallest change the equipment allows; lighter loads may come in finer steps."""

    increment_kg: float
    light_increment_kg: float | None = None
    light_below_kg: float = 0.0
    unit: str = ""  # said after the figure: "a hand" for dumbbells


# Why these: most dumbbell racks go 1 kg at a time up to 10 kg and 2 kg after; a barbell moves
# by a pair of 1.25 kg plates; kettlebells come 4 kg apart; a stack moves one plate (its step
# lives in Rules); added body-weight load is a 2.5 kg plate on a belt.
LOAD_STEPS: dict[LoadKind, LoadStep] = {
    LoadKind.DUMBBELL: LoadStep(2.0, light_increment_kg=1.0, light_below_kg=10.0, unit="a hand"),
    LoadKind.BARBELL: LoadStep(2.5),
    LoadKind.KETTLEBELL: LoadStep(4.0),
    LoadKind.BODYWEIGHT: LoadStep(2.5),
}


@dataclass(frozen=True)
class Rules:
    """Every threshold the engine uses, in one place so that docs and tests can quote them."""

    stack_step_kg: float = 5.0  # machine and cable stacks: one plate
    min_step_fraction: float = 0.02  # ACSM: add 2-10 % once the top of the range is reached
    max_step_fraction: float = 0.10
    deload_fraction: float = 0.10  # a stall takes 10 % off (rounding down makes it 10-20 %)
    break_days: int = 14  # longer than two weeks away: step back a little
    long_break_days: int = 30  # longer than a month: step back more
    break_fraction: float = 0.10
    long_break_fraction: float = 0.20
    stall_exposures: int = 3  # this many sessions in a row without progress is a stall
    easy_rpe: float = 6.0  # at or below: the weight is too light (seed 000)
    easy_rir: int = 4  # at or above: the weight is too light
    hard_rpe: float = 9.5  # at or above, with missed reps: hold
    hard_rir: int = 0
    seconds_step: int = 5  # timed holds grow 5 s at a time
    assist_climb_kg: float = 10.0  # the top of the range with this little help: try full reps


RULES = Rules()


def increment(kind: LoadKind, load_kg: float, rules: Rules = RULES) -> float | None:
    """The equipment's smallest step at this load; None where load moves by colour or not at all."""
    if kind in (LoadKind.MACHINE, LoadKind.CABLE):
        return rules.stack_step_kg
    step = LOAD_STEPS.get(kind)
    if step is None:
        return None
    if step.light_increment_kg is not None and load_kg < step.light_below_kg:
        return step.light_increment_kg
    return step.increment_kg


def load_step(kind: LoadKind, load_kg: float, rules: Rules = RULES) -> float | None:
    """How much one progression step adds: the smallest multiple of the increment that is at
    least 2 % of the load. One increment is often more than 10 % on light loads; it is still the
    smallest the equipment allows, and restarting at the bottom of the rep range evens it out.

    >>> load_step(LoadKind.BARBELL, 150.0)
    5.0
    """
    if kind is LoadKind.BAND:
        heavier = band_above(load_kg)
        return None if heavier is None else heavier.kg - load_kg
    inc = increment(kind, load_kg, rules)
    if inc is None:
        return None
    return inc * max(1, math.ceil(round(load_kg * rules.min_step_fraction / inc, 6)))


def step_up(kind: LoadKind, load_kg: float, rules: Rules = RULES) -> float | None:
    """The load one step heavier, or None if the equipment has nothing heavier to offer."""
    step = load_step(kind, load_kg, rules)
    return None if step is None else round(load_kg + step, 2)


def step_down(kind: LoadKind, load_kg: float, rules: Rules = RULES) -> float:
    """The load one increment lighter (a lighter band), never below zero."""
    if kind is LoadKind.BAND:
        lighter = band_below(load_kg)
        return 0.0 if lighter is None else lighter.kg
    inc = increment(kind, load_kg, rules) or 0.0
    return max(0.0, round(load_kg - inc, 2))


def reduce_by(kind: LoadKind, load_kg: float, fraction: float, rules: Rules = RULES) -> float:
    """Take `fraction` off a load, rounded down to what the equipment offers, at least one step.

    >>> reduce_by(LoadKind.DUMBBELL, 12.0, 0.10)
    10.0
    """
    if kind is LoadKind.BAND:
        return step_down(kind, load_kg, rules)
    inc = increment(kind, load_kg * (1 - fraction), rules)
    if inc is None:
        return load_kg
    reduced = math.floor(round(load_kg * (1 - fraction) / inc, 6)) * inc
    return max(0.0, round(min(reduced, load_kg - inc), 2))


def add_help(kind: LoadKind, assistance_kg: float, rules: Rules = RULES) -> float:
    """One step more assistance (a heavier band, one more plate of counterweight)."""
    if kind is LoadKind.BAND:
        heavier = band_above(assistance_kg)
        return assistance_kg if heavier is None else heavier.kg
    return round(assistance_kg + (increment(kind, assistance_kg, rules) or 0.0), 2)


def band_above(load_kg: float) -> Band | None:
    """The lightest band heavier than this load."""
    return next((b for b in BANDS if b.kg > load_kg + 1e-9), None)


def band_below(load_kg: float) -> Band | None:
    """The heaviest band lighter than this load."""
    lighter = [b for b in BANDS if b.kg < load_kg - 1e-9]
    return lighter[-1] if lighter else None


def describe_load(kind: LoadKind, load_kg: float, unit: WeightUnit = WeightUnit.KG) -> str:
    """'14 kg', '30.9 lb a hand' or 'the green band' (bands by the nearest colour)."""
    if kind is LoadKind.BAND:
        if load_kg <= 0:
            return "no band"
        band = min(BANDS, key=lambda b: abs(b.kg - load_kg))
        return f"the {band.colour} band"
    step = LOAD_STEPS.get(kind)
    per = f" {step.unit}" if step is not None and step.unit else ""
    return f"{unit.say(load_kg)}{per}"
