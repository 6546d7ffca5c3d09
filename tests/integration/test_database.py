"""The storage adapters on both engines: repositories, the unit of work and migrations."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import sessionmaker

from backtone.adapters.db import migrate
from backtone.adapters.db.engine import make_engine
from backtone.adapters.db.tables import metadata
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.domain.account import TokenKind
from tests.factories import make_exercise

WHEN = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)


def uow_for(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


def test_a_committed_user_is_found_again_by_name(engine: Engine) -> None:
    with uow_for(engine) as uow:
        uow.users.add("sam", WHEN)
        uow.commit()
    with uow_for(engine) as uow:
        found = uow.users.get_by_name("sam")
    assert found is not None and found.created_at == WHEN


def test_leaving_the_unit_of_work_without_commit_keeps_nothing(engine: Engine) -> None:
    with uow_for(engine) as uow:
        uow.users.add("sam", WHEN)
    with uow_for(engine) as uow:
        assert uow.users.get_by_name("sam") is None


def test_an_error_inside_the_unit_of_work_rolls_back(engine: Engine) -> None:
    with pytest.raises(RuntimeError), uow_for(engine) as uow:
        uow.users.add("sam", WHEN)
        raise RuntimeError("crash before commit")
    with uow_for(engine) as uow:
        assert uow.users.get_by_name("sam") is None


def test_only_the_outermost_block_commits_so_a_use_case_inside_another_is_one_transaction(
    engine: Engine,
) -> None:
    uow = uow_for(engine)
    with pytest.raises(RuntimeError, match="fell over"), uow:
        with uow:
            uow.users.add("sam", WHEN)
            uow.commit()  # a step inside a caller's transaction: nothing is committed yet
        raise RuntimeError("the caller fell over")
    with uow_for(engine) as fresh:
        assert fresh.users.get_by_name("sam") is None
    with uow:
        with uow:
            uow.users.add("sam", WHEN)
            uow.commit()
        uow.commit()  # the outermost block's commit is the one that counts
    with uow_for(engine) as fresh:
        assert fresh.users.get_by_name("sam") is not None


def test_a_commit_outside_any_block_is_a_mistake_said_at_once(engine: Engine) -> None:
    with pytest.raises(RuntimeError, match="outside"):
        uow_for(engine).commit()


def test_custom_exercises_belong_to_their_owner_only(engine: Engine) -> None:
    with uow_for(engine) as uow:
        ana = uow.users.add("ana", WHEN)
        ben = uow.users.add("ben", WHEN)
        uow.exercises.add_many(ana.id, [make_exercise("fedb-towel-row", name="Towel row")])
        uow.commit()
    with uow_for(engine) as uow:
        assert [e.name for e in uow.exercises.for_user(ana.id)] == ["Towel row"]
        assert uow.exercises.for_user(ben.id) == []
        assert uow.exercises.ids_for_user(ana.id) == {"fedb-towel-row"}


def test_a_stored_exercise_reads_back_equal(engine: Engine) -> None:
    original = make_exercise("fedb-band-row", summary="Rows with a band", cues=("Elbows in",))
    with uow_for(engine) as uow:
        user = uow.users.add("ana", WHEN)
        uow.exercises.add_many(user.id, [original])
        uow.commit()
    with uow_for(engine) as uow:
        assert uow.exercises.for_user(user.id) == [original]


def _migrate_up_and_down(engine: Engine) -> None:
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD
    assert {"users", "user_exercises"} <= set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
    migrate.downgrade(engine)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}


def test_migrations_go_up_to_head_match_the_models_and_come_back_down_on_sqlite(
    tmp_path: Path,
) -> None:
    _migrate_up_and_down(make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}"))


def test_migrations_go_up_to_head_match_the_models_and_come_back_down_on_postgresql(
    empty_postgres_engine: Engine,
) -> None:
    _migrate_up_and_down(empty_postgres_engine)


def test_the_head_constant_names_the_newest_migration_script(tmp_path: Path) -> None:
    config = migrate._alembic_config(None)
    assert ScriptDirectory.from_config(config).get_current_head() == migrate.HEAD  # type: ignore[arg-type]


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x' / 'new.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


@pytest.fixture(params=["sqlite", "postgres"])
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    if request.param == "sqlite":
        return make_engine(f"sqlite:///{tmp_path / 'e.sqlite3'}")
    engine: Engine = request.getfixturevalue("empty_postgres_engine")
    return engine


def test_the_reliability_migration_leaves_one_open_guided_workout_and_tokens_that_expire(
    empty_engine: Engine,
) -> None:
    migrate.upgrade(empty_engine, "0008")
    later = WHEN.replace(hour=9)
    with empty_engine.begin() as connection:
        run = connection.execute
        run(text("INSERT INTO users (id, name, created_at) VALUES (1, 'sam', :t)"), {"t": WHEN})
        for workout_id, started in ((1, WHEN), (2, later)):  # twins a race once opened
            run(
                text(
                    "INSERT INTO workouts (id, user_id, started_at, name, notes, source, "
                    "source_key) VALUES (:id, 1, :t, 'Monday', '', 'workout', :key)"
                ),
                {"id": workout_id, "t": started, "key": f"workout:{workout_id}"},
            )
        run(
            text(
                "INSERT INTO logged_sets (workout_id, user_id, exercise_id, position, set_type,"
                " reps, notes, created_at) VALUES (1, 1, 'pull-up', 1, 'working', 5, '', :t)"
            ),
            {"t": WHEN.replace(minute=45)},
        )
        run(
            text(
                "INSERT INTO auth_tokens (user_id, kind, token_hash, label, created_at) "
                "VALUES (1, 'api', 'digest', '', :t)"
            ),
            {"t": WHEN},
        )
    migrate.upgrade(empty_engine)
    with uow_for(empty_engine) as uow:
        older = uow.workouts.get(1, 1)
        newer = uow.workouts.get(1, 2)
        tokens = uow.auth_tokens.list_for(1, TokenKind.API, WHEN)
    assert older is not None and older.ended_at == WHEN.replace(minute=45)  # at its last set
    assert newer is not None and newer.ended_at is None
    assert [t.expires_at is not None for t in tokens] == [True]
    empty_engine.dispose()
