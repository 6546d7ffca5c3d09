"""How the progression engine says what was done, in the words its reasons are made of."""

from __future__ import annotations

from backtone.domain.exposure import Spot
from backtone.domain.kit import Kit
from backtone.domain.progression_rules import describe_load
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import LoadKind


def did(spot: Spot, kit: Kit) -> str:
    """Last time in a few words: '3 x 15 at 12 kg a hand' or '8, 7, 6 with the red band'.

    Loads are said in the person's unit (`spot.unit`).
    """
    amounts = [f"{a:g}" for a in spot.done]
    unit = " s" if spot.seconds is not None else ""
    if len(set(amounts)) == 1:
        text = f"{len(amounts)} x {amounts[0]}{unit}"
    else:
        text = ", ".join(amounts) + unit
    if spot.load_kg is None:
        return text
    if spot.assisted:
        return f"{text} with {help_words(spot.kind, spot.load_kg, spot.unit, kit)}"
    if spot.added_load and spot.load_kg > 0:
        return f"{text} with {spot.unit.say(spot.load_kg)} added"
    if spot.kind in (LoadKind.BODYWEIGHT, LoadKind.UNLOADED):
        return text
    if spot.kind is LoadKind.BAND:
        return f"{text} with {describe_load(spot.kind, spot.load_kg, spot.unit, kit)}"
    return f"{text} at {describe_load(spot.kind, spot.load_kg, spot.unit, kit)}"


def load_words(spot: Spot, kg: float, kit: Kit) -> str:
    """A load (or a change of load) as the equipment counts it: '2 kg a hand', '52.5 kg'."""
    if spot.added_load:
        return f"{spot.unit.say(kg)} added"
    return describe_load(spot.kind, kg, spot.unit, kit)


def help_words(kind: LoadKind, kg: float, unit: WeightUnit, kit: Kit) -> str:
    """Assistance: 'the green band' or '25 kg of help' (more help is easier)."""
    if kind is LoadKind.BAND:
        return describe_load(kind, kg, unit, kit)
    return f"{unit.say(kg)} of help"


def effort_words(spot: Spot, *, hard: bool, missed: bool = False) -> str:
    """'RPE 10', 'RPE 10, reps short of the target' or 'RPE 5, too light', from the hardest
    (or easiest) set."""
    efforts = spot.efforts()
    rpes = [rpe for rpe, _ in efforts if rpe is not None]
    rirs = [rir for _, rir in efforts if rir is not None]
    if rpes:
        said = f"RPE {max(rpes) if hard else min(rpes):g}"
    else:
        said = f"{min(rirs) if hard else max(rirs)} reps in reserve"
    if not hard:
        return f"{said}, too light"
    return f"{said}, reps short of the target" if missed else said
