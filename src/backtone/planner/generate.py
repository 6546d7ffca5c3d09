"""Plan generation: a profile and the catalogue in, a multi-week plan (or reasons why not) out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import Infeasible
from backtone.domain.plan import Plan, PlanItem
from backtone.domain.profile import Profile
from backtone.domain.vocabulary import Muscle, Region
from backtone.planner import bookends, explain, ladder
from backtone.planner.periodisation import week_slots
from backtone.planner.progression import SessionTemplate, build_week, session_dates
from backtone.planner.rules import allowed, hard_muscles, is_hard, regions_of
from backtone.planner.selection import Candidate, candidates, choose_week, too_close

NOTE_SEEDS = (
    "Moves and numbers marked 'seed' come from the two back-toning articles this coach is built"
    " on; the rest are backtone's defaults."
)
NOTE_LADDER = (
    "No full pull-ups yet: hangs, slow negatives and assisted reps build the strength for the"
    " first one."
)


def _bookends(
    catalogue: Catalogue, profile: Profile, turn: int, pool: Sequence[Candidate]
) -> tuple[tuple[PlanItem, ...], tuple[PlanItem, ...]]:
    """Warm-up and cool-down for one session, shortened when the main work needs the time."""
    warm_size, cool_size = bookends.bookend_sizes(profile)
    floor = explain.shortest_main_seconds(pool)
    while True:
        warm = bookends.warm_up(catalogue, profile, warm_size, turn)
        cool = bookends.cool_down(
            catalogue, profile, cool_size, turn, {i.exercise_id for i in warm}
        )
        spent = sum(i.estimated_seconds for i in warm + cool)
        if spent + floor <= profile.minutes * 60 or (warm_size, cool_size) == (1, 1):
            return warm, cool
        warm_size, cool_size = max(1, warm_size - 1), max(1, cool_size - 1)


def _resting(
    profile: Profile, previous: Sequence[SessionTemplate], start: date
) -> dict[int, frozenset[Muscle]]:
    """Muscles the first session(s) of a new block must spare because the old block's last
    session loaded them less than 48 hours before."""
    if not previous:
        return {}
    dates = session_dates(start, profile.weekdays, 1)
    order = sorted(range(len(profile.weekdays)), key=lambda i: dates[profile.weekdays[i]])
    last, first = order[-1], order[0]
    closes = {frozenset(p) for p in too_close(profile.weekdays)}
    if frozenset((last, first)) not in closes or last == first:
        return {}
    muscles = frozenset().union(*(hard_muscles(c.exercise) for c in previous[last].main))
    return {first: muscles}


def _block_template(
    catalogue: Catalogue,
    profile: Profile,
    block: int,
    previous: Sequence[SessionTemplate],
    start: date,
) -> tuple[list[SessionTemplate], list[Candidate]]:
    window = ladder.window(profile, block)
    pool = candidates(catalogue, profile, window)
    reasons = explain.missing_basics(catalogue, profile, window, pool)
    if reasons:
        raise Infeasible(reasons)
    ends = [_bookends(catalogue, profile, i + block, pool) for i in range(profile.days)]
    short = explain.too_short(profile, ends[0][0] + ends[0][1], pool)
    if short:
        raise Infeasible([short])
    budgets = [profile.minutes * 60 - sum(i.estimated_seconds for i in w + c) for w, c in ends]
    keep = [frozenset(c.exercise.id for c in s.main) for s in previous]
    resting = _resting(profile, previous, start)
    week = choose_week(profile, pool, budgets, previous=keep, block=block, resting=resting)
    if week is None:
        raise Infeasible(_diagnose(profile, pool, budgets, block))
    template = [
        SessionTemplate(profile.weekdays[i], ends[i][0], tuple(week[i]), ends[i][1])
        for i in range(profile.days)
    ]
    return template, pool


def _diagnose(
    profile: Profile, pool: list[Candidate], budgets: Sequence[int], block: int
) -> list[str]:
    if choose_week(profile, pool, budgets, spacing=False, block=block) is not None:
        return [explain.spacing_reason(profile)]
    roomy = [b + 30 * 60 for b in budgets]
    if choose_week(profile, pool, roomy, spacing=False, block=block) is not None:
        return [
            f"{profile.minutes} minutes leaves too little room for the back work each session"
            f" needs: {min(120, profile.minutes + 15)} minutes would help."
        ]
    return [
        "Your equipment, level and limitations leave too few exercises to fill a week:"
        " add a resistance band or a doorway pull-up bar."
    ]


def _weekly_back_sets(template: Sequence[SessionTemplate]) -> dict[Region, int]:
    volume: dict[Region, int] = {}
    for session in template:
        for choice in session.main:
            if is_hard(choice.exercise):
                for region in regions_of(choice.exercise):
                    volume[region] = volume.get(region, 0) + choice.sets
    return volume


def _uses_ladder_below_pull_up(template: Sequence[SessionTemplate]) -> bool:
    rungs = [
        ladder.RUNG_OF[c.exercise.id]
        for s in template
        for c in s.main
        if ladder.is_ladder(c.exercise.id)
    ]
    return bool(rungs) and max(rungs) < ladder.FULL_PULL_UP_RUNG


def generate_plan(
    *, profile: Profile, catalogue: Catalogue, start: date, weeks: int, name: str = ""
) -> Plan:
    """A plan of `weeks` weeks from `start` that keeps every hard rule, or Infeasible."""
    slots = week_slots(profile, weeks)
    templates: list[list[SessionTemplate]] = []
    pool: list[Candidate] = []
    windows: list[frozenset[str]] = []
    for block in range(slots[-1].block + 1):
        window = frozenset(
            e for e in ladder.window(profile, block) if e in catalogue
            and allowed(catalogue.get(e), profile)
        )  # fmt: skip
        if windows and window == windows[-1]:
            # same choices on offer as last block: the continuity bonus would pick the same
            # week again, so keep it and skip the solve
            templates.append(templates[-1])
        else:
            previous = templates[-1] if templates else []
            template, block_pool = _block_template(catalogue, profile, block, previous, start)
            templates.append(template)
            pool = pool or block_pool
        windows.append(window)
    notes = explain.coverage_gaps(catalogue, profile, ladder.window(profile, 0), pool)
    notes += explain.volume_notes(profile, _weekly_back_sets(templates[0]))
    if not profile.can_do_pull_up and _uses_ladder_below_pull_up(templates[0]):
        notes.append(NOTE_LADDER)
    notes.append(NOTE_SEEDS)
    plan_weeks = tuple(build_week(profile, slot, templates[slot.block], start) for slot in slots)
    longest = max(s.estimated_minutes for w in plan_weeks for s in w.sessions)
    if longest < profile.minutes * 0.6:
        notes.append(
            f"Sessions run up to {longest} of your {profile.minutes} minutes: that is all the"
            f" back work a {profile.level.value} benefits from each week. Spend spare time"
            " walking or on extra stretching."
        )
    return Plan(
        name=name or f"{weeks}-week back plan",
        profile=profile,
        start=plan_weeks[0].sessions[0].day,
        weeks=plan_weeks,
        notes=tuple(notes),
    )
