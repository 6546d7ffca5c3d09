"""Plain-words explanations: why no plan fits, what would fix it, and what a plan lacks."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from backtone.domain.catalogue import Catalogue
from backtone.domain.plan import PlanItem
from backtone.domain.profile import WEEKDAY_NAMES, Profile
from backtone.domain.vocabulary import BACK_REGIONS, Equipment, Kind, Limitation, Pattern, Region
from backtone.planner.candidates import Candidate, is_main_candidate, trains
from backtone.planner.rules import allowed, is_hard, regions_of
from backtone.planner.selection import COVERED, too_close
from backtone.planner.volume import MIN_MAIN_EXERCISES, targets

# Kit worth suggesting, cheapest and most common first.
SUGGESTED_KIT = (
    (Equipment.RESISTANCE_BAND, "a resistance band"),
    (Equipment.PULL_UP_BAR, "a doorway pull-up bar"),
    (Equipment.DUMBBELLS, "a pair of dumbbells"),
    (Equipment.STURDY_TABLE, "a sturdy table"),
    (Equipment.BENCH, "a bench"),
    (Equipment.CHAIR, "a sturdy chair"),
)
PATTERN_WORDS = {
    Pattern.VERTICAL_PULL: "a vertical pull (pulling down from overhead)",
    Pattern.HORIZONTAL_PULL: "a horizontal pull (a row)",
    Pattern.HINGE: "a hip hinge for the lower back",
}


def _options(catalogue: Catalogue, profile: Profile, pattern: Pattern) -> int:
    return sum(1 for e in catalogue if trains(e, pattern) and is_main_candidate(e, profile))


def kit_fix(catalogue: Catalogue, profile: Profile, pattern: Pattern) -> str:
    """What one extra piece of kit would add for this pattern, e.g. 'a resistance band would
    add 2 options'; empty when no single piece helps."""
    offers = []
    for equipment, words in SUGGESTED_KIT:
        if equipment in profile.equipment:
            continue
        richer = replace(profile, equipment=profile.equipment | {equipment})
        gained = _options(catalogue, richer, pattern)
        if gained:
            offers.append(f"{words} would add {gained} option{'s' if gained > 1 else ''}")
    return " or ".join(offers[:2])


def coverage_gaps(catalogue: Catalogue, profile: Profile, pool: Sequence[Candidate]) -> list[str]:
    """A sentence for each of vertical pull, row and hinge that nothing in the pool trains."""
    gaps = []
    lower_back = any(is_hard(c.exercise) and Region.LOWER_BACK in regions_of(c.exercise)
                     for c in pool)  # fmt: skip
    for pattern in COVERED:
        if any(trains(c.exercise, pattern) for c in pool):
            continue
        if pattern is Pattern.HINGE and lower_back and not profile.limitations:
            continue  # the lower back is trained, only not with a hinge
        if pattern is Pattern.HINGE and Limitation.LOWER_BACK in profile.limitations:
            gaps.append(
                "No loaded hinge while your lower back is sore: bird dogs, dead bugs, side"
                " planks and glute bridges keep the muscles around it working without"
                " bending it under load. Bring hinges back once bending is pain-free."
            )
            continue
        fix = kit_fix(catalogue, profile, pattern)
        cause = "your equipment" if not profile.limitations else "your equipment and limitations"
        gap = f"Nothing trains {PATTERN_WORDS[pattern]} with {cause}"
        gaps.append(f"{gap}: {fix}." if fix else f"{gap}.")
    return gaps


def missing_basics(catalogue: Catalogue, profile: Profile, pool: Sequence[Candidate]) -> list[str]:
    """Reasons no plan can exist at all, before any solving."""
    reasons = []
    stretches = [e for e in catalogue if e.kind is Kind.STRETCH and allowed(e, profile)]
    if not stretches:
        reasons.append(
            "No stretch in the catalogue suits your limitations, so no session can open and"
            " close with stretching."
        )
    back = [c for c in pool if regions_of(c.exercise) & BACK_REGIONS and is_hard(c.exercise)]
    if not back:
        fixes = [kit_fix(catalogue, profile, p) for p in COVERED[:2]]
        fix = next((f for f in fixes if f), "")
        reasons.append(
            "Nothing strengthens the back with your equipment and limitations"
            + (f": {fix}." if fix else ".")
        )
    elif len(pool) < MIN_MAIN_EXERCISES:
        reasons.append(
            f"Only {len(pool)} exercise fits your equipment, level and limitations; a session"
            f" needs at least {MIN_MAIN_EXERCISES}."
        )
    return reasons


def shortest_main_seconds(pool: Sequence[Candidate]) -> int:
    """Seconds for the cheapest legal main block: one back exercise and one more, fewest sets."""
    back = sorted(
        _cheapest(c) for c in pool if regions_of(c.exercise) & BACK_REGIONS and is_hard(c.exercise)
    )
    if not back:
        return 0
    first = back[0]
    rest = sorted(_cheapest(c) for c in pool)
    rest.remove(first)
    return first + sum(rest[: MIN_MAIN_EXERCISES - 1])


def _cheapest(c: Candidate) -> int:
    return c.dose.sets.low * c.set_seconds + c.entry_seconds


def too_short(profile: Profile, bookends: Sequence[PlanItem], pool: Sequence[Candidate]) -> str:
    """'10 minutes cannot hold ...: 15 minutes can', or empty when the time suffices."""
    need = shortest_main_seconds(pool) + sum(i.estimated_seconds for i in bookends)
    if need <= profile.minutes * 60:
        return ""
    enough = max(profile.minutes + 5, 5 * math.ceil(need / 300))
    return (
        f"{profile.minutes} minutes cannot hold a warm-up, {MIN_MAIN_EXERCISES} exercises and a"
        f" cool-down: {enough} minutes can."
    )


def spacing_reason(profile: Profile) -> str:
    pairs = too_close(profile.weekdays)
    names = sorted(
        {WEEKDAY_NAMES[profile.weekdays[i]][:3].capitalize() for pair in pairs for i in pair},
        key=lambda n: [w[:3].capitalize() for w in WEEKDAY_NAMES].index(n),
    )
    return (
        f"Training on back-to-back days ({', '.join(names)}) would load the same muscles hard"
        " within 48 hours, and your equipment offers too few different moves to alternate:"
        " put a rest day between sessions (for example mon,wed,fri), train fewer days, or add"
        " a resistance band for more variety."
    )


def volume_notes(profile: Profile, weekly: dict[Region, tuple[int, int]]) -> list[str]:
    """A note for each back region whose weekly hard sets (fewest, most over the loading
    weeks) fall short of the level's range. A spared lower back has its own note."""
    notes = []
    for region, (low, high) in targets(profile).items():
        fewest, most = weekly.get(region, (0, 0))
        spared = region is Region.LOWER_BACK and Limitation.LOWER_BACK in profile.limitations
        if fewest < low and not spared:
            more = "one more day a week" if profile.days < 6 else "longer sessions"
            label = region.value.replace("-", " ").capitalize()
            later = f" ({most} in a block's later weeks)" if most > fewest else ""
            notes.append(
                f"{label}: {fewest} hard sets a week{later}, under the {low}-{high}"
                f" {article(profile)} {profile.level.value} grows on; {more} would close the gap."
            )
    return notes


def article(profile: Profile) -> str:
    """'a' or 'an' before the person's level."""
    return "an" if profile.level.value[0] in "aeiou" else "a"
