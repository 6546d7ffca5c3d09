"""Reliability: atomic rate-limit counters, one open guided workout, API tokens that expire.

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-14
"""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

OPEN_GUIDED = "ended_at IS NULL AND source = 'workout'"
API_TOKEN_LIFETIME = timedelta(days=90)


def upgrade() -> None:
    op.create_table(
        "rate_limits",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limits")),
    )
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_login_attempts_key_at")
    op.drop_table("login_attempts")
    _close_all_but_the_newest_open_guided_workout()
    with op.batch_alter_table("workouts", schema=None) as batch_op:
        batch_op.create_index(
            "uq_workouts_one_open_guided",
            ["user_id", "source"],
            unique=True,
            sqlite_where=sa.text(OPEN_GUIDED),
            postgresql_where=sa.text(OPEN_GUIDED),
        )
    # API tokens used to live for ever: each gets the lifetime new ones have, from today.
    tokens = sa.table(
        "auth_tokens", sa.column("kind", sa.String), sa.column("expires_at", sa.DateTime)
    )
    op.get_bind().execute(
        tokens.update()
        .where(tokens.c.kind == "api", tokens.c.expires_at.is_(None))
        .values(expires_at=datetime.now(UTC) + API_TOKEN_LIFETIME)
    )


def _close_all_but_the_newest_open_guided_workout() -> None:
    """Races used to open twins; the older ones end at their last set (or their start)."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT w.id, w.user_id, w.started_at, "
            "(SELECT max(s.created_at) FROM logged_sets s WHERE s.workout_id = w.id) AS last "
            f"FROM workouts w WHERE {OPEN_GUIDED.replace('ended_at', 'w.ended_at')} "
            "ORDER BY w.user_id, w.started_at DESC, w.id DESC"
        )
    ).all()
    seen: set[int] = set()
    for row in rows:
        if row.user_id not in seen:
            seen.add(row.user_id)
            continue
        ended = row.last if row.last is not None and row.last > row.started_at else row.started_at
        bind.execute(
            sa.text("UPDATE workouts SET ended_at = :ended WHERE id = :id"),
            {"ended": ended, "id": row.id},
        )


def downgrade() -> None:
    with op.batch_alter_table("workouts", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_workouts_one_open_guided",
            sqlite_where=sa.text(OPEN_GUIDED),
            postgresql_where=sa.text(OPEN_GUIDED),
        )
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
    )
    with op.batch_alter_table("login_attempts", schema=None) as batch_op:
        batch_op.create_index("ix_login_attempts_key_at", ["key", "attempted_at"], unique=False)
    op.drop_table("rate_limits")
