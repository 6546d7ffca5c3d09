"""The exercise rules the form check knows, by catalogue exercise id."""

from __future__ import annotations

import difflib

from backtone.domain.errors import NotFound
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

RULES: dict[str, ExerciseRule] = {
    module.RULE.exercise_id: module.RULE
    for module in (row, deadlift, pull_up, push_up, lat_pulldown, pullover, arm_raise)
}


def rule_for(exercise_id: str) -> ExerciseRule:
    """The rule for a catalogue exercise id, or NotFound with the closest ids."""
    try:
        return RULES[exercise_id]
    except KeyError:
        close = difflib.get_close_matches(exercise_id, list(RULES), n=3, cutoff=0.4)
        raise NotFound("form-check rule for exercise", exercise_id, close or list(RULES)) from None


__all__ = ["RULES", "Check", "ExerciseRule", "RepWindow", "rule_for"]
