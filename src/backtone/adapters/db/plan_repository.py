"""Plans and profiles in the database, scoped to one person."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import desc, insert, select, update
from sqlalchemy.orm import Session

from backtone.adapters.db.repositories import as_utc
from backtone.adapters.db.tables import plan_sessions, plans, profiles
from backtone.adapters.formats.plan_json import (
    plan_from_dict,
    plan_to_dict,
    profile_from_dict,
    profile_to_dict,
)
from backtone.domain.plan import Plan
from backtone.domain.plan_record import PlanRecord, PlanSummary
from backtone.domain.profile import Profile


class SqlPlanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, user_id: int, plan: Plan, *, created_at: datetime, current: bool) -> int:
        """Store a plan with a row per session; `current` makes it the one to follow."""
        if current:
            self.session.execute(
                update(plans).where(plans.c.user_id == user_id).values(is_current=False)
            )
        plan_id: int = self.session.execute(
            insert(plans)
            .values(
                user_id=user_id,
                created_at=created_at,
                name=plan.name,
                start=plan.start,
                is_current=current,
                data=plan_to_dict(plan),
            )
            .returning(plans.c.id)
        ).scalar_one()
        rows = [
            {
                "plan_id": plan_id,
                "user_id": user_id,
                "position": n,
                "week": week.number,
                "day": session.day,
            }
            for n, (week, session) in enumerate((w, s) for w in plan.weeks for s in w.sessions)
        ]
        if rows:
            self.session.execute(insert(plan_sessions), rows)
        return plan_id

    def _record(self, row: Any) -> PlanRecord:
        ids = self.session.execute(
            select(plan_sessions.c.id)
            .where(plan_sessions.c.plan_id == row.id)
            .order_by(plan_sessions.c.position)
        ).scalars()
        return PlanRecord(
            id=row.id,
            created_at=as_utc(row.created_at),
            is_current=row.is_current,
            plan=plan_from_dict(row.data),
            session_ids=tuple(ids),
        )

    def current(self, user_id: int) -> PlanRecord | None:
        row = self.session.execute(
            select(plans).where(plans.c.user_id == user_id, plans.c.is_current.is_(True))
        ).first()
        return None if row is None else self._record(row)

    def get(self, user_id: int, plan_id: int) -> PlanRecord | None:
        row = self.session.execute(
            select(plans).where(plans.c.user_id == user_id, plans.c.id == plan_id)
        ).first()
        return None if row is None else self._record(row)

    def summaries(self, user_id: int) -> list[PlanSummary]:
        rows = self.session.execute(
            select(plans)
            .where(plans.c.user_id == user_id)
            .order_by(desc(plans.c.created_at), desc(plans.c.id))
        )
        return [
            PlanSummary(
                id=row.id,
                created_at=as_utc(row.created_at),
                is_current=row.is_current,
                name=row.name,
                start=row.start,
                weeks=len(row.data["weeks"]),
                sessions=sum(len(w["sessions"]) for w in row.data["weeks"]),
            )
            for row in rows
        ]

    def sessions_between(self, user_id: int, first: date, last: date) -> list[tuple[int, date]]:
        """Ids and days of the current plan's sessions in [first, last]."""
        return [
            (row.id, row.day)
            for row in self.session.execute(
                select(plan_sessions.c.id, plan_sessions.c.day)
                .join(plans, plans.c.id == plan_sessions.c.plan_id)
                .where(
                    plan_sessions.c.user_id == user_id,
                    plans.c.is_current.is_(True),
                    plan_sessions.c.day.between(first, last),
                )
                .order_by(plan_sessions.c.day)
            )
        ]


class SqlProfileRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: int) -> Profile | None:
        data = self.session.execute(
            select(profiles.c.data).where(profiles.c.user_id == user_id)
        ).scalar()
        return None if data is None else profile_from_dict(data)

    def save(self, user_id: int, profile: Profile, *, updated_at: datetime) -> None:
        data = profile_to_dict(profile)
        exists = self.session.execute(
            select(profiles.c.user_id).where(profiles.c.user_id == user_id)
        ).first()
        if exists:
            self.session.execute(
                update(profiles)
                .where(profiles.c.user_id == user_id)
                .values(data=data, updated_at=updated_at)
            )
        else:
            self.session.execute(
                insert(profiles).values(user_id=user_id, data=data, updated_at=updated_at)
            )
