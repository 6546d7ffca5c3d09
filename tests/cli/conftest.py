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
