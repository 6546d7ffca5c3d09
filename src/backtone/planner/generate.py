"""Plan generation: a profile and the catalogue in, a multi-week plan (or reasons why not) out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import Infeasible
from backtone.domain.ladders import Ladder, Placement
from backtone.domain.placement import placements
from backtone.domain.plan import Plan
from backtone.domain.profile import Profile
from backtone.domain.vocabulary import Muscle
from backtone.planner import explain, notes
from backtone.planner.bookends import bookends
from backtone.planner.candidates import Candidate, candidates
from backtone.planner.periodisation import WeekSlot, week_slots
from backtone.planner.rules import hard_muscles, ladder_usable
from backtone.planner.selection import choose_week, too_close
from backtone.planner.weeks import SessionTemplate, build_week, builds, session_dates

# Share of a session kept free in a block's first weeks for the sets its later weeks add.
RESERVE_SHARE = 0.08
Rungs = tuple[tuple[Ladder, int], ...]


def block_rungs(placed: Sequence[Placement], block: int) -> Rungs:
    """The ladder rungs a block works on: the person's rung, one higher each block, and on
    the pull-up ladder the rung below where it adds real work: the steps towards a first
    pull-up, and the full pull-ups beside the harder grips and the belt."""
    rungs: list[tuple[Ladder, int]] = []
    for p in placed:
        top = min(p.rung + block, len(p.ladder.rungs) - 1)
        below, full = top - 1, p.ladder.first_full
        as_much = below > full and p.ladder.rungs[below].sets >= p.ladder.rungs[top].sets
        useful = p.ladder.id == "pull-up" and below >= 0 and (top < full or as_much)
        rungs += [(p.ladder, n) for n in ([below] if useful else []) + [top]]
    return tuple(rungs)


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
    rungs: Rungs,
    previous: Sequence[SessionTemplate],
    start: date,
    ramp: bool,
) -> tuple[list[SessionTemplate], list[Candidate]]:
    pool = candidates(catalogue, profile, rungs)
    reasons = explain.missing_basics(catalogue, profile, pool)
    if reasons:
        raise Infeasible(reasons)
    ends = [bookends(catalogue, profile, i + block) for i in range(profile.days)]
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
        SessionTemplate(profile.weekdays[i], ends[i][0], tuple(week[i]), ends[i][1])
        for i in range(profile.days)
    ]
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


def _builds_in(slots: Sequence[WeekSlot], block: int) -> bool:
    """Whether the block has weeks after its first that add sets."""
    return any(s.block == block and builds(s) for s in slots)


def generate_plan(
    *, profile: Profile, catalogue: Catalogue, start: date, weeks: int, name: str = ""
) -> Plan:
    """A plan of `weeks` weeks from `start` that keeps every hard rule, or Infeasible."""
    slots = week_slots(profile, weeks)
    placed = tuple(placements(profile, ladder_usable(catalogue, profile)).values())
    templates: list[list[SessionTemplate]] = []
    first_pool: list[Candidate] = []
    windows: list[Rungs] = []
    for block in range(slots[-1].block + 1):
        rungs = block_rungs(placed, block)
        if (
            windows
            and rungs == windows[-1]
            and _builds_in(slots, block) == _builds_in(slots, block - 1)
        ):
            # the same choices as last block: the continuity bonus would pick the same week
            templates.append(templates[-1])
        else:
            template, pool = _block_template(
                catalogue, profile, block, rungs, templates[-1] if templates else [], start,
                _builds_in(slots, block),
            )  # fmt: skip
            templates.append(template)
            first_pool = first_pool or pool
        windows.append(rungs)
    plan_weeks = tuple(build_week(profile, slot, templates[slot.block], start) for slot in slots)
    return Plan(
        name=name or f"{weeks}-week back plan",
        profile=profile,
        start=plan_weeks[0].sessions[0].day,
        weeks=plan_weeks,
        notes=tuple(notes.coach_notes(profile, plan_weeks, catalogue, placed, first_pool)),
    )
