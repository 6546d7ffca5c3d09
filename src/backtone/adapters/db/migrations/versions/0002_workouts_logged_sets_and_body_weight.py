"""Workouts, logged sets and body weight.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "body_weights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("measured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kg", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_body_weights_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_weights")),
    )
    with op.batch_alter_table("body_weights", schema=None) as batch_op:
        batch_op.create_index(
            "ix_body_weights_user_measured", ["user_id", "measured_at"], unique=False
        )

    op.create_table(
        "workouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("planned_session_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("source_key", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_workouts_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workouts")),
        sa.UniqueConstraint("user_id", "source_key", name="uq_workouts_user_source_key"),
    )
    with op.batch_alter_table("workouts", schema=None) as batch_op:
        batch_op.create_index("ix_workouts_user_started", ["user_id", "started_at"], unique=False)

    op.create_table(
        "logged_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workout_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("set_type", sa.String(length=16), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("load_kg", sa.Float(), nullable=True),
        sa.Column("duration_seconds", sa.Float(), nullable=True),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("rpe", sa.Float(), nullable=True),
        sa.Column("reps_in_reserve", sa.Integer(), nullable=True),
        sa.Column("rest_seconds", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_logged_sets_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["workout_id"],
            ["workouts.id"],
            name=op.f("fk_logged_sets_workout_id_workouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logged_sets")),
    )
    with op.batch_alter_table("logged_sets", schema=None) as batch_op:
        batch_op.create_index(
            "ix_logged_sets_user_created", ["user_id", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_logged_sets_user_exercise",
            ["user_id", "exercise_id", "workout_id", "set_type", "reps", "load_kg"],
            unique=False,
        )
        batch_op.create_index("ix_logged_sets_workout", ["workout_id", "position"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("logged_sets", schema=None) as batch_op:
        batch_op.drop_index("ix_logged_sets_workout")
        batch_op.drop_index("ix_logged_sets_user_exercise")
        batch_op.drop_index("ix_logged_sets_user_created")

    op.drop_table("logged_sets")
    with op.batch_alter_table("workouts", schema=None) as batch_op:
        batch_op.drop_index("ix_workouts_user_started")

    op.drop_table("workouts")
    with op.batch_alter_table("body_weights", schema=None) as batch_op:
        batch_op.drop_index("ix_body_weights_user_measured")

    op.drop_table("body_weights")
