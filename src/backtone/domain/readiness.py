"""The readiness check-in before a session: sleep, soreness by region, pain and where.

A check-in can only hold or lower the day's targets, never raise them, and each change says
why (docs/progression.md):

- poor sleep, or moderate soreness in a region an exercise works: nothing goes up today, the
  load and target stay as last time;
- severe soreness in a region an exercise works: also one set fewer;
- pain in a region an exercise works: that exercise is swapped for one that spares the
  region, or left out, for today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum, StrEnum

from backtone.domain.errors import InvalidInput
from backtone.domain.exercise import Exercise
from backtone.domain.vocabulary import REGION_OF, Region, parse_term


class Sleep(StrEnum):
    POOR = "poor"
    OK = "ok"
    GOOD = "good"


class Soreness(IntEnum):
    NONE = 0
    MILD = 1
    MODERATE = 2
    SEVERE = 3


SORENESS_WORDS = {
    Soreness.NONE: "none",
    Soreness.MILD: "mild",
    Soreness.MODERATE: "moderate",
    Soreness.SEVERE: "severe",
}


@dataclass(frozen=True)
class CheckIn:
    """How a person feels on `day`, as they said it before training."""

    day: date
    sleep: Sleep = Sleep.OK
    soreness: tuple[tuple[Region, Soreness], ...] = ()
    pain: frozenset[Region] = frozenset()

    def sore(self, region: Region) -> Soreness:
        return next((level for r, level in self.soreness if r is region), Soreness.NONE)

    @property
    def quiet(self) -> bool:
        """Nothing to change: slept fine, nothing sore beyond mild, no pain."""
        return (
            self.sleep is not Sleep.POOR
            and not self.pain
            and all(level <= Soreness.MILD for _, level in self.soreness)
        )


def worked_regions(exercise: Exercise) -> frozenset[Region]:
    """Regions an exercise works hard: those of its main muscles."""
    return frozenset(REGION_OF[m] for m in exercise.primary)


def painful(exercise: Exercise, check_in: CheckIn | None) -> frozenset[Region]:
    """Regions in pain today that this exercise works (main or helping muscles)."""
    if check_in is None:
        return frozenset()
    touched = frozenset(REGION_OF[m] for m in exercise.muscles)
    return touched & check_in.pain


def hold_reason(exercise: Exercise, check_in: CheckIn | None) -> str:
    """Why nothing may go up on this exercise today ('' when it may)."""
    if check_in is None:
        return ""
    sore = [r for r in worked_regions(exercise) if check_in.sore(r) >= Soreness.MODERATE]
    if sore:
        level = max(check_in.sore(r) for r in sore)
        return f"{SORENESS_WORDS[level]} soreness in your {_names(sore)} today"
    if check_in.sleep is Sleep.POOR:
        return "a poor night's sleep"
    return ""


def fewer_sets(exercise: Exercise, check_in: CheckIn | None) -> bool:
    """Severe soreness where this exercise works: a set fewer today."""
    return check_in is not None and any(
        check_in.sore(r) >= Soreness.SEVERE for r in worked_regions(exercise)
    )


def parse_soreness(text: str) -> tuple[tuple[Region, Soreness], ...]:
    """'lats:2, lower-back:3' (0 none, 1 mild, 2 moderate, 3 severe) as regions and levels."""
    found: dict[Region, Soreness] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, _, level = part.partition(":")
        region = parse_term(Region, name, "soreness")
        try:
            found[region] = Soreness(int(level or "2"))
        except ValueError:
            raise InvalidInput(
                "soreness", f"{part!r} has no level 0-3", "region:level, e.g. lats:2"
            ) from None
    return tuple(sorted(found.items()))


def parse_pain(text: str) -> frozenset[Region]:
    """'lower-back, shoulders' as regions."""
    return frozenset(parse_term(Region, p, "pain") for p in text.split(",") if p.strip())


def _names(regions: list[Region]) -> str:
    return " and ".join(sorted(r.value.replace("-", " ") for r in regions))
