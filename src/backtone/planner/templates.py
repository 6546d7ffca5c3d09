"""Ready-made plans from the seeds' routines, fitted to a person's days, kit, level and strength.

A routine keeps its article's order and, where the person is at the article's level, its
numbers. Each item is dosed for the person (domain/dosage.py); a pull-up or push-up takes the
person's rung of its ladder, which is how the articles' own beginner modifications (negatives,
the assisted machine) come in; a move the person may not do gets the nearest allowed stand-in,
named in the notes; nothing comes twice in a session. A routine with
no push work gets one for balance (seed 003: work the front with the back). With two or more
training days, a routine of more than four lifts alternates between its two halves, in order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from datetime import date

from backtone.domain.catalogue import Catalogue, RoutineItem
from backtone.domain.dosage import dose_for
from backtone.domain.errors import Infeasible, InvalidInput
from backtone.domain.exercise import Exercise
from backtone.domain.ladders import Placement, ladder_of
from backtone.domain.placement import placements
from backtone.domain.plan import Plan, PlanWeek
from backtone.domain.profile import Profile
from backtone.domain.vocabulary import PULL_PATTERNS, PUSH_PATTERNS, Kind
from backtone.planner.bookends import bookends
from backtone.planner.candidates import candidates
from backtone.planner.explain import volume_notes
from backtone.planner.notes import closing_notes, weekly_back_sets
from backtone.planner.periodisation import WeekSlot, week_slots
from backtone.planner.rules import auto_selectable, breaks_for, hard_muscles, ladder_usable
from backtone.planner.selection import Choice, too_close
from backtone.planner.volume import MAX_PULL_PER_PUSH, targets
from backtone.planner.weeks import SessionTemplate, build_week, main_item

TEMPLATES = {
    "seed-003": "seed-003-back-routine",
    "seed-000-gym": "seed-000-gym-session",
}
SPLIT_ABOVE = 4  # lifts in a routine above which two training days alternate halves


def stand_in(
    catalogue: Catalogue, exercise: Exercise, profile: Profile, taken: set[str]
) -> Exercise | None:
    """The closest easier variant this person may do, else the allowed move of the same
    pattern sharing most muscles; never one already in the session."""
    queue, seen = deque(exercise.easier), set(exercise.easier)
    while queue:
        other = catalogue.get(queue.popleft())
        if auto_selectable(other, profile) and other.id not in taken:
            return other
        for nxt in other.easier:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    same = [
        e for e in catalogue
        if e.pattern is exercise.pattern and e.kind is exercise.kind and e.id not in taken
        and ladder_of(e.id) is None and auto_selectable(e, profile)
    ]  # fmt: skip
    if not same:
        return None
    return min(same, key=lambda e: (-len(set(e.primary) & set(exercise.primary)), e.id))


def _on_ladder(
    catalogue: Catalogue, exercise: Exercise, profile: Profile, placed: Placement, taken: set[str]
) -> tuple[Exercise, int] | None:
    """The move for a ladder item: the item itself where the person's rung (or the one below)
    holds it, else the nearest move at or below the person's rung not yet in the session."""
    ladder, usable = placed.ladder, ladder_usable(catalogue, profile)
    free = usable(exercise.id) and exercise.id not in taken
    for rung in (placed.rung, placed.rung - 1):
        if free and rung >= 0 and exercise.id in ladder.rungs[rung].exercise_ids:
            return exercise, rung
    for rung in range(placed.rung, -1, -1):
        for other_id in ladder.rungs[rung].exercise_ids:
            if other_id not in taken and usable(other_id):
                return catalogue.get(other_id), rung
    return None


def _choices(
    catalogue: Catalogue, items: Sequence[RoutineItem], profile: Profile
) -> tuple[list[Choice], list[str], list[str]]:
    """The routine's lifts dosed for this person, with the stand-ins said and any reasons
    the routine cannot be done."""
    placed = placements(profile, ladder_usable(catalogue, profile))
    choices: list[Choice] = []
    swaps: list[str] = []
    reasons: list[str] = []
    taken: set[str] = set()
    for item in items:
        exercise = catalogue.get(item.exercise_id)
        if exercise.kind is Kind.CARDIO:
            continue  # easy rowing warms up; see _bookends
        ladder = ladder_of(exercise.id)
        if ladder is not None:
            spot = placed.get(ladder.id)
            found = _on_ladder(catalogue, exercise, profile, spot, taken) if spot else None
            if found is None:
                reasons.append(f"{exercise.name}: nothing on the {ladder.name.lower()} suits you")
                continue
            chosen, rung = found
            if chosen.id != exercise.id and spot is not None:
                swaps.append(f"{chosen.name} stands in for {exercise.name}: {spot.because}.")
            dose = dose_for(chosen, profile, ladder.rungs[rung])
        else:
            chosen = exercise
            if not auto_selectable(exercise, profile) or exercise.id in taken:
                problems = "; ".join(breaks_for(exercise, profile)) or "it is already in"
                other = stand_in(catalogue, exercise, profile, taken)
                if other is None:
                    reasons.append(f"{problems}, and nothing similar suits you")
                    continue
                swaps.append(f"{other.name} stands in for {exercise.name} ({problems}).")
                chosen = other
            dose = dose_for(chosen, profile)
        taken.add(chosen.id)
        note = item.note if chosen.id == exercise.id else ""
        choices.append(Choice(chosen, dose.sets.high, dose, note or dose.note))
    return choices, swaps, reasons


def _balance(
    catalogue: Catalogue, profile: Profile, main: list[Choice], taken: set[str]
) -> tuple[list[Choice], str]:
    """A push for balance where a session has none: the first push this person's kit and
    strength suggest, with enough sets to keep pulling at most three times pushing."""
    if any(c.exercise.pattern in PUSH_PATTERNS for c in main):
        return main, ""
    pull = sum(c.sets for c in main if c.exercise.pattern in PULL_PATTERNS)
    placed = tuple(placements(profile, ladder_usable(catalogue, profile)).values())
    pool = candidates(catalogue, profile, [(p.ladder, p.rung) for p in placed])
    pushes = sorted(
        (c for c in pool if c.exercise.pattern in PUSH_PATTERNS and c.exercise.id not in taken),
        key=lambda c: (c.rank, c.exercise.id),
    )
    if not pushes or not pull:
        return main, ""
    best = pushes[0]
    need = max(best.dose.sets.low, -(-pull // MAX_PULL_PER_PUSH))
    sets = min(need, best.dose.sets.high) if best.dose.fixed else need
    note = "For balance: seed 003 works the front along with the back."
    return [*main, Choice(best.exercise, sets, best.dose, note)], best.exercise.name


def _halves(choices: list[Choice], days: int) -> list[list[Choice]]:
    """The sessions of a week: the whole routine each day, or its halves taking turns."""
    if days < 2 or len(choices) <= SPLIT_ABOVE:
        return [choices] * days
    middle = -(-len(choices) // 2)
    return [choices[:middle] if n % 2 == 0 else choices[middle:] for n in range(days)]


def template_plan(
    *, template: str, profile: Profile, catalogue: Catalogue, start: date, weeks: int
) -> Plan:
    """A plan that follows one of the seeds' routines each training day, with progression."""
    if template not in TEMPLATES:
        raise InvalidInput("template", f"unknown template {template!r}", list(TEMPLATES))
    routine = catalogue.routine(TEMPLATES[template])
    slots = week_slots(profile, weeks)
    choices, swaps, reasons = _choices(catalogue, routine.items, profile)
    sessions = []
    balanced = ""
    for turn, (weekday, main) in enumerate(
        zip(profile.weekdays, _halves(choices, profile.days), strict=True)
    ):
        main, added = _balance(catalogue, profile, main, {c.exercise.id for c in choices})
        balanced = balanced or added
        warm, cool = bookends(catalogue, profile, turn)
        sessions.append(SessionTemplate(weekday, warm, tuple(main), cool, keep_order=True))
    muscles = set().union(*(hard_muscles(c.exercise) for c in choices))
    if muscles and too_close(profile.weekdays):
        reasons.append(
            f"The {routine.name} works the same muscles every session, so it needs a rest day"
            " between sessions: choose days such as mon,wed,fri."
        )
    need = max(_peak_seconds(s, slots) for s in sessions) if sessions else 0
    if need > profile.minutes * 60:
        minutes = -(-need // 60)
        reasons.append(
            f"The {routine.name} with its warm-up and cool-down takes about {minutes} minutes:"
            f" allow {minutes} minutes or more."
        )
    if reasons:
        raise Infeasible([*reasons, "Or leave out --template to get a plan made for you."])
    plan_weeks = tuple(build_week(profile, slot, sessions, start) for slot in slots)
    notes = [routine.summary, *([routine.note] if routine.note else []), *swaps]
    if balanced:
        notes.append(f"{balanced} is added for balance: the routine itself has no push.")
    notes += _volume_note(profile, plan_weeks, catalogue, routine.name)
    return Plan(
        name=routine.name,
        profile=profile,
        start=plan_weeks[0].sessions[0].day,
        weeks=plan_weeks,
        template=template,
        notes=(*notes, *closing_notes(plan_weeks)),
    )


def _volume_note(
    profile: Profile, weeks: Sequence[PlanWeek], catalogue: Catalogue, name: str
) -> list[str]:
    """Where the article's routine, as often as asked, gives more weekly sets than the
    person's level needs, say so and what to do about it."""
    weekly = weekly_back_sets(weeks, catalogue)
    peak = {region: most for region, (_, most) in weekly.items()}
    over = [
        f"{peak[r]} for the {r.value.replace('-', ' ')} (a {profile.level.value} needs"
        f" {low}-{high})"
        for r, (low, high) in targets(profile).items()
        if peak.get(r, 0) > high
    ]
    under = volume_notes(profile, weekly)
    if not over:
        return under
    return [
        *under,
        f"The {name} {profile.days} times a week gives more hard sets than your level needs:"
        f" {', '.join(over)}. That is the article's routine as written; on a day you feel"
        " worn, do one set less of each lift, or train it one day less a week.",
    ]


def _peak_seconds(session: SessionTemplate, slots: list[WeekSlot]) -> int:
    ends = sum(i.estimated_seconds for i in session.warm_up + session.cool_down)
    return ends + max(
        sum(
            main_item(c, slot, c.sets, first_loaded=n == 0).estimated_seconds
            for n, c in enumerate(session.main)
        )
        for slot in slots
    )
