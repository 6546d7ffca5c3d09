"""The database schema as SQLAlchemy Core tables; Alembic migrations must agree with it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# Which workouts the one-open-guided-workout index covers.
OPEN_GUIDED = "ended_at IS NULL AND source = 'workout'"

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(32), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Web accounts: CLI-only local people have no password.
    Column("password_hash", String(255)),
    Column("role", String(16), nullable=False, server_default="person"),
    Column("timezone", String(64), nullable=False, server_default="UTC"),
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

workouts = Table(
    "workouts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True)),
    Column("name", String(200), nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("planned_session_id", Integer),
    # Where the workout came from ("log", "strong", "hevy"...) and, for imports, a key that
    # makes importing the same file twice add nothing.
    Column("source", String(32), nullable=False),
    Column("source_key", String(200)),
    # What the coach asked for in a guided session, per exercise (progression reads it).
    Column("targets", JSON),
    UniqueConstraint("user_id", "source_key", name="uq_workouts_user_source_key"),
    Index("ix_workouts_user_started", "user_id", "started_at"),
    # A person has at most one guided workout open: two taps on "start" at the same moment
    # make one, whichever process answers them (the only source that is opened and finished).
    Index(
        "uq_workouts_one_open_guided",
        "user_id",
        "source",
        unique=True,
        sqlite_where=text(OPEN_GUIDED),
        postgresql_where=text(OPEN_GUIDED),
    ),
)

logged_sets = Table(
    "logged_sets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workout_id", ForeignKey("workouts.id", ondelete="CASCADE"), nullable=False),
    # Repeated from the workout so per-person queries need no join.
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("exercise_id", String(120), nullable=False),
    Column("position", Integer, nullable=False),
    Column("set_type", String(16), nullable=False),
    Column("reps", Integer),
    Column("load_kg", Float),
    Column("duration_seconds", Float),
    Column("distance_m", Float),
    Column("rpe", Float),
    Column("reps_in_reserve", Integer),
    Column("rest_seconds", Float),
    Column("notes", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # The exercise's name in the app a set was imported from, so an export gives it back.
    Column("source_name", String(200)),
    # Covers history and records for one exercise without touching the table rows.
    Index(
        "ix_logged_sets_user_exercise",
        "user_id",
        "exercise_id",
        "workout_id",
        "set_type",
        "reps",
        "load_kg",
    ),
    Index("ix_logged_sets_workout", "workout_id", "position"),
    Index("ix_logged_sets_user_created", "user_id", "created_at"),
)

# One row per exercise per workout (domain/exercise_digest.py), rewritten with the workout's
# sets: whole-history progress reads these instead of every set.
exercise_digests = Table(
    "exercise_digests",
    metadata,
    Column("workout_id", ForeignKey("workouts.id", ondelete="CASCADE"), primary_key=True),
    Column("exercise_id", String(120), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("sets", Integer, nullable=False),
    Column("total_reps", Integer, nullable=False),
    Column("heaviest_reps", Integer),
    Column("heaviest_load_kg", Float),
    Column("heaviest_seconds", Float),
    Column("strongest_reps", Integer),
    Column("strongest_load_kg", Float),
    Column("unloaded_reps", Integer),
    Column("unloaded_seconds", Float),
    Column("loaded_reps", Integer),
    Column("loaded_seconds", Float),
    Index("ix_exercise_digests_user_started", "user_id", "started_at"),
)

# A deleted workout, kept whole (its row and its sets' rows as JSON) for a while so that the
# person can undo the deletion; the live tables no longer hold it (adapters/db/history_edits.py).
deleted_workouts = Table(
    "deleted_workouts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("workout_id", Integer, nullable=False),  # the id it had, which a restore asks for
    Column("deleted_at", DateTime(timezone=True), nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_deleted_workouts_user_workout", "user_id", "workout_id"),
    Index("ix_deleted_workouts_deleted_at", "deleted_at"),
)

body_weights = Table(
    "body_weights",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("measured_at", DateTime(timezone=True), nullable=False),
    Column("kg", Float, nullable=False),
    Index("ix_body_weights_user_measured", "user_id", "measured_at"),
)

posture_checks = Table(
    "posture_checks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("taken_at", DateTime(timezone=True), nullable=False),
    Column("cva_deg", Float, nullable=False),
    Column("cva_sd", Float, nullable=False),
    Column("shoulder_offset_pct", Float, nullable=False),
    Column("shoulder_sd", Float, nullable=False),
    Column("trunk_lean_deg", Float, nullable=False),
    Column("trunk_sd", Float, nullable=False),
    Column("source", String(16), nullable=False),
    Column("frames", Integer, nullable=False),
    Index("ix_posture_checks_user_taken", "user_id", "taken_at"),
)

kits = Table(
    "kits",
    metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

check_ins = Table(
    "check_ins",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("day", Date, nullable=False),
    Column("sleep", String(8), nullable=False),
    Column("soreness", JSON, nullable=False),
    Column("pain", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("user_id", "day", name="uq_check_ins_user_day"),
)

profiles = Table(
    "profiles",
    metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("name", String(200), nullable=False),
    Column("start", Date, nullable=False),
    Column("is_current", Boolean, nullable=False, default=False),
    # Weeks, sessions and prescribed items, as the plan JSON export writes them.
    Column("data", JSON, nullable=False),
    Index("ix_plans_user_created", "user_id", "created_at"),
)

plan_sessions = Table(
    "plan_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),  # order within the plan
    Column("week", Integer, nullable=False),
    Column("day", Date, nullable=False),
    UniqueConstraint("plan_id", "position", name="uq_plan_sessions_plan_position"),
    Index("ix_plan_sessions_user_day", "user_id", "day"),
)

# Session cookies and API tokens; only a SHA-256 of each token is stored.
auth_tokens = Table(
    "auth_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # "session" or "api"
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("label", String(100), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True)),
)

# Rate-limit counters ("login:account:sam", "signup:address:203.0.113.9"): one row per key,
# bumped by one atomic upsert, so parallel requests and every worker process share the count.
rate_limits = Table(
    "rate_limits",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("window_start", DateTime(timezone=True), nullable=False),
    Column("hits", Integer, nullable=False),
)

trainer_invites = Table(
    "trainer_invites",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trainer_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("accepted_by", ForeignKey("users.id", ondelete="CASCADE")),
    Column("accepted_at", DateTime(timezone=True)),
)

# A client has at most one trainer.
trainer_clients = Table(
    "trainer_clients",
    metadata,
    Column("client_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("trainer_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("since", DateTime(timezone=True), nullable=False),
)

# How a person's exercise names from other apps map onto the catalogue, as they confirmed
# them once: the next import of any file with these names asks again about none of them.
import_name_mappings = Table(
    "import_name_mappings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("name_key", String(200), nullable=False),  # the name folded (normalise_name)
    Column("name", String(200), nullable=False),
    Column("exercise_id", String(120), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("user_id", "name_key", name="uq_import_name_mappings_user_name"),
)

# The column mapping a person gave for a CSV of their own, by the file's header.
import_column_mappings = Table(
    "import_column_mappings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("header_key", String(64), nullable=False),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("user_id", "header_key", name="uq_import_column_mappings_user_header"),
)

# What a request with an Idempotency-Key returned, so a retry gets it again.
idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(200), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("result", JSON),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("user_id", "key", name="uq_idempotency_keys_user_key"),
)
