"""The database schema as SQLAlchemy Core tables; Alembic migrations must agree with it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(32), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

user_exercises = Table(
    "user_exercises",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("slug", String(120), nullable=False),
    Column("name", String(200), nullable=False),
    Column("origin", String(32), nullable=False),
    Column("data", JSON, nullable=False),
    UniqueConstraint("user_id", "slug", name="uq_user_exercises_user_slug"),
)
