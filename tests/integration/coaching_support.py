"""A small hand-made plan for the coaching tests: fixed, so planner changes do not move them."""

from __future__ import annotations

from datetime import date, timedelta

from backtone.domain.exercise import Span
from backtone.domain.plan import Plan, PlanItem, PlanSession, PlanWeek, Role
from backtone.domain.profile import build_profile

MONDAY = date(2026, 11, 2)  # the fixed clock's day; the plan's first session


def _main(exercise_id: str, sets: int, low: int, high: int, rest: int = 60) -> PlanItem:
    return PlanItem(exercise_id, exercise_id, Role.MAIN, sets, rest, reps=Span(low, high))


WARM_UP = (
    PlanItem("cat-cow", "Cat-cow", Role.WARM_UP, 1, 0, reps=Span(8, 10)),
    PlanItem("doorframe-stretch", "Doorframe stretch", Role.WARM_UP, 1, 0,
             seconds=Span(30, 60), per_side=True),
)  # fmt: skip
COOL_DOWN = (PlanItem("childs-pose", "Child's pose", Role.COOL_DOWN, 1, 0, seconds=Span(30, 45)),)


def home_dumbbell_plan(weeks: int = 2) -> Plan:
    """Mon: Romanian deadlifts and push-ups; Wed: rows and push-ups; Fri: deadlifts and rows.

    The deadlift's range goes from 10 in week one to 12 after, as a planner's weeks might.
    """
    profile = build_profile(level="beginner", equipment="home-dumbbells", days=3, minutes=30)
    plan_weeks = []
    for n in range(weeks):
        monday = MONDAY + timedelta(days=7 * n)
        deadlift = _main(
            "dumbbell-romanian-deadlift", 3, 10 if n == 0 else 12, 10 if n == 0 else 12
        )
        days = (
            (0, "A: Lower back + push", (deadlift, _main("push-up", 3, 6, 10))),
            (2, "B: Lats + push", (_main("bent-over-dumbbell-row", 3, 12, 12, 45),
                                   _main("push-up", 3, 6, 10))),
            (4, "C: Back", (deadlift, _main("bent-over-dumbbell-row", 3, 12, 12, 45))),
        )  # fmt: skip
        sessions = tuple(
            PlanSession(monday + timedelta(days=d), title, WARM_UP + mains + COOL_DOWN)
            for d, title, mains in days
        )
        plan_weeks.append(PlanWeek(n + 1, False, sessions))
    return Plan("Test plan", profile, MONDAY, tuple(plan_weeks))
