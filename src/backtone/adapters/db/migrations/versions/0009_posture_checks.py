"""Posture checks: measures from side photos, with their uncertainty.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "posture_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cva_deg", sa.Float(), nullable=False),
        sa.Column("cva_sd", sa.Float(), nullable=False),
        sa.Column("shoulder_offset_pct", sa.Float(), nullable=False),
        sa.Column("shoulder_sd", sa.Float(), nullable=False),
        sa.Column("trunk_lean_deg", sa.Float(), nullable=False),
        sa.Column("trunk_sd", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("frames", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_posture_checks_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posture_checks")),
    )
    with op.batch_alter_table("posture_checks", schema=None) as batch_op:
        batch_op.create_index("ix_posture_checks_user_taken", ["user_id", "taken_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("posture_checks", schema=None) as batch_op:
        batch_op.drop_index("ix_posture_checks_user_taken")
    op.drop_table("posture_checks")
