"""The live camera coach on the today page: which cards it can count, and its rule data."""

from __future__ import annotations

from typing import Any


def coach_rule(exercise_id: str) -> str | None:
    """The form rule that counts this exercise's reps live, or None (then no camera button)."""
    from backtone.formcheck.rules import counted_with

    return counted_with(exercise_id)


def coach_rules() -> dict[str, Any]:
    """The rule set and live-counting settings, as the browser's counter reads them."""
    from backtone.formcheck.live import coach_data

    return coach_data()
