"""A person's kit and their check-ins as plain JSON-ready data (storage and backups)."""

from __future__ import annotations

from datetime import date
from typing import Any

from backtone.domain.errors import InvalidInput
from backtone.domain.kit import Band, Kit
from backtone.domain.readiness import CheckIn, Sleep, Soreness
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Region


def kit_to_dict(kit: Kit) -> dict[str, Any]:
    return {
        "unit": kit.unit.value,
        "dumbbells": list(kit.dumbbells),
        "bar_kg": kit.bar_kg,
        "plates": [[size, pairs] for size, pairs in kit.plates],
        "stack_step_kg": kit.stack_step_kg,
        "stack_max_kg": kit.stack_max_kg,
        "kettlebells": list(kit.kettlebells),
        "bands": [[b.colour, b.kg] for b in kit.bands],
        "belt": list(kit.belt),
    }


def kit_from_dict(data: dict[str, Any]) -> Kit:
    """Read back what kit_to_dict wrote; a malformed document names what is wrong."""
    try:
        return Kit(
            unit=WeightUnit(data["unit"]),
            dumbbells=tuple(float(v) for v in data["dumbbells"]),
            bar_kg=float(data["bar_kg"]),
            plates=tuple((float(s), None if p is None else int(p)) for s, p in data["plates"]),
            stack_step_kg=float(data["stack_step_kg"]),
            stack_max_kg=float(data["stack_max_kg"]),
            kettlebells=tuple(float(v) for v in data["kettlebells"]),
            bands=tuple(Band(str(c), float(kg)) for c, kg in data["bands"]),
            belt=tuple(float(v) for v in data.get("belt", ())),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidInput(
            "kit", f"malformed kit: {error}", "a kit as backtone writes it"
        ) from None


def check_in_to_dict(check_in: CheckIn) -> dict[str, Any]:
    return {
        "day": check_in.day.isoformat(),
        "sleep": check_in.sleep.value,
        "soreness": {r.value: int(level) for r, level in check_in.soreness},
        "pain": sorted(r.value for r in check_in.pain),
    }


def check_in_from_dict(data: dict[str, Any]) -> CheckIn:
    try:
        return CheckIn(
            day=date.fromisoformat(data["day"]),
            sleep=Sleep(data["sleep"]),
            soreness=tuple(
                sorted((Region(r), Soreness(int(v))) for r, v in data["soreness"].items())
            ),
            pain=frozenset(Region(r) for r in data["pain"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidInput("check-in", f"malformed check-in: {error}") from None
