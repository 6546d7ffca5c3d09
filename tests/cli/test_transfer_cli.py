from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app
from backtone.entrypoints.cli.context import backtone_app


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


def _ok(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_backup_brings_everything_into_a_new_database(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ok(
        runner, "plan", "--weekdays", "mon,wed,fri", "--equipment", "home-dumbbells", "--weeks", "2"
    )
    _ok(runner, "log", "pull-up", "5,4,3")
    _ok(runner, "weight", "81.5")
    _ok(runner, "checkin", "--sleep", "poor", "--sore", "lats:2")
    _ok(runner, "kit", "--dumbbells", "5,10,12.5")
    backup = tmp_path / "me.json"
    said = _ok(runner, "export", "json", str(backup))
    assert "1 workout, 1 plan, 1 body weight, 1 check-in (3 sets)" in " ".join(said.split())

    monkeypatch.setenv("BACKTONE_DATA_DIR", str(tmp_path / "new-machine"))
    (tmp_path / "new-machine").mkdir()
    backtone_app.cache_clear()
    restored = " ".join(_ok(runner, "import", "json", str(backup)).split())
    assert "Restored 1 workout, 1 plan, 1 body weight, 1 check-in (3 sets)" in restored
    assert "Taken from the backup: profile, kit, current plan." in restored
    again = tmp_path / "again.json"
    _ok(runner, "export", "json", str(again))

    def content(path: Path) -> dict[str, object]:
        return {k: v for k, v in json.loads(path.read_text()).items() if k != "exported_at"}

    assert content(again) == content(backup)
    assert "Nothing new to add." in _ok(runner, "import", "json", str(backup))


def test_a_backup_can_go_to_standard_output(runner: CliRunner) -> None:
    _ok(runner, "log", "pull-up", "6")
    result = runner.invoke(app, ["export", "json", "-"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["workouts"][0]["sets"][0]["reps"] == 6
    assert "to standard output" in result.stderr


def test_a_broken_backup_names_the_file_and_line_and_changes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    _ok(runner, "log", "pull-up", "6")
    before = _ok(runner, "history", "--json")
    broken = tmp_path / "broken.json"
    broken.write_text('{\n "format": "backtone-backup",\n "version": 2\n "workouts": []\n}\n')
    result = runner.invoke(app, ["import", "json", str(broken)])
    assert result.exit_code == 2 and f"{broken}: line 4" in result.stderr
    late = tmp_path / "late.json"
    document = json.loads(_ok(runner, "--user", "other", "export", "json", "-"))
    document["workouts"] = [
        {"started_at": "2026-01-01T08:00:00+00:00", "sets": [{"exercise_id": "pull-up", "reps": 9}]}
    ]
    document["body_weights"] = [{"measured_at": "2026-01-02T08:00:00+00:00", "kg": 2000}]
    late.write_text(json.dumps(document))
    result = runner.invoke(app, ["import", "json", str(late)])
    assert result.exit_code == 2 and "body_weights[0].kg" in result.stderr
    assert _ok(runner, "history", "--json") == before
