"""Plan generation: a profile and the catalogue in, a multi-week plan (or reasons why not) out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import Infeasible
from backtone.domain.plan import Plan, PlanItem
from backtone.domain.profile import Profile
from backtone.domain.vocabulary import Muscle
from backtone.planner import bookends, explain, ladder, notes
from backtone.planner.candidates import Candidate, allowed_ladder, candidates
from backtone.planner.periodisation import WeekSlot, week_slots
from backtone.planner.progression import SessionTemplate, build_week, session_dates
from backtone.planner.rules import hard_muscles
from backtone.planner.selection import choose_week, too_close

# Share of a session kept free in a block's first weeks for the sets its later weeks add;
# until then it goes to extra stretching.
RESERVE_SHARE = 0.08


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
    ramp: bool,
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
    week = None
    if ramp:  # room for the later weeks' extra sets, where the time allows it
        floor = explain.shortest_main_seconds(pool)
        reserve = int(RESERVE_SHARE * profile.minutes * 60)
        roomy = [b - max(0, min(reserve, b - floor)) for b in budgets]
        week = choose_week(profile, pool, roomy, previous=keep, block=block, resting=resting,
                           ramp=True)  # fmt: skip
    if week is None:
        week = choose_week(profile, pool, budgets, previous=keep, block=block, resting=resting)
    if week is None:
        raise Infeasible(_diagnose(profile, pool, budgets, block))
    template = [
        SessionTemplate(
            profile.weekdays[i], ends[i][0], tuple(week[i]), ends[i][1],
            extras=bookends.extras(catalogue, profile, ends[i][0], ends[i][1], i + block),
        )
        for i in range(profile.days)
    ]  # fmt: skip
    return template, pool


def _diagnose(
    profile: Profile, pool: list[Candidate], budgets: Sequence[int], block: int
) -> list[str]:
    if choose_week(profile, pool, budgets, spacing=False, block=block, fill=False):
        return [explain.spacing_reason(profile)]
    roomy = [b + 30 * 60 for b in budgets]
    if choose_week(profile, pool, roomy, spacing=False, block=block, fill=False):
        return [
            f"{profile.minutes} minutes leaves too little room for the back work each session"
            f" needs: {min(120, profile.minutes + 15)} minutes would help."
        ]
    return [
        "Your equipment, level and limitations leave too few exercises to fill a week:"
        " add a resistance band or a doorway pull-up bar."
    ]


def _builds(slots: Sequence[WeekSlot], block: int) -> bool:
    """Whether the block has weeks after its first that add sets (see progression)."""
    return any(
        s.block == block and not s.deload and s.index > 0 and s.index >= (s.loading_weeks + 1) // 2
        for s in slots
    )


def generate_plan(
    *, profile: Profile, catalogue: Catalogue, start: date, weeks: int, name: str = ""
) -> Plan:
    """A plan of `weeks` weeks from `start` that keeps every hard rule, or Infeasible."""
    slots = week_slots(profile, weeks)
    templates: list[list[SessionTemplate]] = []
    pool: list[Candidate] = []
    windows: list[frozenset[str]] = []
    for block in range(slots[-1].block + 1):
        window = allowed_ladder(catalogue, profile, ladder.window(profile, block))
        if windows and window == windows[-1] and _builds(slots, block) == _builds(slots, block - 1):
            # same choices on offer as last block: the continuity bonus would pick the same
            # week again, so keep it and skip the solve
            templates.append(templates[-1])
        else:
            previous = templates[-1] if templates else []
            template, block_pool = _block_template(
                catalogue, profile, block, previous, start, _builds(slots, block)
            )
            templates.append(template)
            pool = pool or block_pool
        windows.append(window)
    plan_weeks = tuple(build_week(profile, slot, templates[slot.block], start) for slot in slots)
    gaps = explain.coverage_gaps(catalogue, profile, ladder.window(profile, 0), pool)
    return Plan(
        name=name or f"{weeks}-week back plan",
        profile=profile,
        start=plan_weeks[0].sessions[0].day,
        weeks=plan_weeks,
        notes=tuple(gaps + notes.coach_notes(profile, plan_weeks, catalogue)),
    )
