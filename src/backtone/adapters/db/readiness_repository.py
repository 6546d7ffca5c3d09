"""A person's kit and their readiness check-ins in the database."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from backtone.adapters.db.tables import check_ins, kits
from backtone.adapters.formats.kit_json import (
    check_in_from_dict,
    check_in_to_dict,
    kit_from_dict,
    kit_to_dict,
)
from backtone.domain.kit import Kit
from backtone.domain.readiness import CheckIn


class SqlKitRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: int) -> Kit | None:
        data = self.session.execute(select(kits.c.data).where(kits.c.user_id == user_id)).scalar()
        return None if data is None else kit_from_dict(data)

    def save(self, user_id: int, kit: Kit, *, updated_at: datetime) -> None:
        values = {"data": kit_to_dict(kit), "updated_at": updated_at}
        if self.get(user_id) is None:
            self.session.execute(insert(kits).values(user_id=user_id, **values))
        else:
            self.session.execute(update(kits).where(kits.c.user_id == user_id).values(values))


class SqlCheckInRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def on(self, user_id: int, day: date) -> CheckIn | None:
        row = self.session.execute(
            select(check_ins).where(check_ins.c.user_id == user_id, check_ins.c.day == day)
        ).first()
        if row is None:
            return None
        return check_in_from_dict(
            {"day": row.day.isoformat(), "sleep": row.sleep, "soreness": row.soreness,
             "pain": row.pain}
        )  # fmt: skip

    def save(self, user_id: int, check_in: CheckIn, *, created_at: datetime) -> None:
        """The day's check-in; a second one the same day replaces the first."""
        data = check_in_to_dict(check_in)
        self.session.execute(
            delete(check_ins).where(check_ins.c.user_id == user_id, check_ins.c.day == check_in.day)
        )
        self.session.execute(
            insert(check_ins).values(
                user_id=user_id, day=check_in.day, sleep=data["sleep"], soreness=data["soreness"],
                pain=data["pain"], created_at=created_at,
            )
        )  # fmt: skip

    def for_user(self, user_id: int) -> list[CheckIn]:
        rows = self.session.execute(
            select(check_ins).where(check_ins.c.user_id == user_id).order_by(check_ins.c.day)
        )
        return [
            check_in_from_dict(
                {"day": r.day.isoformat(), "sleep": r.sleep, "soreness": r.soreness, "pain": r.pain}
            )
            for r in rows
        ]
