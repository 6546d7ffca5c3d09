"""From a week template to dated weeks: reps climb, sets step up, deload weeks ease off."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from backtone.domain.exercise import Exercise, Span
from backtone.domain.plan import PlanItem, PlanSession, PlanWeek, Role
from backtone.domain.profile import Profile
from backtone.domain.vocabulary import (
    BACK_REGIONS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    Kind,
    LoadKind,
    Region,
)
from backtone.planner import bookends, ladder
from backtone.planner.items import make_item
from backtone.planner.periodisation import WeekSlot
from backtone.planner.rules import is_hard, order_key, regions_of
from backtone.planner.selection import Choice
from backtone.planner.volume import max_sets, targets

LOADED = frozenset(
    {LoadKind.DUMBBELL, LoadKind.BARBELL, LoadKind.KETTLEBELL, LoadKind.MACHINE, LoadKind.CABLE}
)


@dataclass(frozen=True)
class SessionTemplate:
    """One session of a block's week: its weekday, bookends and main choices."""

    weekday: int
    warm_up: tuple[PlanItem, ...]
    main: tuple[Choice, ...]
    cool_down: tuple[PlanItem, ...]
    keep_order: bool = False  # a routine's own order is the author's choice
    extras: tuple[PlanItem, ...] = ()  # mobility and stretching to add where time is spare


def session_dates(start: date, weekdays: Sequence[int], week: int) -> dict[int, date]:
    """The date of each chosen weekday in plan week `week` (1-based).

    Week 1 begins with the first chosen weekday on or after `start`.
    """
    first = min(weekdays, key=lambda d: (d - start.weekday()) % 7)
    anchor = start + timedelta(days=(first - start.weekday()) % 7)
    base = anchor + timedelta(weeks=week - 1)
    return {d: base + timedelta(days=(d - first) % 7) for d in weekdays}


def climb(span: Span, slot: WeekSlot) -> Span:
    """The week's target inside a range: the bottom in week one, the top by the last loading
    week, a step higher in each later block; deloads go back to the bottom."""
    if slot.deload or span.low == span.high:
        return Span(span.low, span.low) if slot.deload else span
    steps = max(1, slot.loading_weeks - 1)
    value = span.low + round((span.high - span.low) * slot.index / steps) + slot.block
    value = min(span.high, value)
    return Span(value, value)


def _note(choice: Choice, slot: WeekSlot) -> str:
    exercise = choice.exercise
    if exercise.id in ladder.RUNG_NOTES:
        return ladder.RUNG_NOTES[exercise.id]
    if exercise.kind is Kind.CARDIO:
        return "Easy pace: you can talk in full sentences."
    if slot.deload and _eases(exercise):
        return "Lighter week: stop with 3-4 reps to spare."
    if slot.deload:
        return ""
    if exercise.load in LOADED and slot.index == 0 and slot.block > 0:
        return "Start a little heavier than last block's first week."
    if exercise.load in LOADED and slot.index == 0:
        return "Pick a weight that leaves 2-3 reps to spare."
    if exercise.load is LoadKind.BAND and slot.index == 0 and slot.block > 0:
        return "Try the next band up if the top reps felt easy."
    return ""


def main_item(choice: Choice, slot: WeekSlot, sets: int) -> PlanItem:
    p = choice.dose
    reps = climb(p.reps, slot) if p.reps is not None else None
    seconds = climb(p.seconds, slot) if p.seconds is not None else None
    item = make_item(
        choice.exercise, Role.MAIN, sets=sets, rest_seconds=choice.rest_seconds,
        reps=reps, seconds=seconds, note=choice.note or _note(choice, slot), per_side=p.per_side,
    )  # fmt: skip
    return replace(item, source=p.source)


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
        if slot.deload:  # the lifting eases off; easy rowing and trunk work stay as they are
            sets = [max(1, c.sets - 1) if _eases(c.exercise) else c.sets for c in session.main]
        else:
            sets = [c.sets for c in session.main]
        planned.append((session, sets))
        for c, n in zip(session.main, sets, strict=True):
            if is_hard(c.exercise):
                for region in regions_of(c.exercise) & caps.keys():
                    volume[region] += n
    if not slot.deload and slot.index >= (slot.loading_weeks + 1) // 2 and slot.index > 0:
        _add_sets(profile, slot, planned, volume, caps)
    _keep_pull_ahead(planned)
    sessions = []
    letters = "ABCDEF"
    for i, (session, sets) in enumerate(planned):
        order = _order(session)
        main = tuple(main_item(session.main[k], slot, sets[k]) for k in order)
        spare = profile.minutes * 60 - sum(
            i.estimated_seconds for i in session.warm_up + main + session.cool_down
        )
        warm, cool = bookends.pad(
            session.warm_up, session.cool_down, session.extras, spare, profile.minutes
        )
        title = f"{letters[i]}: {_title(session.main)}"
        sessions.append(PlanSession(dates[session.weekday], title, warm + main + cool))
    sessions.sort(key=lambda s: s.day)
    return PlanWeek(slot.number, slot.deload, tuple(sessions), _focus(slot))


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
    """One more set on hard main work, biggest moves first, while time and targets allow."""
    limit = profile.minutes * 60
    for session, sets in planned:
        for k in _order(session):
            choice = session.main[k]
            regions = regions_of(choice.exercise) & caps.keys()
            if not is_hard(choice.exercise) or sets[k] + 1 > max_sets(profile):
                continue
            if any(volume[r] + 1 > caps[r] for r in regions):
                continue
            if choice.exercise.pattern in PUSH_PATTERNS and _balance(planned) < 1:
                continue  # pushing never overtakes pulling
            trial = sets.copy()
            trial[k] += 1
            if _seconds(session, trial, slot) > limit:
                continue
            sets[k] += 1
            for r in regions:
                volume[r] += 1


def _balance(planned: list[tuple[SessionTemplate, list[int]]]) -> int:
    """Pull sets minus push sets over the week."""
    total = 0
    for session, sets in planned:
        for choice, n in zip(session.main, sets, strict=True):
            if choice.exercise.pattern in PULL_PATTERNS:
                total += n
            elif choice.exercise.pattern in PUSH_PATTERNS:
                total -= n
    return total


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
    main = sum(main_item(c, slot, n).estimated_seconds for c, n in zip(session.main, sets,
                                                                         strict=True))  # fmt: skip
    return main + sum(i.estimated_seconds for i in session.warm_up + session.cool_down)


def _focus(slot: WeekSlot) -> str:
    if slot.deload:
        return "Deload: fewer sets and easier reps so the body catches up. Keep every stretch."
    if slot.index == 0 and slot.block == 0:
        return "Learn the moves: finish every set with two or three good reps to spare."
    if slot.index == 0:
        return "New block: a step up the ladder where you are ready, a little more load elsewhere."
    if slot.index >= (slot.loading_weeks + 1) // 2:
        return "Build: reps near the top of the range and one more set where time allows."
    return "Climb: one or two more reps per set than last week, same clean form."
