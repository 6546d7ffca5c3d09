"""How the weeks of a plan are grouped: loading blocks that end in a lighter deload week."""

from __future__ import annotations

from dataclasses import dataclass

from backtone.domain.errors import InvalidInput
from backtone.domain.profile import Profile
from backtone.planner.volume import BLOCK_WEEKS

MIN_WEEKS, MAX_WEEKS = 1, 12
SHORTEST_DELOADED_PLAN = 4


@dataclass(frozen=True)
class WeekSlot:
    """Week `number` of the plan: which block it is in, and its place in that block."""

    number: int
    block: int
    index: int  # 0-based among the block's loading weeks; the deload repeats the last
    loading_weeks: int  # how many loading weeks the block has
    deload: bool


def check_weeks(weeks: int) -> None:
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise InvalidInput("weeks", f"{weeks} weeks", f"{MIN_WEEKS}-{MAX_WEEKS}")


def deload_weeks(profile: Profile, weeks: int) -> set[int]:
    """Week numbers that are deloads: every 4-6 weeks by level, and never in a plan under 4."""
    if weeks < SHORTEST_DELOADED_PLAN:
        return set()
    every = BLOCK_WEEKS[profile.level]
    if weeks < every:
        return {weeks}
    return set(range(every, weeks + 1, every))


def week_slots(profile: Profile, weeks: int) -> list[WeekSlot]:
    """The plan's weeks, each placed in its block."""
    check_weeks(weeks)
    deloads = deload_weeks(profile, weeks)
    blocks: list[list[int]] = [[]]
    for number in range(1, weeks + 1):
        blocks[-1].append(number)
        if number in deloads and number != weeks:
            blocks.append([])
    slots = []
    for block, numbers in enumerate(blocks):
        loading = [n for n in numbers if n not in deloads]
        for number in numbers:
            deload = number in deloads
            index = len(loading) - 1 if deload else loading.index(number)
            slots.append(WeekSlot(number, block, index, max(1, len(loading)), deload))
    return slots
