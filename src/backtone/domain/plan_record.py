"""A plan as kept in a person's history: when it was made and whether it is the current one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from backtone.domain.plan import Plan, PlanSession


@dataclass(frozen=True)
class PlanRecord:
    id: int
    created_at: datetime
    is_current: bool
    plan: Plan
    session_ids: tuple[int, ...]  # one per session, in the order of Plan.sessions

    def session_on(self, day: date) -> tuple[int, PlanSession] | None:
        """The planned session on `day`, with its id, if the plan has one that day."""
        for session_id, session in zip(self.session_ids, self.plan.sessions, strict=True):
            if session.day == day:
                return session_id, session
        return None

    def is_deload(self, session_id: int) -> bool:
        """Whether the session with this id falls in one of the plan's deload weeks."""
        ids = iter(self.session_ids)
        return any(next(ids) == session_id and week.deload for week in self.plan.weeks
                   for _ in week.sessions)  # fmt: skip

    def next_session(self, day: date) -> tuple[int, PlanSession] | None:
        """The first planned session on or after `day`."""
        for session_id, session in zip(self.session_ids, self.plan.sessions, strict=True):
            if session.day >= day:
                return session_id, session
        return None


@dataclass(frozen=True)
class PlanSummary:
    id: int
    created_at: datetime
    is_current: bool
    name: str
    start: date
    weeks: int
    sessions: int
