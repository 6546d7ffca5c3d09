"""The exercise library's view models: a filtered list, and one exercise in full."""

from __future__ import annotations

from pydantic import BaseModel, Field

from backtone.domain.catalogue import Catalogue, ExerciseFilter
from backtone.domain.exercise import Exercise
from backtone.domain.vocabulary import Equipment, Kind, Level, Muscle, Pattern


class ExerciseSummaryView(BaseModel):
    id: str
    name: str
    level: str
    kind: str
    pattern: str
    primary: list[str]
    equipment: list[str]
    summary: str


class Option(BaseModel):
    value: str
    label: str


class LibraryView(BaseModel):
    """One page of the exercises that match (`count` is how many match in all)."""

    text: str
    muscle: str
    equipment: str
    level: str
    kind: str
    pattern: str
    muscles: list[Option]
    equipments: list[Option]
    levels: list[Option]
    kinds: list[Option]
    patterns: list[Option]
    count: int
    exercises: list[ExerciseSummaryView]


class LinkView(BaseModel):
    id: str
    name: str


class ExerciseView(BaseModel):
    id: str
    name: str
    level: str
    kind: str
    pattern: str
    primary: list[str]
    secondary: list[str]
    equipment: list[str]
    summary: str
    setup: str
    steps: list[str]
    cues: list[str]
    mistakes: list[str]
    safety: list[str]
    prescription: str
    prescription_source: str
    easier: list[LinkView]
    harder: list[LinkView]


def _options(values: list[tuple[str, str]]) -> list[Option]:
    return [Option(value=v, label=label) for v, label in values]


def summary_view(e: Exercise) -> ExerciseSummaryView:
    return ExerciseSummaryView(
        id=e.id,
        name=e.name,
        level=e.level.value,
        kind=e.kind.value,
        pattern=e.pattern.label,
        primary=[m.label for m in e.primary],
        equipment=e.kit(),
        summary=e.summary,
    )


def library_view(found: list[Exercise], query: LibraryQuery) -> LibraryView:
    end = None if query.limit is None else query.offset + query.limit
    return LibraryView(
        text=query.text,
        muscle=query.muscle.value if query.muscle else "",
        equipment=",".join(e.value for e in query.equipment),
        level=query.level.value if query.level else "",
        kind=query.kind.value if query.kind else "",
        pattern=query.pattern.value if query.pattern else "",
        muscles=_options([(m.value, m.label) for m in Muscle]),
        equipments=_options([(x.value, x.label) for x in Equipment if x is not Equipment.NONE]),
        levels=_options([(x.value, x.value) for x in Level]),
        kinds=_options([(x.value, x.value) for x in Kind]),
        patterns=_options([(x.value, x.label) for x in Pattern]),
        count=len(found),
        exercises=[summary_view(e) for e in found[query.offset : end]],
    )


def _links(ids: tuple[str, ...], catalogue: Catalogue) -> list[LinkView]:
    return [LinkView(id=i, name=catalogue.get(i).name) for i in ids if i in catalogue]


def exercise_view(e: Exercise, catalogue: Catalogue) -> ExerciseView:
    return ExerciseView(
        id=e.id,
        name=e.name,
        level=e.level.value,
        kind=e.kind.value,
        pattern=e.pattern.label,
        primary=[m.label for m in e.primary],
        secondary=[m.label for m in e.secondary],
        equipment=e.kit(),
        summary=e.summary,
        setup=e.setup,
        steps=list(e.steps),
        cues=list(e.cues),
        mistakes=list(e.mistakes),
        safety=list(e.safety),
        prescription=e.prescription.describe(),
        prescription_source=e.prescription.source.value,
        easier=_links(e.easier, catalogue),
        harder=_links(e.harder, catalogue),
    )


class LibraryQuery(BaseModel):
    """The library's search box and filters, as query parameters."""

    text: str = Field(default="", max_length=100)
    muscle: Muscle | None = None
    equipment: list[Equipment] = Field(default=[], max_length=20)
    level: Level | None = None
    kind: Kind | None = None
    pattern: Pattern | None = None
    limit: int | None = Field(default=None, ge=1, le=500, description="At most this many")
    offset: int = Field(default=0, ge=0, le=100_000, description="Skip this many first")


def exercise_filter(query: LibraryQuery) -> ExerciseFilter:
    """What the search asks for; ticked kit adds what every home has."""
    kit = frozenset(query.equipment) | {Equipment.NONE} if query.equipment else None
    return ExerciseFilter(
        muscle=query.muscle,
        equipment=kit,
        level=query.level,
        kind=query.kind,
        pattern=query.pattern,
        text=query.text,
    )
