"""The numbers progression runs on, as data: effort, breaks, stalls, steps of time.

Loads live in the person's kit (`domain/kit.py`): every load step goes to the next load they
can actually set. A dumbbell load is per hand (one dumbbell), an assisted exercise's load is
the help it gives (machine counterweight or band), and a band's load is its nominal resistance.
"""

from __future__ import annotations

from dataclasses import dataclass

from backtone.domain.kit import Kit
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import LoadKind


@dataclass(frozen=True)
class Rules:
    """Every threshold the engine uses, in one place so that docs and tests can quote them."""

    deload_fraction: float = 0.10  # a stall or a deload week takes about 10 % off
    break_days: int = 14  # longer than two weeks away: step back a little
    long_break_days: int = 30  # longer than a month: step back more
    break_fraction: float = 0.10
    long_break_fraction: float = 0.20
    stall_exposures: int = 3  # this many sessions in a row without progress is a stall
    easy_rpe: float = 6.0  # at or below: the weight is too light (seed 000)
    easy_rir: int = 4  # at or above: the weight is too light
    hard_rpe: float = 9.5  # at or above: a grind, nothing goes up
    hard_rir: int = 0
    seconds_step: int = 5  # timed holds grow 5 s at a time
    assist_climb_kg: float = 10.0  # the top of the range with this little help: try full reps
    # A kit's next load more than this much heavier is too big a jump to restart at the
    # bottom of the range: first build up to `big_step_reps` more reps at the load held.
    big_step: float = 0.25
    big_step_reps: int = 5


RULES = Rules()

# What a load is said per: a dumbbell load is each hand's.
PER = {LoadKind.DUMBBELL: " a hand"}


def describe_load(kind: LoadKind, load_kg: float, unit: WeightUnit, kit: Kit) -> str:
    """'14 kg a hand', '45 lb a hand' or 'the green band' (bands by the nearest colour)."""
    if kind is LoadKind.BAND:
        return "no band" if load_kg <= 0 else f"the {kit.band_colour(load_kg)} band"
    return f"{unit.say(load_kg)}{PER.get(kind, '')}"
