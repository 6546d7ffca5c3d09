"""Warm-ups and cool-downs: seeds' stretches open every session, stretching closes it."""

from __future__ import annotations

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Exercise
from backtone.domain.plan import PlanItem, Role
from backtone.domain.profile import Emphasis, Profile
from backtone.domain.vocabulary import Kind
from backtone.planner.items import make_item
from backtone.planner.rules import allowed, seed_stretches

# Openers loosen the chest and hips; the forward fold suits the end of a session.
WARM_UP_FIRST = ("doorframe-stretch", "squat-stretch")
COOL_DOWN_FIRST = ("spine-stretch", "childs-pose")
# The most of a session a lengthened warm-up or cool-down may take: share, and minutes at most.
LONGEST = {Role.WARM_UP: (0.25, 12), Role.COOL_DOWN: (0.2, 10)}


def _ranked(pool: list[Exercise], first: tuple[str, ...]) -> list[Exercise]:
    return sorted(pool, key=lambda e: (first.index(e.id) if e.id in first else len(first), e.id))


def _rotate(pool: list[Exercise], by: int) -> list[Exercise]:
    if not pool:
        return pool
    by %= len(pool)
    return pool[by:] + pool[:by]


def bookend_sizes(profile: Profile) -> tuple[int, int]:
    """How many warm-up and cool-down moves a session of this length has room for."""
    m = profile.minutes
    warm = 1 if m < 20 else 2 if m < 35 else 3
    cool = 1 if m < 30 else 2 if m < 60 else 3
    if profile.emphasis is Emphasis.POSTURE and m >= 30:
        warm, cool = warm + 1, cool + 1
    return warm, cool


def _item(exercise: Exercise, role: Role) -> PlanItem:
    # One unhurried set each: the point is to move, not to tire.
    return make_item(exercise, role, sets=1, rest_seconds=0)


def warm_up(catalogue: Catalogue, profile: Profile, size: int, turn: int) -> tuple[PlanItem, ...]:
    """Seeds' stretches first, then mobility, rotating through the pool from session to session."""
    seeds = _ranked(seed_stretches(catalogue, profile), WARM_UP_FIRST)
    mobility = sorted(
        (e for e in catalogue if e.kind is Kind.MOBILITY and allowed(e, profile)),
        key=lambda e: e.id,
    )
    room_for_seeds = size - 1 if mobility and size > 1 else size
    chosen = seeds[: max(1, min(2, room_for_seeds))]
    chosen += _rotate(mobility, turn)[: size - len(chosen)]
    if len(chosen) < size:
        others = [
            e
            for e in catalogue
            if e.kind is Kind.STRETCH
            and allowed(e, profile)
            and e not in chosen
            and e.id not in COOL_DOWN_FIRST
        ]
        chosen += _rotate(sorted(others, key=lambda e: e.id), turn)[: size - len(chosen)]
    if not chosen:
        chosen = [e for e in catalogue if e.kind is Kind.STRETCH and allowed(e, profile)][:1]
    return tuple(_item(e, Role.WARM_UP) for e in chosen)


def cool_down(
    catalogue: Catalogue, profile: Profile, size: int, turn: int, used: set[str]
) -> tuple[PlanItem, ...]:
    """Stretches, the seed's forward fold first, avoiding those already done in the warm-up."""
    stretches = [
        e for e in catalogue if e.kind is Kind.STRETCH and allowed(e, profile) and e.id not in used
    ]
    ranked = _ranked(stretches, COOL_DOWN_FIRST)
    lead = [e for e in ranked if e.id in COOL_DOWN_FIRST[:1]]
    rest = _rotate([e for e in ranked if e not in lead], turn)
    chosen = (lead + rest)[:size]
    if not chosen:  # everything was used to warm up: repeat the gentlest one
        chosen = [e for e in catalogue if e.kind is Kind.STRETCH and allowed(e, profile)][:1]
    return tuple(_item(e, Role.COOL_DOWN) for e in chosen)


def _sets(exercise: Exercise, role: Role, sets: int) -> PlanItem:
    return make_item(exercise, role, sets=sets, rest_seconds=0)


def extras(
    catalogue: Catalogue,
    profile: Profile,
    warm: tuple[PlanItem, ...],
    cool: tuple[PlanItem, ...],
    turn: int,
) -> tuple[PlanItem, ...]:
    """More mobility and stretching, in the order to add it when a session has time to spare:
    new stretches to close and new mobility to open, one at a time, then second and third
    rounds. Nothing here loads a muscle hard."""
    used = {i.exercise_id for i in warm + cool}
    stretches = _rotate(
        [e for e in _ranked(_allowed(catalogue, profile, Kind.STRETCH), COOL_DOWN_FIRST)
         if e.id not in used], turn)  # fmt: skip
    mobility = _rotate(
        [e for e in _allowed(catalogue, profile, Kind.MOBILITY) if e.id not in used], turn
    )
    added: list[PlanItem] = []
    for k in range(max(len(stretches), len(mobility))):
        added += [_sets(e, Role.COOL_DOWN, 1) for e in stretches[k : k + 1]]
        added += [_sets(e, Role.WARM_UP, 1) for e in mobility[k : k + 1]]
    closing = [catalogue.get(i.exercise_id) for i in cool] + stretches
    opening = [catalogue.get(i.exercise_id) for i in warm] + mobility
    for rounds in (2, 3):
        added += [_sets(e, Role.COOL_DOWN, rounds) for e in closing]
        added += [_sets(e, Role.WARM_UP, rounds) for e in opening]
    return tuple(added)


def _allowed(catalogue: Catalogue, profile: Profile, kind: Kind) -> list[Exercise]:
    return sorted((e for e in catalogue if e.kind is kind and allowed(e, profile)),
                  key=lambda e: e.id)  # fmt: skip


def pad(
    warm: tuple[PlanItem, ...],
    cool: tuple[PlanItem, ...],
    more: tuple[PlanItem, ...],
    spare_seconds: int,
    minutes: int,
) -> tuple[tuple[PlanItem, ...], tuple[PlanItem, ...]]:
    """Warm-up and cool-down lengthened with `more`, in order, while each step still fits in
    the spare time and neither grows past its share of the session."""
    parts = {Role.WARM_UP: list(warm), Role.COOL_DOWN: list(cool)}
    limits = {
        role: max(sum(i.estimated_seconds for i in parts[role]), min(share * minutes, top) * 60)
        for role, (share, top) in LONGEST.items()
    }
    for extra in more:
        items = parts[extra.role]
        at = next((k for k, i in enumerate(items) if i.exercise_id == extra.exercise_id), None)
        elsewhere = any(
            i.exercise_id == extra.exercise_id for role, part in parts.items()
            if role is not extra.role for i in part
        )  # fmt: skip
        if elsewhere or (at is not None and items[at].sets >= extra.sets):
            continue
        cost = extra.estimated_seconds - (items[at].estimated_seconds if at is not None else 0)
        if (
            cost > spare_seconds
            or sum(i.estimated_seconds for i in items) + cost > limits[extra.role]
        ):
            continue
        spare_seconds -= cost
        if at is None:
            items.append(extra)
        else:
            items[at] = extra
    return tuple(parts[Role.WARM_UP]), tuple(parts[Role.COOL_DOWN])
