"""A guided workout on the web: the requests it takes and its answers, shaped from the
services' results (`services/workouts.py`)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from backtone.domain.catalogue import Catalogue
from backtone.domain.training import WeightUnit
from backtone.entrypoints.web.views.history import set_view
from backtone.entrypoints.web.views.sets import LoggedView
from backtone.services.workouts import GuidedSet, SwapChoices, Ticked


class SwapRequest(BaseModel):
    position: int = Field(ge=0, le=100)
    exercise_id: str = Field(min_length=1, max_length=120)


class TickRequest(BaseModel):
    position: int = Field(ge=0, le=100)
    done: bool = True


class KeptView(LoggedView):
    """A set a phone kept while offline, as stored, and what the rules did with it."""

    notice: str = Field(default="", description="Where the set went if not where it was sent")


def kept_view(kept: GuidedSet, unit: WeightUnit) -> dict[str, object]:
    """The answer to a logged set, as stored for a retried request (`notice` only when there
    is one, so a set sent at once answers as it always did)."""
    view = KeptView(
        workout_id=kept.workout_id,
        exercise_id=kept.exercise.id,
        exercise=kept.exercise.name,
        sets=[set_view(kept.logged, Catalogue([kept.exercise]), unit)],
        notice=kept.notice,
    )
    return view.model_dump(mode="json", exclude=None if kept.notice else {"notice"})


class TickedView(BaseModel):
    workout_id: int
    position: int
    exercise_id: str
    done: bool


def ticked_view(ticked: Ticked) -> dict[str, object]:
    return TickedView(
        workout_id=ticked.workout_id,
        position=ticked.position,
        exercise_id=ticked.exercise_id,
        done=ticked.done,
    ).model_dump(mode="json")


class SwapView(BaseModel):
    workout_id: int
    position: int
    exercise_id: str
    name: str
    options: list[dict[str, str]] = Field(description="[{id, name}] to do instead")


def swap_view(choices: SwapChoices) -> SwapView:
    return SwapView(
        workout_id=choices.workout_id,
        position=choices.position,
        exercise_id=choices.item.exercise_id,
        name=choices.item.name,
        options=[{"id": e.id, "name": e.name} for e in choices.options],
    )
