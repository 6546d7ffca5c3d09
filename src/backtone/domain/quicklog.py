"""Reading the short forms people type to log sets fast.

3x12@14kg     three sets of 12 reps at 14 kg
5,4,3         three sets of 5, 4 and 3 reps (body weight)
5,4,3@10kg    the same with 10 kg added
3x30s         three 30-second holds
10min 2000m   one bout of 10 minutes covering 2000 m (the rowing machine)
12@45lb       one set of 12 at 45 lb (stored as kilograms)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from backtone.domain.errors import InvalidInput
from backtone.domain.training import WeightUnit

FORMS = "3x12@14kg, 5,4,3, 12@45lb, 3x30s, 10min 2000m"
_LOAD = re.compile(r"^(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]*)$")
_TIME = re.compile(r"^(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>s|sec|secs|min|mins|h)$")
_DIST = re.compile(r"^(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>m|km|mi)$")
_SECONDS = {"s": 1, "sec": 1, "secs": 1, "min": 60, "mins": 60, "h": 3600}
_METRES = {"m": 1.0, "km": 1000.0, "mi": 1609.344}
_UNITS = {"kg": WeightUnit.KG, "kgs": WeightUnit.KG, "lb": WeightUnit.LB, "lbs": WeightUnit.LB}


@dataclass(frozen=True)
class SetEntry:
    """One set as typed, before it is tied to an exercise and a workout."""

    reps: int | None = None
    load_kg: float | None = None
    duration_seconds: float | None = None
    distance_m: float | None = None


def _fail(text: str, problem: str) -> InvalidInput:
    return InvalidInput("sets", f"{text!r}: {problem}", FORMS)


def _load_kg(text: str, whole: str, default_unit: WeightUnit) -> float:
    match = _LOAD.match(text)
    if not match:
        raise _fail(whole, f"cannot read the load {text!r}")
    unit_text = match["unit"]
    if unit_text and unit_text not in _UNITS:
        raise InvalidInput("unit", f"unknown unit {unit_text!r} in {whole!r}", "kg, lb")
    unit = _UNITS[unit_text] if unit_text else default_unit
    return round(unit.to_kg(float(match["value"])), 3)


def _count(text: str, whole: str, what: str) -> int:
    if not text.isdecimal():  # not isdigit: "²" is a digit that int() cannot read
        raise _fail(whole, f"{what} must be a whole number, not {text!r}")
    return int(text)


def parse_sets(text: str, default_unit: WeightUnit = WeightUnit.KG) -> list[SetEntry]:
    """The sets a short form describes; unreadable text says which forms are understood.

    >>> parse_sets("3x12@14kg")[0]
    SetEntry(reps=12, load_kg=14.0, duration_seconds=None, distance_m=None)
    """
    whole = text.strip().lower()
    if not whole:
        raise _fail(text, "nothing to log")
    if whole.startswith("-") or "x-" in whole or ",-" in whole:
        raise InvalidInput("reps", f"{text!r}: counts cannot be negative", "0 or more")
    words = whole.split()
    if all(_TIME.match(w) or _DIST.match(w) for w in words):
        return [_timed_entry(words, whole)]
    if len(words) != 1:
        raise _fail(text, "put sets and load together without spaces")
    amount, _, load_text = whole.partition("@")
    load = _load_kg(load_text, whole, default_unit) if load_text else None
    count, times, rest = amount.partition("x")
    if times:
        sets = _count(count, whole, "the number of sets")
        if not 1 <= sets <= 20:
            raise InvalidInput("sets", f"{sets} sets in {text!r}", "1-20 sets at once")
        timed = _TIME.match(rest)
        if timed:
            seconds = float(timed["value"]) * _SECONDS[timed["unit"]]
            return [SetEntry(duration_seconds=seconds, load_kg=load) for _ in range(sets)]
        return [SetEntry(reps=_count(rest, whole, "reps"), load_kg=load) for _ in range(sets)]
    return [SetEntry(reps=_count(r, whole, "reps"), load_kg=load) for r in amount.split(",")]


def _timed_entry(words: list[str], whole: str) -> SetEntry:
    duration = distance = None
    for word in words:
        if timed := _TIME.match(word):
            duration = float(timed["value"]) * _SECONDS[timed["unit"]]
        elif far := _DIST.match(word):
            distance = float(far["value"]) * _METRES[far["unit"]]
    if duration is None and distance is None:
        raise _fail(whole, "no time or distance")
    return SetEntry(duration_seconds=duration, distance_m=distance)
