"""Ready-made plans from the seeds' routines, fitted to a person's days, kit and level."""

from __future__ import annotations

from collections import deque
from datetime import date

from backtone.domain.catalogue import Catalogue, RoutineItem
from backtone.domain.errors import Infeasible, InvalidInput
from backtone.domain.exercise import Exercise
from backtone.domain.plan import Plan, PlanItem
from backtone.domain.profile import Profile
from backtone.planner import bookends, ladder
from backtone.planner.periodisation import WeekSlot, week_slots
from backtone.planner.progression import SessionTemplate, build_week, main_item
from backtone.planner.rules import auto_selectable, breaks_for, hard_muscles
from backtone.planner.selection import Choice, too_close
from backtone.planner.volume import rest_for

TEMPLATES = {
    "seed-003": "seed-003-back-routine",
    "seed-000-gym": "seed-000-gym-session",
}


def fits(exercise: Exercise, profile: Profile) -> bool:
    """Allowed for this person and needing no partner, and no full pull-ups for someone who
    cannot do one yet."""
    if not auto_selectable(exercise, profile):
        return False
    rung = ladder.RUNG_OF.get(exercise.id)
    return profile.can_do_pull_up or rung is None or rung < ladder.FULL_PULL_UP_RUNG


def easier_variant(
    catalogue: Catalogue, exercise: Exercise, profile: Profile, taken: set[str]
) -> Exercise | None:
    """The closest easier variant this person may do, following the catalogue's links."""
    queue, seen = deque(exercise.easier), set(exercise.easier)
    while queue:
        other = catalogue.get(queue.popleft())
        if fits(other, profile) and other.id not in taken:
            return other
        for nxt in other.easier:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return None


def stand_in(
    catalogue: Catalogue, exercise: Exercise, profile: Profile, taken: set[str]
) -> Exercise | None:
    """An easier variant, else the allowed move of the same pattern sharing most muscles."""
    variant = easier_variant(catalogue, exercise, profile, taken)
    if variant is not None:
        return variant
    same = [
        e
        for e in catalogue
        if e.pattern is exercise.pattern and e.kind is exercise.kind and e.id not in taken
        and fits(e, profile)
    ]  # fmt: skip
    if not same:
        return None
    return min(same, key=lambda e: (-len(set(e.primary) & set(exercise.primary)), e.id))


def _choices(
    catalogue: Catalogue, items: tuple[RoutineItem, ...], profile: Profile
) -> tuple[list[Choice], list[str], list[str]]:
    choices: list[Choice] = []
    swaps: list[str] = []
    reasons: list[str] = []
    taken: set[str] = set()
    for item in items:
        exercise = catalogue.get(item.exercise_id)
        dose = item.prescription
        if not fits(exercise, profile):
            problems = "; ".join(breaks_for(exercise, profile)) or "no full pull-ups yet"
            variant = stand_in(catalogue, exercise, profile, taken)
            covered = [c.exercise.name for c in choices if c.exercise.pattern is exercise.pattern]
            if variant is None and covered:
                swaps.append(f"{exercise.name} is left out: {covered[0]} already covers it.")
                continue
            if variant is None:
                reasons.append(f"{problems}, and nothing similar suits you")
                continue
            swaps.append(f"{variant.name} stands in for {exercise.name} ({problems}).")
            exercise, dose = variant, variant.prescription
        taken.add(exercise.id)
        rest = rest_for(dose.rest_seconds.low, dose.rest_seconds.high, profile.emphasis)
        note = item.note if dose is item.prescription else ""
        choices.append(Choice(exercise, dose.sets, rest, dose, note))
    return choices, swaps, reasons


def template_plan(
    *, template: str, profile: Profile, catalogue: Catalogue, start: date, weeks: int
) -> Plan:
    """A plan that repeats one of the seeds' routines each training day, with progression."""
    if template not in TEMPLATES:
        raise InvalidInput("template", f"unknown template {template!r}", list(TEMPLATES))
    routine = catalogue.routine(TEMPLATES[template])
    slots = week_slots(profile, weeks)
    choices, swaps, reasons = _choices(catalogue, routine.items, profile)
    muscles = set().union(*(hard_muscles(c.exercise) for c in choices))
    if muscles and too_close(profile.weekdays):
        reasons.append(
            f"The {routine.name} works the same muscles every session, so it needs a rest day"
            " between sessions: choose days such as mon,wed,fri."
        )
    sessions = []
    for turn, weekday in enumerate(profile.weekdays):
        warm, cool = _bookends(catalogue, profile, turn)
        more = bookends.extras(catalogue, profile, warm, cool, turn)
        sessions.append(
            SessionTemplate(weekday, warm, tuple(choices), cool, keep_order=True, extras=more)
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
    return Plan(
        name=routine.name,
        profile=profile,
        start=plan_weeks[0].sessions[0].day,
        weeks=plan_weeks,
        template=template,
        notes=tuple(notes),
    )


def _bookends(
    catalogue: Catalogue, profile: Profile, turn: int
) -> tuple[tuple[PlanItem, ...], tuple[PlanItem, ...]]:
    warm_size, cool_size = bookends.bookend_sizes(profile)
    warm = bookends.warm_up(catalogue, profile, min(warm_size, 2), turn)
    cool = bookends.cool_down(
        catalogue, profile, min(cool_size, 2), turn, {i.exercise_id for i in warm}
    )
    return warm, cool


def _peak_seconds(session: SessionTemplate, slots: list[WeekSlot]) -> int:
    ends = sum(i.estimated_seconds for i in session.warm_up + session.cool_down)
    return ends + max(
        sum(main_item(c, slot, c.sets).estimated_seconds for c in session.main) for slot in slots
    )
