from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backtone.entrypoints.cli.context import backtone_app, state


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each CLI test gets its own SQLite file and a fresh wiring of the app."""
    monkeypatch.setenv("BACKTONE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BACKTONE_DATABASE_URL", raising=False)
    backtone_app.cache_clear()
    state.user_name = "me"
    yield tmp_path
    backtone_app.cache_clear()


@pytest.fixture
def runner(data_dir: Path) -> CliRunner:
    return CliRunner()


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
