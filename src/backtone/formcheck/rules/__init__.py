"""The exercise rules the form check knows, by catalogue exercise id."""

from __future__ import annotations

import difflib
from typing import Any

from backtone.domain.errors import NotFound
from backtone.formcheck.reps import ENTER_TOP, LEAVE_TOP
from backtone.formcheck.rules import (
    arm_raise,
    deadlift,
    lat_pulldown,
    pull_up,
    pullover,
    push_up,
    row,
)
from backtone.formcheck.rules.base import Check, ExerciseRule, RepWindow
from backtone.formcheck.rules.spec import Signal, Threshold, as_data
from backtone.formcheck.view import View

RULES: dict[str, ExerciseRule] = {
    module.RULE.exercise_id: module.RULE
    for module in (row, deadlift, pull_up, push_up, lat_pulldown, pullover, arm_raise)
}


# Catalogue variants whose reps move the same landmarks the same way as a rule's exercise, so
# the live coach can count them with that rule (its checks still hold for these variants).
VARIANTS: dict[str, str] = {
    "wall-push-up": "push-up",
    "incline-push-up": "push-up",
    "wide-push-up": "push-up",
    "diamond-push-up": "push-up",
    "decline-push-up": "push-up",
    "chin-up": "pull-up",
    "wide-grip-pull-up": "pull-up",
    "close-grip-pull-up": "pull-up",
    "band-assisted-pull-up": "pull-up",
    "assisted-pull-up": "pull-up",
    "spotted-pull-up": "pull-up",
    "band-lat-pulldown": "lat-pulldown",
    "romanian-deadlift": "barbell-deadlift",
    "dumbbell-romanian-deadlift": "barbell-deadlift",
    "wall-slide": "arm-raise",  # the hands slide up the wall above the shoulders and back
}


def counted_with(exercise_id: str) -> str | None:
    """The rule that counts a catalogue exercise's reps, if any (its own, or its variant's)."""
    if exercise_id in RULES:
        return exercise_id
    return VARIANTS.get(exercise_id)


def rule_for(exercise_id: str) -> ExerciseRule:
    """The rule for a catalogue exercise id, or NotFound with the closest ids."""
    try:
        return RULES[exercise_id]
    except KeyError:
        close = difflib.get_close_matches(exercise_id, list(RULES), n=3, cutoff=0.4)
        raise NotFound("form-check rule for exercise", exercise_id, close or list(RULES)) from None


def rules_as_data() -> dict[str, Any]:
    """The rule set as plain data for the browser coach: each rule's rep signal, its minimum
    range, and its checks (those described as data can be judged live; all carry their cue)."""

    def views(needs: frozenset[View]) -> list[str]:
        return sorted(v.value for v in needs)

    rules = {}
    for rule in RULES.values():
        if not isinstance(rule.signal, Signal):
            continue
        rules[rule.exercise_id] = {
            "name": rule.name,
            "signal": as_data(rule.signal),
            "min_range": rule.min_range,
            "count_views": views(rule.count_needs),
            "checks": [
                {
                    "code": check.code,
                    "cue": check.cue,
                    "views": views(check.needs),
                    "live": as_data(check.fires) if isinstance(check.fires, Threshold) else None,
                }
                for check in rule.checks
            ],
        }
    return {"enter_top": ENTER_TOP, "leave_top": LEAVE_TOP, "rules": rules, "variants": VARIANTS}


__all__ = [
    "RULES",
    "VARIANTS",
    "Check",
    "ExerciseRule",
    "RepWindow",
    "counted_with",
    "rule_for",
    "rules_as_data",
]
