from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app


def test_export_then_import_into_another_person_copies_the_history(
    runner: CliRunner, tmp_path: Path
) -> None:
    runner.invoke(app, ["log", "pull-up", "5,4,3"])
    runner.invoke(app, ["log", "dumbbell row", "3x12@14kg", "--date", "2026-10-01"])
    backup = tmp_path / "me.json"
    assert runner.invoke(app, ["export", "json", str(backup)]).exit_code == 0
    assert json.loads(backup.read_text())["format"] == "backtone-backup"

    result = runner.invoke(app, ["--user", "copy", "import", "json", str(backup)])
    assert result.exit_code == 0, result.output
    mine = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    theirs = json.loads(runner.invoke(app, ["--user", "copy", "history", "--json"]).stdout)
    strip = [[_without_ids(w) for w in h] for h in (mine, theirs)]
    assert strip[0] == strip[1] and len(mine) == 2


def _without_ids(workout: dict[str, Any]) -> dict[str, Any]:
    """A workout as shown, less the ids its rows got in this database."""
    sets = [{k: v for k, v in s.items() if k != "id"} for s in workout["sets"]]
    return {k: v for k, v in workout.items() if k != "id"} | {"sets": sets}


def test_the_database_backup_is_a_sound_sqlite_copy(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(app, ["log", "pull-up", "6"])
    copy = tmp_path / "copy.sqlite3"
    result = runner.invoke(app, ["backup", str(copy)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT reps FROM logged_sets").fetchall() == [(6,)]
    again = runner.invoke(app, ["backup", str(copy)])
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_importing_a_file_that_is_not_a_backup_changes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    runner.invoke(app, ["log", "pull-up", "6"])
    before = runner.invoke(app, ["history", "--json"]).stdout
    other = tmp_path / "other.json"
    other.write_text('{"workouts": []}')
    result = runner.invoke(app, ["import", "json", str(other)])
    assert result.exit_code == 2 and "not a backtone backup" in result.stderr
    assert runner.invoke(app, ["history", "--json"]).stdout == before
