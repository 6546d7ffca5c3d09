"""Deleted workouts kept for a while, so that a deletion can be undone.

Revision ID: 0016
Revises: 0011
Create Date: 2026-12-20
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deleted_workouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("workout_id", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_deleted_workouts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deleted_workouts")),
    )
    with op.batch_alter_table("deleted_workouts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_deleted_workouts_user_workout", ["user_id", "workout_id"], unique=False
        )
        batch_op.create_index("ix_deleted_workouts_deleted_at", ["deleted_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deleted_workouts", schema=None) as batch_op:
        batch_op.drop_index("ix_deleted_workouts_deleted_at")
        batch_op.drop_index("ix_deleted_workouts_user_workout")
    op.drop_table("deleted_workouts")
