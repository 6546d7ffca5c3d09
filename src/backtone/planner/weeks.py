"""From a week template to dated weeks: sets step up in a block's later weeks, deloads ease off.

Each item keeps its range from week to week (the app moves the reps and loads inside it from
what is logged, docs/progression.md); the plan's weeks change the sets. Ramp-up sets lead the
heavy lifts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from backtone.domain.exercise import Exercise, Source
from backtone.domain.plan import PlanItem, PlanSession, PlanWeek, Role
from backtone.domain.profile import Profile
from backtone.domain.vocabulary import (
    BACK_REGIONS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    LoadKind,
    Region,
)
from backtone.domain.warmup import ramp_for
from backtone.planner.items import make_item
from backtone.planner.periodisation import WeekSlot
from backtone.planner.rules import is_hard, order_key, regions_of
from backtone.planner.selection import Choice
from backtone.planner.volume import targets

LIGHTER_WEEK = "Lighter week: about 10 % less load, or stop with 3-4 reps to spare."


@dataclass(frozen=True)
class SessionTemplate:
    """One session of a block's week: its weekday, bookends and main choices."""

    weekday: int
    warm_up: tuple[PlanItem, ...]
    main: tuple[Choice, ...]
    cool_down: tuple[PlanItem, ...]
    keep_order: bool = False  # a routine's own order is the author's choice


def session_dates(start: date, weekdays: Sequence[int], week: int) -> dict[int, date]:
    """The date of each chosen weekday in plan week `week` (1-based).

    Week 1 begins with the first chosen weekday on or after `start`.
    """
    first = min(weekdays, key=lambda d: (d - start.weekday()) % 7)
    anchor = start + timedelta(days=(first - start.weekday()) % 7)
    base = anchor + timedelta(weeks=week - 1)
    return {d: base + timedelta(days=(d - first) % 7) for d in weekdays}


def _note(choice: Choice, slot: WeekSlot) -> str:
    exercise = choice.exercise
    if slot.deload and _eases(exercise):
        return LIGHTER_WEEK
    if choice.note:
        return choice.note
    if exercise.load in LOADED_LOADS and slot.index == 0 and slot.block > 0:
        return "Start a little heavier than last block's first week."
    if exercise.load in LOADED_LOADS and slot.index == 0:
        return "Pick a weight that leaves 2-3 reps to spare."
    return ""


LOADED_LOADS = frozenset(
    {LoadKind.DUMBBELL, LoadKind.BARBELL, LoadKind.KETTLEBELL, LoadKind.MACHINE, LoadKind.CABLE}
)


def main_item(choice: Choice, slot: WeekSlot, sets: int, *, first_loaded: bool) -> PlanItem:
    """The week's item for a choice: its dose with this week's sets and, where the numbers
    no longer match a seed's, the seed's mark taken off."""
    d = choice.dose
    source = d.source if sets == d.sets.low or not d.fixed else Source.DEFAULT
    return make_item(
        choice.exercise, Role.MAIN, sets=sets, rest_seconds=d.rest_seconds, reps=d.reps,
        seconds=d.seconds, note=_note(choice, slot), per_side=d.per_side, source=source,
        ramp=ramp_for(choice.exercise, first_loaded=first_loaded), rung=d.rung,
    )  # fmt: skip


def _title(main: Sequence[Choice]) -> str:
    sets: dict[Region, int] = {}
    for choice in main:
        for region in regions_of(choice.exercise) if is_hard(choice.exercise) else ():
            sets[region] = sets.get(region, 0) + choice.sets
    back = sorted((r for r in sets if r in BACK_REGIONS), key=lambda r: (-sets[r], r.value))
    title = " & ".join(r.value.replace("-", " ") for r in back[:2]).capitalize()
    if any(c.exercise.pattern in PUSH_PATTERNS for c in main):
        title += " + push"
    return title


def build_week(
    profile: Profile, slot: WeekSlot, template: Sequence[SessionTemplate], start: date
) -> PlanWeek:
    """One dated week of the plan from its block's template."""
    dates = session_dates(start, profile.weekdays, slot.number)
    caps = {r: high for r, (_, high) in targets(profile).items()}
    volume = dict.fromkeys(caps, 0)
    planned: list[tuple[SessionTemplate, list[int]]] = []
    for session in template:
        if slot.deload:  # the lifting eases off; trunk work stays as it is
            sets = [max(1, c.sets - 1) if _eases(c.exercise) else c.sets for c in session.main]
        else:
            sets = [c.sets for c in session.main]
        planned.append((session, sets))
        for c, n in zip(session.main, sets, strict=True):
            if is_hard(c.exercise):
                for region in regions_of(c.exercise) & caps.keys():
                    volume[region] += n
    if builds(slot):
        _add_sets(profile, slot, planned, volume, caps)
    _keep_pull_ahead(planned)
    if slot.deload:
        _keep_push_in_step(planned, template)
    sessions = []
    letters = "ABCDEF"
    for i, (session, sets) in enumerate(planned):
        main = _main_items(session, sets, slot)
        title = f"{letters[i]}: {_title(session.main)}"
        items = session.warm_up + main + session.cool_down
        sessions.append(PlanSession(dates[session.weekday], title, items))
    sessions.sort(key=lambda s: s.day)
    return PlanWeek(slot.number, slot.deload, tuple(sessions), _focus(slot))


def builds(slot: WeekSlot) -> bool:
    """A block's later loading weeks add sets (from its middle on)."""
    return not slot.deload and slot.index > 0 and slot.index >= (slot.loading_weeks + 1) // 2


def _main_items(
    session: SessionTemplate, sets: Sequence[int], slot: WeekSlot
) -> tuple[PlanItem, ...]:
    items = []
    ramped = False
    for k in _order(session):
        choice = session.main[k]
        first = not ramped and choice.exercise.load in LOADED_LOADS
        ramped = ramped or first
        items.append(main_item(choice, slot, sets[k], first_loaded=first))
    return tuple(items)


def _eases(exercise: Exercise) -> bool:
    """Loses a set in a deload week: hard back and push work."""
    return is_hard(exercise) and bool(
        regions_of(exercise) & BACK_REGIONS or exercise.pattern in PUSH_PATTERNS
    )


def _order(session: SessionTemplate) -> list[int]:
    if session.keep_order:
        return list(range(len(session.main)))
    return sorted(range(len(session.main)), key=lambda k: order_key(session.main[k].exercise))


def _add_sets(
    profile: Profile,
    slot: WeekSlot,
    planned: list[tuple[SessionTemplate, list[int]]],
    volume: dict[Region, int],
    caps: dict[Region, int],
) -> None:
    """One more set on hard main work, biggest moves first, while the dose, the weekly
    targets and the time allow. A seed's or a rung's numbers stay as they are."""
    limit = profile.minutes * 60
    for session, sets in planned:
        for k in _order(session):
            choice = session.main[k]
            regions = regions_of(choice.exercise) & caps.keys()
            if not is_hard(choice.exercise) or sets[k] + 1 > choice.dose.sets.high:
                continue
            if any(volume[r] + 1 > caps[r] for r in regions):
                continue
            if choice.exercise.pattern in PUSH_PATTERNS and _balance(planned) < 1:
                continue  # pushing never overtakes pulling
            if choice.exercise.pattern in PULL_PATTERNS and _ratio_after(planned, 1) > 3:
                continue  # ...and pulling never runs past three times pushing
            trial = sets.copy()
            trial[k] += 1
            if _seconds(session, trial, slot) > limit:
                continue
            sets[k] += 1
            for r in regions:
                volume[r] += 1


def _balance(planned: list[tuple[SessionTemplate, list[int]]]) -> int:
    """Pull sets minus push sets over the week."""
    pull, push = _pull_push(planned)
    return pull - push


def _pull_push(planned: list[tuple[SessionTemplate, list[int]]]) -> tuple[int, int]:
    pull = push = 0
    for session, sets in planned:
        for choice, n in zip(session.main, sets, strict=True):
            if choice.exercise.pattern in PULL_PATTERNS:
                pull += n
            elif choice.exercise.pattern in PUSH_PATTERNS:
                push += n
    return pull, push


def _ratio_after(planned: list[tuple[SessionTemplate, list[int]]], more_pull: int) -> float:
    pull, push = _pull_push(planned)
    return (pull + more_pull) / push if push else 0.0


def _keep_push_in_step(
    planned: list[tuple[SessionTemplate, list[int]]], template: Sequence[SessionTemplate]
) -> None:
    """Give push sets back (up to the normal week's) where a deload cut pushing further than
    pulling, so pulling stays within three times pushing."""
    for (session, sets), normal in zip(planned, template, strict=True):
        for k, choice in enumerate(session.main):
            while (
                choice.exercise.pattern in PUSH_PATTERNS
                and sets[k] < normal.main[k].sets
                and _ratio_after(planned, 0) > 3
            ):
                sets[k] += 1


def _keep_pull_ahead(planned: list[tuple[SessionTemplate, list[int]]]) -> None:
    """Trim push sets (never below one) where a deload cut pulls more than pushes."""
    while _balance(planned) < 0:
        pushes = [
            (sets[k], i, k)
            for i, (session, sets) in enumerate(planned)
            for k, c in enumerate(session.main)
            if c.exercise.pattern in PUSH_PATTERNS and sets[k] > 1
        ]
        if not pushes:
            return
        _, i, k = max(pushes)
        planned[i][1][k] -= 1


def _seconds(session: SessionTemplate, sets: Sequence[int], slot: WeekSlot) -> int:
    main = sum(i.estimated_seconds for i in _main_items(session, sets, slot))
    return main + sum(i.estimated_seconds for i in session.warm_up + session.cool_down)


def _focus(slot: WeekSlot) -> str:
    if slot.deload:
        return "Deload: a set fewer and lighter loads so the body catches up."
    if slot.index == 0 and slot.block == 0:
        return "Learn the moves: finish every set with two or three good reps to spare."
    if slot.index == 0:
        return "New block: a step up the ladder where you are ready, a little more load elsewhere."
    if builds(slot):
        return "Build: one more set where time allows; keep adding reps, then load."
    return "Climb: a rep or two more per set than last week, same clean form."
