"""Use cases for plans: make one from a profile, or from one of the seeds' routines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backtone.planner.generate import generate_plan
from backtone.planner.templates import TEMPLATES, template_plan

if TYPE_CHECKING:
    from datetime import date

    from backtone.domain.catalogue import Catalogue
    from backtone.domain.plan import Plan
    from backtone.domain.profile import Profile


def create_plan(
    *,
    profile: Profile,
    catalogue: Catalogue,
    start: date,
    weeks: int,
    template: str | None = None,
) -> Plan:
    """A plan of `weeks` weeks from `start`: generated for the profile, or a seed routine.

    Raises Infeasible with plain reasons when no plan keeps every hard rule, and
    InvalidInput for an unknown template or an out-of-range number of weeks.
    """
    if template:
        return template_plan(
            template=template, profile=profile, catalogue=catalogue, start=start, weeks=weeks
        )
    return generate_plan(profile=profile, catalogue=catalogue, start=start, weeks=weeks)


def template_names() -> list[str]:
    """The templates a person can pick instead of a generated plan."""
    return sorted(TEMPLATES)
