from __future__ import annotations

import json

from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app


def test_logging_then_history_and_records_show_the_sets(runner: CliRunner) -> None:
    assert runner.invoke(app, ["log", "dumbbell row", "3x12@14kg"]).exit_code == 0
    assert runner.invoke(app, ["log", "pull-up", "5,4,3"]).exit_code == 0
    assert runner.invoke(app, ["log", "rowing-machine", "10min 2000m"]).exit_code == 0
    [workout] = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert len(workout["sets"]) == 7
    records = json.loads(runner.invoke(app, ["records", "--json"]).stdout)
    by_id = {r["exercise_id"]: r for r in records}
    assert by_id["pull-up"]["most_reps_in_a_set"]["value"] == 5
    assert by_id["bent-over-dumbbell-row"]["estimated_1rm_epley_kg"]["value"] == 19.6


def test_history_for_one_exercise_shows_only_its_sets(runner: CliRunner) -> None:
    runner.invoke(app, ["log", "dumbbell row", "3x12@14kg"])
    runner.invoke(app, ["log", "pull-up", "5"])
    [workout] = json.loads(runner.invoke(app, ["history", "--exercise", "pullup", "--json"]).stdout)
    assert [s["exercise_id"] for s in workout["sets"]] == ["pull-up"]


def test_undo_takes_back_the_last_entry(runner: CliRunner) -> None:
    runner.invoke(app, ["log", "pull-up", "5"])
    runner.invoke(app, ["log", "pull-up", "9"])
    result = runner.invoke(app, ["undo"])
    assert result.exit_code == 0 and "Removed 1 set" in result.stdout
    [workout] = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert [s["reps"] for s in workout["sets"]] == [5]


def test_impossible_sets_are_refused_and_nothing_is_stored(runner: CliRunner) -> None:
    for sets, message in [("3x-5", "cannot be negative"), ("3x5@2000kg", "0-600 kg"),
                          ("3x5@5st", "unknown unit")]:  # fmt: skip
        result = runner.invoke(app, ["log", "pull-up", sets])
        assert result.exit_code == 2 and message in result.stderr
    bad_date = runner.invoke(app, ["log", "pull-up", "5", "--date", "2026-02-30"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.stderr
    assert json.loads(runner.invoke(app, ["history", "--json"]).stdout) == []


def test_undo_with_nothing_logged_says_so(runner: CliRunner) -> None:
    result = runner.invoke(app, ["undo"])
    assert result.exit_code == 2 and "no logged entry" in result.stderr
