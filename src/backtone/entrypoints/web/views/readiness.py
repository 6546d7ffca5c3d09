"""The readiness check-in and the kit as the web takes and shows them (API and pages)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from backtone.domain.errors import InvalidInput
from backtone.domain.kit import Band, Kit, default_kit, parse_loads, parse_plates, say_loads
from backtone.domain.readiness import CheckIn, Sleep, Soreness
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Region

RegionName = Literal[
    "lats", "upper-back", "lower-back", "shoulders", "arms", "chest", "core", "legs"
]


class CheckInRequest(BaseModel):
    """How you feel before a session. It can only hold or lower today's targets."""

    sleep: Literal["poor", "ok", "good"] = "ok"
    soreness: dict[RegionName, int] = Field(
        default={}, description="0 none, 1 mild, 2 moderate, 3 severe"
    )
    pain: list[RegionName] = Field(default=[], max_length=8)

    def check_in(self, day: date) -> CheckIn:
        try:
            sore = tuple(sorted((Region(r), Soreness(v)) for r, v in self.soreness.items() if v))
        except ValueError:
            raise InvalidInput("soreness", "a level is out of range", "0-3") from None
        return CheckIn(day, Sleep(self.sleep), sore, frozenset(Region(r) for r in self.pain))


class CheckInView(BaseModel):
    day: date
    sleep: str
    soreness: dict[str, int]
    pain: list[str]


def check_in_view(check_in: CheckIn) -> CheckInView:
    return CheckInView(
        day=check_in.day,
        sleep=check_in.sleep.value,
        soreness={r.value: int(level) for r, level in check_in.soreness},
        pain=sorted(r.value for r in check_in.pain),
    )


class KitView(BaseModel):
    """The loads you can set, in your unit: lists like '5, 7.5, 10' or ranges like '2-40/2'."""

    unit: Literal["kg", "lb"]
    dumbbells: str = Field(max_length=300, description="dumbbell pairs, e.g. '2-40/2'")
    bar: float = Field(ge=0, le=110, description="the bar's own weight")
    plates: str = Field(max_length=300, description="plate sizes, with pairs: '1.25x2, 2.5x2'")
    stack_step: float = Field(gt=0, le=50, description="one plate of a cable or machine stack")
    stack_max: float = Field(gt=0, le=1000)
    kettlebells: str = Field(max_length=300)
    bands: str = Field(max_length=300, description="colour:resistance, e.g. 'red:10, green:15'")


def kit_view(kit: Kit) -> KitView:
    unit = kit.unit
    plates = ", ".join(
        f"{unit.from_kg(size):g}" + (f"x{pairs}" if pairs is not None else "")
        for size, pairs in kit.plates
    )
    return KitView(
        unit=unit.value,
        dumbbells=say_loads(kit.dumbbells, unit).removesuffix(f" {unit.value}"),
        bar=round(unit.from_kg(kit.bar_kg), 2),
        plates=plates,
        stack_step=round(unit.from_kg(kit.stack_step_kg), 2),
        stack_max=round(unit.from_kg(kit.stack_max_kg), 2),
        kettlebells=say_loads(kit.kettlebells, unit).removesuffix(f" {unit.value}"),
        # Bands are nominal figures: a tenth is close enough, and 11 lb reads better than 11.0231.
        bands=", ".join(f"{b.colour}:{round(unit.from_kg(b.kg), 1):g}" for b in kit.bands),
    )


def kit_from(view: KitView) -> Kit:
    """The kit as typed, in its unit; a bad list names its field and what is allowed."""
    unit = WeightUnit(view.unit)
    bands = []
    for part in (p.strip() for p in view.bands.split(",") if p.strip()):
        colour, _, size = part.partition(":")
        try:
            kg = round(unit.to_kg(float(size)), 3)
        except ValueError:
            kg = 0.0
        if not colour.strip() or not 0 < kg <= 200:
            raise InvalidInput(
                "bands",
                f"{part!r} is not a band",
                f"colour:resistance in {unit.value}, e.g. red:10",
            )
        bands.append(Band(colour.strip(), kg))
    if view.stack_max < view.stack_step:
        raise InvalidInput(
            "stack_max", f"{view.stack_max:g} is below one step", f"{view.stack_step:g} or more"
        )
    return replace(
        default_kit(unit),
        dumbbells=parse_loads(_range(view.dumbbells), unit, "dumbbells"),
        bar_kg=round(unit.to_kg(view.bar), 6),
        plates=parse_plates(view.plates, unit),
        stack_step_kg=round(unit.to_kg(view.stack_step), 6),
        stack_max_kg=round(unit.to_kg(view.stack_max), 6),
        kettlebells=parse_loads(_range(view.kettlebells), unit, "kettlebells"),
        bands=tuple(sorted(bands, key=lambda b: b.kg)),
    )


KIT_FIELDS = ("dumbbells", "kettlebells", "bar", "plates", "stack_step", "stack_max", "bands")


def kit_form(kit: Kit) -> dict[str, str]:
    """The kit as a form shows it: each field as text, numbers without a trailing '.0'."""
    shown = kit_view(kit).model_dump()
    return {name: f"{shown[name]:g}" if isinstance(shown[name], float) else shown[name]
            for name in KIT_FIELDS}  # fmt: skip


def kit_typed(unit: WeightUnit, typed: Mapping[str, object]) -> Kit:
    """The kit as typed in a form or on the command line, in `unit`; the first mistake names
    its field (a KitView field name) and what is allowed."""
    try:
        view = KitView.model_validate({**typed, "unit": unit.value})
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "kit"
        raise InvalidInput(field, str(first["msg"]).lower()) from None
    return kit_from(view)


def _range(text: str) -> str:
    """'2-40 in 2s' (how the kit is shown) back to '2-40/2' (how it is typed)."""
    return text.replace(" in ", "/").replace("s", "") if " in " in text else text
