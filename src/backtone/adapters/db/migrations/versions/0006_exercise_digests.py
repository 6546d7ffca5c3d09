"""Exercise digests: one row per exercise per workout, for whole-history progress.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

from backtone.adapters.db import digests

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exercise_digests",
        sa.Column("workout_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(length=120), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("total_reps", sa.Integer(), nullable=False),
        sa.Column("heaviest_reps", sa.Integer(), nullable=True),
        sa.Column("heaviest_load_kg", sa.Float(), nullable=True),
        sa.Column("heaviest_seconds", sa.Float(), nullable=True),
        sa.Column("strongest_reps", sa.Integer(), nullable=True),
        sa.Column("strongest_load_kg", sa.Float(), nullable=True),
        sa.Column("unloaded_reps", sa.Integer(), nullable=True),
        sa.Column("unloaded_seconds", sa.Float(), nullable=True),
        sa.Column("loaded_reps", sa.Integer(), nullable=True),
        sa.Column("loaded_seconds", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_exercise_digests_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workout_id"],
            ["workouts.id"],
            name=op.f("fk_exercise_digests_workout_id_workouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workout_id", "exercise_id", name=op.f("pk_exercise_digests")),
    )
    with op.batch_alter_table("exercise_digests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_exercise_digests_user_started", ["user_id", "started_at"], unique=False
        )
    # Derived from the sets already stored: computed by today's code, not frozen here.
    digests.rebuild(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("exercise_digests", schema=None) as batch_op:
        batch_op.drop_index("ix_exercise_digests_user_started")
    op.drop_table("exercise_digests")
