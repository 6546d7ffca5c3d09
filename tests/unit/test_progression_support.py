"""Small builders for progression stories: who did what, on which day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.catalogue import Catalogue
from backtone.domain.exposure import Target
from backtone.domain.kit import Kit, default_kit
from backtone.domain.progression import Coaching, Exposure, Suggestion, suggest_next
from backtone.domain.progression_rules import RULES, Rules
from backtone.domain.training import LoggedSet, SetType, WeightUnit
from backtone.domain.vocabulary import Equipment

MONDAY = date(2026, 3, 2)


@cache
def catalogue() -> Catalogue:
    return load_builtin_catalogue()


def session(
    exercise_id: str,
    day: int,
    reps: Sequence[int],
    kg: float | None = None,
    *,
    rpe: float | None = None,
    rir: int | None = None,
    seconds: bool = False,
    target: Target | None = None,
) -> Exposure:
    """One session: `reps` are seconds held when `seconds` is set; `day` counts from MONDAY."""
    sets = tuple(
        LoggedSet(
            exercise_id,
            reps=None if seconds else r,
            duration_seconds=float(r) if seconds else None,
            load_kg=kg,
            rpe=rpe,
            reps_in_reserve=rir,
        )
        for r in reps
    )
    return Exposure(MONDAY + timedelta(days=day), exercise_id, sets, target)


def warmup(exposure: Exposure, reps: int, kg: float) -> Exposure:
    extra = LoggedSet(exposure.exercise_id, set_type=SetType.WARMUP, reps=reps, load_kg=kg)
    return Exposure(exposure.day, exposure.exercise_id, (extra, *exposure.sets), exposure.target)


def next_for(
    exercise_id: str,
    history: Sequence[Exposure],
    today: int,
    *,
    equipment: frozenset[Equipment] | None = None,
    rules: Rules = RULES,
    unit: WeightUnit = WeightUnit.KG,
    kit: Kit | None = None,
    **more: Any,
) -> Suggestion:
    """Next time's suggestion for a plan item, on day `today` (from MONDAY); `more` goes to
    Coaching (deload, rung, support, sets, hold_because)."""
    exercise = catalogue().get(exercise_id)
    when = MONDAY + timedelta(days=today)
    coaching = Coaching(
        catalogue(), equipment=equipment, kit=kit or default_kit(unit), unit=unit, rules=rules,
        **more,
    )  # fmt: skip
    return suggest_next(exercise, history, when, coaching)
