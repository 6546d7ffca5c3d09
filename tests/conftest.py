"""Fixtures shared by the whole suite: databases on SQLite and PostgreSQL, a fixed clock."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from backtone.adapters.db import migrate
from backtone.adapters.db.engine import make_engine
from backtone.adapters.db.tables import metadata
from backtone.entrypoints.cli.context import backtone_app, state
from tests.fakes import FixedClock

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
POSTGRES_URL = os.environ.get(
    "BACKTONE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI") == "true"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test is a failure: nothing may hide behind a missing service."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if IN_CI and skipped and exitstatus == 0:
        reporter.write_line(f"CI=true: {len(skipped)} skipped test(s) count as failures", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 2, 7, 30, tzinfo=UTC))


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}")
    migrate.upgrade(engine)
    return engine


def _postgres_schema_engine(schema: str) -> Engine:
    admin = make_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:
        pytest.skip(f"PostgreSQL at {POSTGRES_URL} is not reachable: {error}")
    finally:
        admin.dispose()
    return make_engine(f"{POSTGRES_URL}?options=-csearch_path%3D{schema}")


def _drop_schema(schema: str) -> None:
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    """A fresh schema on the machine's PostgreSQL for this run, dropped afterwards."""
    schema = f"backtone_test_{uuid.uuid4().hex[:10]}"
    engine = _postgres_schema_engine(schema)
    migrate.upgrade(engine)
    yield engine
    engine.dispose()
    _drop_schema(schema)


@pytest.fixture
def empty_postgres_engine() -> Iterator[Engine]:
    """A schema with no tables at all, for migration tests."""
    schema = f"backtone_mig_{uuid.uuid4().hex[:10]}"
    engine = _postgres_schema_engine(schema)
    yield engine
    engine.dispose()
    _drop_schema(schema)


def _clear(engine: Engine) -> None:
    with engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A migrated, empty database: each test runs once on SQLite and once on PostgreSQL."""
    chosen: Engine = request.getfixturevalue(f"{request.param}_engine")
    _clear(chosen)
    yield chosen
    _clear(chosen)


@pytest.fixture
def database_url(engine: Engine) -> str:
    """The URL of a migrated, empty database (each test runs on SQLite and PostgreSQL)."""
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def runner_on_both(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[CliRunner]:
    """A CLI runner whose database is SQLite in one run and PostgreSQL in the other."""
    monkeypatch.setenv("BACKTONE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("BACKTONE_DATABASE_URL", database_url)
    backtone_app.cache_clear()
    state.user_name = "me"
    yield CliRunner()
    backtone_app().engine.dispose()
    backtone_app.cache_clear()
