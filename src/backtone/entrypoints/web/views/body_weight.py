"""Body weight on the web: the request and the list, in the person's unit."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Literal

from pydantic import BaseModel, Field

from backtone.domain.training import WeightUnit


class BodyWeightRequest(BaseModel):
    weight: float = Field(gt=0, le=1000, description="In `unit`; 25-350 kg is accepted")
    unit: Literal["kg", "lb"] | None = Field(default=None, description="Default: yours")
    date: str | None = Field(
        default=None,
        max_length=10,
        description="YYYY-MM-DD, today or yesterday, where you are (default: today)",
    )


class BodyWeightView(BaseModel):
    day: date  # where the person is
    measured_at: datetime
    weight: float  # in `unit`
    unit: str


class BodyWeightsView(BaseModel):
    unit: str
    entries: list[BodyWeightView]  # oldest first


def body_weight_view(
    measured_at: datetime, kg: float, unit: WeightUnit, tz: tzinfo
) -> BodyWeightView:
    return BodyWeightView(
        day=measured_at.astimezone(tz).date(),
        measured_at=measured_at,
        weight=round(unit.from_kg(kg), 1),
        unit=unit.value,
    )


def body_weights_view(
    entries: list[tuple[datetime, float]], unit: WeightUnit, tz: tzinfo
) -> BodyWeightsView:
    return BodyWeightsView(
        unit=unit.value, entries=[body_weight_view(at, kg, unit, tz) for at, kg in entries]
    )
