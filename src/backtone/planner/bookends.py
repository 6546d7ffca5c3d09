"""Warm-ups and cool-downs: short and specific.

A session opens with one of the seeds' stretches at the seed's numbers (a short opener), then
a general warm-up: easy rowing for someone with a rower, else one or two mobility drills. The
heavy lifts bring their own ramp-up sets (planner/weeks.py). Stretching at length belongs to
the end: the seeds' squat and spine stretches close every session that can hold them.
"""

from __future__ import annotations

from collections.abc import Sequence

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Exercise, Span
from backtone.domain.plan import PlanItem, Role
from backtone.domain.profile import Emphasis, Profile
from backtone.domain.vocabulary import Equipment, Kind
from backtone.planner.items import make_item
from backtone.planner.rules import allowed, seed_stretches

OPENERS = ("doorframe-stretch", "squat-stretch")  # the seeds' stretches, in order of choice
CLOSERS = ("squat-stretch", "spine-stretch")  # the seeds' stretches that suit the end
EXTRA_CLOSERS = ("childs-pose", "knee-to-chest-stretch")
DRILLS = ("cat-cow", "thoracic-extension", "thread-the-needle")
POSTURE_DRILLS = ("wall-slide", "thoracic-extension")
ROWER = "rowing-machine"
ROWER_WARM_UP_SECONDS = 3 * 60


def _first(catalogue: Catalogue, profile: Profile, ids: Sequence[str]) -> list[Exercise]:
    return [catalogue.get(i) for i in ids if i in catalogue and allowed(catalogue.get(i), profile)]


def _rotate(pool: list[Exercise], by: int) -> list[Exercise]:
    if not pool:
        return pool
    by %= len(pool)
    return pool[by:] + pool[:by]


def _once(exercise: Exercise, role: Role) -> PlanItem:
    """One unhurried set: the point is to move and to open up, not to tire."""
    return make_item(exercise, role, sets=1, rest_seconds=0)


def warm_up(catalogue: Catalogue, profile: Profile, turn: int) -> tuple[PlanItem, ...]:
    """The seed's opener, then easy rowing or mobility drills (two for sessions of half an
    hour or more, or for posture)."""
    openers = _first(catalogue, profile, OPENERS) or seed_stretches(catalogue, profile)
    stretches = [e for e in catalogue if e.kind is Kind.STRETCH and allowed(e, profile)]
    opener = openers[:1] or sorted(stretches, key=lambda e: e.id)[:1]
    items = [_once(e, Role.WARM_UP) for e in opener]
    rower = _first(catalogue, profile, (ROWER,))
    if rower and Equipment.ROWING_MACHINE in profile.equipment and profile.minutes >= 30:
        span = Span(ROWER_WARM_UP_SECONDS, ROWER_WARM_UP_SECONDS)
        note = "Easy pace to warm up: legs, body, arms."
        items.append(make_item(rower[0], Role.WARM_UP, sets=1, rest_seconds=0, seconds=span,
                               note=note))  # fmt: skip
        return tuple(items)
    posture = profile.emphasis is Emphasis.POSTURE
    drills = _first(catalogue, profile, POSTURE_DRILLS if posture else DRILLS)
    count = 2 if profile.minutes >= 30 or (posture and profile.minutes >= 20) else 1
    chosen = drills[:count] if posture else _rotate(drills, turn)[:count]
    return tuple(items + [_once(e, Role.WARM_UP) for e in chosen])


def cool_down(
    catalogue: Catalogue, profile: Profile, turn: int, used: set[str]
) -> tuple[PlanItem, ...]:
    """The seeds' squat and spine stretches (those not used to open), and one more for a
    session of 45 minutes or more, or for posture."""
    closers = [e for e in _first(catalogue, profile, CLOSERS) if e.id not in used]
    extra = _rotate(_first(catalogue, profile, EXTRA_CLOSERS), turn)
    if profile.minutes >= 45 or profile.emphasis is Emphasis.POSTURE or not closers:
        closers += extra[:1]
    if profile.minutes < 20:
        closers = closers[:1]
    if not closers:  # every stretch was used to warm up: repeat the gentlest one
        closers = [e for e in catalogue if e.kind is Kind.STRETCH and allowed(e, profile)][:1]
    return tuple(_once(e, Role.COOL_DOWN) for e in closers)


def bookends(
    catalogue: Catalogue, profile: Profile, turn: int
) -> tuple[tuple[PlanItem, ...], tuple[PlanItem, ...]]:
    """A session's warm-up and cool-down."""
    warm = warm_up(catalogue, profile, turn)
    return warm, cool_down(catalogue, profile, turn, {i.exercise_id for i in warm})
