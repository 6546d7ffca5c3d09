"""Shared helpers for the planner tests: the real catalogue, plan making, plan reading."""

from __future__ import annotations

from datetime import date
from typing import Any

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.catalogue import Catalogue
from backtone.domain.plan import Plan, PlanWeek, Role
from backtone.domain.profile import build_profile
from backtone.domain.vocabulary import PULL_PATTERNS, PUSH_PATTERNS, Kind
from backtone.services.planning import create_plan

START = date(2026, 3, 2)  # a Monday


def catalogue() -> Catalogue:
    return load_builtin_catalogue()


def make_plan(weeks: int = 4, template: str | None = None, **profile: Any) -> Plan:
    profile.setdefault("level", "beginner")
    return create_plan(
        profile=build_profile(**profile),
        catalogue=catalogue(),
        start=START,
        weeks=weeks,
        template=template,
    )


def main_ids(week: PlanWeek) -> set[str]:
    return {i.exercise_id for s in week.sessions for i in s.by_role(Role.MAIN)}


def plan_main_ids(plan: Plan) -> set[str]:
    return set().union(*(main_ids(w) for w in plan.weeks))


def hard_sets(week: PlanWeek, patterns: frozenset[Any]) -> int:
    cat = catalogue()
    return sum(
        i.sets
        for s in week.sessions
        for i in s.by_role(Role.MAIN)
        if cat.get(i.exercise_id).pattern in patterns
        and cat.get(i.exercise_id).kind is Kind.STRENGTH
    )


def pull_sets(week: PlanWeek) -> int:
    return hard_sets(week, PULL_PATTERNS)


def push_sets(week: PlanWeek) -> int:
    return hard_sets(week, PUSH_PATTERNS)


def volume(week: PlanWeek) -> float:
    """Reps (or seconds) times sets over the main work: what 'volume rising' means."""
    total = 0.0
    for session in week.sessions:
        for item in session.by_role(Role.MAIN):
            amount = item.reps or item.seconds
            assert amount is not None
            total += item.sets * amount.mid
    return total
