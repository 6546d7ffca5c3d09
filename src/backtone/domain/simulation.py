"""A simulated person following the progression engine for weeks, with day-to-day noise.

Used to check that the rules add up to sensible progress, and to draw the table in
docs/progression.md. Pure: the random source and the start date are passed in.

Assumptions (documented with the results): strength is an estimated one-rep max per movement
that grows after each session by `gain` x (1 - max / ceiling), faster for a novice far from
their ceiling; reps possible at a load follow Epley's formula backwards; each set after the
first loses 4 % to fatigue; daily form varies by `noise` (a normal spread); a week away costs
1 % of strength after the first week; sessions are missed at random and a two-week break
sits in the middle. Body-weight movements lift a fixed share of body weight (a push-up about
65 %, a wall push-up 20 %), less any band or counterweight help, plus any belt weight.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from backtone.domain.catalogue import Catalogue
from backtone.domain.exposure import Change, Exposure
from backtone.domain.kit import KILO_KIT, Kit
from backtone.domain.ladders import ASSISTED, family_ids, ladder_of
from backtone.domain.progression import Coaching, Suggestion, suggest_next
from backtone.domain.training import LoggedSet
from backtone.domain.vocabulary import LoadKind

# Share of body weight each body-weight movement lifts (rough biomechanics figures).
BODY_SHARE: dict[str, float] = {
    "scapular-pull-up": 0.6,
    "negative-pull-up": 0.7,  # lowering is about 40 % stronger than lifting
    "band-assisted-pull-up": 1.0,
    "assisted-pull-up": 1.0,
    "spotted-pull-up": 0.85,
    "pull-up": 1.0,
    "chin-up": 0.95,
    "wide-grip-pull-up": 1.05,
    "close-grip-pull-up": 1.0,
    "wall-push-up": 0.2,
    "incline-push-up": 0.5,
    "push-up": 0.64,
    "wide-push-up": 0.64,
    "decline-push-up": 0.72,
    "diamond-push-up": 0.72,
}
SET_FATIGUE = 0.025
KIT: Kit = KILO_KIT  # a gym's kit in kilograms
WEEKLY_DETRAINING = 0.01


@dataclass(frozen=True)
class Person:
    """Who is simulated: body weight, starting one-rep maxes (kg) or hold times (s), habits."""

    bodyweight_kg: float = 75.0
    # Per plan item: kg for lifts and ladders (a ladder's figure is its pull or push strength),
    # seconds for timed holds.
    start: Mapping[str, float] = field(
        default_factory=lambda: {
            "dead-hang": 30.0,
            "pull-up": 0.85 * 75.0,  # cannot do one pull-up yet
            "push-up": 0.55 * 75.0,  # a few knee-height incline push-ups
            "bent-over-dumbbell-row": 15.0,
            "lat-pulldown": 45.0,
            "dumbbell-romanian-deadlift": 24.0,
            "band-face-pull": 16.0,
        }
    )
    gain: float = 0.07  # growth per session, times the share of headroom left
    hold_gain: float = 0.06  # holds lengthen faster than strength grows
    ceiling: float = 1.6  # x the starting figure
    noise: float = 0.03
    miss_chance: float = 0.08
    break_weeks: tuple[int, ...] = (7, 8)  # 1-based weeks away


@dataclass(frozen=True)
class SimulatedSession:
    day: date
    week: int
    plan_item: str
    suggestion: Suggestion
    done: Exposure | None  # None when the session was missed


def simulate(
    catalogue: Catalogue,
    rng: random.Random,
    *,
    start: date,
    plan: tuple[str, ...] = (
        "dead-hang",
        "incline-push-up",
        "bent-over-dumbbell-row",
        "lat-pulldown",
        "dumbbell-romanian-deadlift",
        "band-face-pull",
    ),
    weeks: int = 12,
    person: Person | None = None,
    weekdays: tuple[int, ...] = (0, 2, 4),
) -> list[SimulatedSession]:
    """Run `weeks` of Monday-Wednesday-Friday sessions, feeding each suggestion back in."""
    who = person or Person()
    strength = dict(who.start)
    ceilings = {k: v * who.ceiling for k, v in strength.items()}
    items = list(plan)
    history: dict[int, list[Exposure]] = {slot: [] for slot in range(len(plan))}
    log: list[SimulatedSession] = []
    last_trained: dict[str, date] = {}
    for week in range(1, weeks + 1):
        for weekday in weekdays:
            day = start + timedelta(days=7 * (week - 1) + weekday)
            away = week in who.break_weeks or rng.random() < who.miss_chance
            for slot, item in enumerate(items):
                advice = suggest_next(
                    catalogue.get(item), history[slot], day, Coaching(catalogue, kit=KIT)
                )
                if away:
                    log.append(SimulatedSession(day, week, item, advice, None))
                    continue
                key = _key(advice.exercise_id)
                if key not in strength:  # a switched variant starts where the old one was
                    strength[key] = strength[_key(item)]
                    ceilings[key] = ceilings[_key(item)] * 1.10
                if key in last_trained:
                    idle_weeks = (day - last_trained[key]).days / 7 - 1
                    strength[key] *= (1 - WEEKLY_DETRAINING) ** max(0.0, idle_weeks)
                form = strength[key] * rng.gauss(1.0, who.noise)
                done = _perform(advice, form, who, catalogue, day, rng)
                history[slot].append(done)
                log.append(SimulatedSession(day, week, item, advice, done))
                last_trained[key] = day
                rate = who.hold_gain if advice.seconds is not None else who.gain
                strength[key] += rate * strength[key] * (1 - strength[key] / ceilings[key])
                if advice.change is Change.SWITCH_VARIANT and ladder_of(item) is None:
                    items[slot] = advice.exercise_id  # swapped, as the guided session allows
    return log


def _key(item: str) -> str:
    ladder = ladder_of(item)
    if ladder is not None and item != "dead-hang":
        return ladder.id
    return item


def _perform(
    advice: Suggestion,
    form: float,
    who: Person,
    catalogue: Catalogue,
    day: date,
    rng: random.Random,
) -> Exposure:
    exercise = catalogue.get(advice.exercise_id)
    span = advice.reps or advice.seconds
    assert span is not None
    load = advice.load_kg
    if load is None and exercise.load is not LoadKind.UNLOADED:
        load = _choose_load(advice, form, who, exercise.load, span.low + 2)
    rated = advice.seconds is None and rng.random() < 0.5  # half log reps in reserve
    sets = []
    for n in range(advice.sets):
        fresh = form * (1 - SET_FATIGUE * n)
        if advice.seconds is not None:
            possible = fresh
        else:
            possible = _reps_possible(fresh, _lifted(advice.exercise_id, load, who))
        amount = max(0, min(span.high, math.floor(possible)))
        reserve = min(5, max(0, math.floor(possible) - amount)) if rated else None
        sets.append(
            LoggedSet(
                advice.exercise_id,
                reps=None if advice.seconds is not None else amount,
                duration_seconds=float(amount) if advice.seconds is not None else None,
                load_kg=load if exercise.load is not LoadKind.BODYWEIGHT or load else None,
                reps_in_reserve=reserve,
            )
        )
    return Exposure(day, advice.exercise_id, tuple(sets), advice.as_target())


def _lifted(exercise_id: str, load: float | None, who: Person) -> float:
    share = BODY_SHARE.get(exercise_id)
    if share is None:
        return load or 0.0
    body = share * who.bodyweight_kg
    if exercise_id in ASSISTED:
        return body - (load or 0.0)
    return body + (load or 0.0)


def _reps_possible(one_rep_max: float, lifted: float) -> float:
    if lifted <= 0:
        return 100.0
    return max(0.0, 30 * (one_rep_max / lifted - 1))


def _choose_load(
    advice: Suggestion, form: float, who: Person, kind: LoadKind, reps: int
) -> float | None:
    """What a person picks when told to: the load (or help) that allows about `reps` reps."""
    wanted = form / (1 + reps / 30)
    loads = KIT.loads(kind)
    if advice.exercise_id in ASSISTED:
        need = BODY_SHARE[advice.exercise_id] * who.bodyweight_kg - wanted
        return next((v for v in loads if v >= need), loads[-1])
    if kind is LoadKind.BODYWEIGHT:
        return advice.load_kg
    return KIT.at_most(kind, wanted) or loads[0]


def family_history(log: list[SimulatedSession], item: str) -> list[SimulatedSession]:
    """The sessions of one plan item (and its ladder), missed ones included."""
    ids = family_ids(item)
    return [s for s in log if s.plan_item in ids or s.suggestion.exercise_id in ids]
