"""Repositories: explicit translation between table rows and domain objects."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from backtone.adapters.catalogue.codec import exercise_from_dict, exercise_to_dict
from backtone.adapters.db.tables import body_weights, posture_checks, user_exercises, users
from backtone.domain.exercise import Exercise
from backtone.domain.posture import PostureCheck
from backtone.domain.user import User

# session.info key: user id -> how many exercises of their own the sign-in read counted.
OWN_EXERCISES_KEY = "own_exercises"


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes: they were stored as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class SqlUserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get_by_name(self, name: str) -> User | None:
        row = self.session.execute(select(users).where(users.c.name == name)).first()
        return None if row is None else User(row.id, row.name, as_utc(row.created_at))

    def add(self, name: str, created_at: datetime) -> User:
        new_id = self.session.execute(
            insert(users).values(name=name, created_at=created_at).returning(users.c.id)
        ).scalar_one()
        return User(new_id, name, created_at)


class SqlExerciseRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def for_user(self, user_id: int) -> list[Exercise]:
        # Signing in counted the person's own exercises in this session: none, no query.
        if self.session.info.get(OWN_EXERCISES_KEY, {}).get(user_id) == 0:
            return []
        rows = self.session.execute(
            select(user_exercises.c.slug, user_exercises.c.data)
            .where(user_exercises.c.user_id == user_id)
            .order_by(user_exercises.c.id)
        )
        return [exercise_from_dict(row.data, f"user exercise {row.slug}") for row in rows]

    def ids_for_user(self, user_id: int) -> set[str]:
        query = select(user_exercises.c.slug).where(user_exercises.c.user_id == user_id)
        return set(self.session.execute(query).scalars())

    def add_many(self, user_id: int, exercises: Iterable[Exercise]) -> None:
        rows = [
            {
                "user_id": user_id,
                "slug": e.id,
                "name": e.name,
                "origin": e.origin.value,
                "data": exercise_to_dict(e),
            }
            for e in exercises
        ]
        if rows:
            self.session.execute(insert(user_exercises), rows)
            self.session.info.get(OWN_EXERCISES_KEY, {}).pop(user_id, None)


class SqlBodyWeightRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, user_id: int, measured_at: datetime, kg: float) -> None:
        self.session.execute(
            insert(body_weights).values(user_id=user_id, measured_at=measured_at, kg=kg)
        )

    def for_user(self, user_id: int) -> list[tuple[datetime, float]]:
        rows = self.session.execute(
            select(body_weights.c.measured_at, body_weights.c.kg)
            .where(body_weights.c.user_id == user_id)
            .order_by(body_weights.c.measured_at, body_weights.c.id)
        )
        return [(as_utc(row.measured_at), row.kg) for row in rows]


class SqlPostureRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, user_id: int, check: PostureCheck) -> None:
        self.session.execute(insert(posture_checks).values(user_id=user_id, **asdict(check)))

    def for_user(self, user_id: int) -> list[PostureCheck]:
        t = posture_checks.c
        rows = self.session.execute(
            select(posture_checks).where(t.user_id == user_id).order_by(t.taken_at, t.id)
        )
        return [
            PostureCheck(
                taken_at=as_utc(row.taken_at),
                cva_deg=row.cva_deg,
                cva_sd=row.cva_sd,
                shoulder_offset_pct=row.shoulder_offset_pct,
                shoulder_sd=row.shoulder_sd,
                trunk_lean_deg=row.trunk_lean_deg,
                trunk_sd=row.trunk_sd,
                source=row.source,
                frames=row.frames,
            )
            for row in rows
        ]
