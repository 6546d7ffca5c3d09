"""Over random profiles: a plan keeps every hard rule, or Infeasible explains why. Nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtone.domain.errors import Infeasible
from backtone.domain.plan import Role
from backtone.domain.profile import EQUIPMENT_PRESETS, Emphasis, Profile
from backtone.domain.vocabulary import Equipment, Level, Limitation
from backtone.planner.generate import generate_plan
from backtone.planner.rules import hard_rule_breaches
from tests.unit.planner_support import START, catalogue, pull_sets, push_sets

kits = st.one_of(
    st.sampled_from(sorted(EQUIPMENT_PRESETS)).map(EQUIPMENT_PRESETS.__getitem__),
    st.frozensets(st.sampled_from(list(Equipment)), max_size=6).map(
        lambda kit: kit | {Equipment.NONE}
    ),
)
profiles = st.builds(
    Profile,
    level=st.sampled_from(list(Level)),
    equipment=kits,
    weekdays=st.lists(st.integers(0, 6), min_size=1, max_size=6, unique=True).map(
        lambda days: tuple(sorted(days))
    ),
    minutes=st.integers(10, 120),
    emphasis=st.sampled_from(list(Emphasis)),
    limitations=st.frozensets(st.sampled_from(list(Limitation)), max_size=2),
    pull_ups=st.one_of(st.none(), st.integers(0, 20)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles, weeks=st.integers(1, 12))
def test_every_plan_keeps_every_hard_rule_or_says_why_none_can(
    profile: Profile, weeks: int
) -> None:
    try:
        plan = generate_plan(profile=profile, catalogue=catalogue(), start=START, weeks=weeks)
    except Infeasible as error:
        assert error.reasons and all(len(reason) > 20 for reason in error.reasons)
        return
    assert hard_rule_breaches(plan, catalogue()) == []
    assert len(plan.weeks) == weeks
    assert all(len(w.sessions) == profile.days for w in plan.weeks)
    for week in plan.weeks:
        assert pull_sets(week) >= push_sets(week)
        for session in week.sessions:
            assert len(session.by_role(Role.MAIN)) >= 2
