"""When sets logged freely count as a planned session done.

A session is done when a guided workout for it was finished, or when the sets logged on its
day cover it: every main exercise of the session has at least one working set that day, of
the exercise itself, another step of its ladder or one of its stand-ins.
"""

from __future__ import annotations

from collections.abc import Iterable

from backtone.domain.ladders import VARIANTS, family_ids
from backtone.domain.plan import PlanSession, Role
from backtone.domain.training import LoggedSet


def stands_for(exercise_id: str) -> frozenset[str]:
    """Exercises whose sets count for this one: its ladder, or it and its stand-ins."""
    return family_ids(exercise_id) | frozenset(VARIANTS.get(exercise_id, ()))


def covered(session: PlanSession, logged: Iterable[LoggedSet]) -> bool:
    """Whether sets logged on the session's day cover every main exercise of it."""
    worked = {s.exercise_id for s in logged if s.is_hard}
    mains = session.by_role(Role.MAIN)
    return bool(mains) and all(stands_for(i.exercise_id) & worked for i in mains)
