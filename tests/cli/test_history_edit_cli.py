"""`backtone set edit/delete`, `backtone workout delete/restore` and `backtone account
delete`, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from typing import Any

from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app


def workouts(runner: CliRunner) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    return found


def test_history_shows_the_ids_that_set_edit_takes(runner_on_both: CliRunner) -> None:
    runner = runner_on_both
    runner.invoke(app, ["log", "dumbbell row", "3x12@14kg"])
    [workout] = workouts(runner)
    table = runner.invoke(app, ["history"], env={"COLUMNS": "200"}).stdout
    ids = [int(i) for i in re.findall(r"#(\d+) 12 reps", table)]
    assert ids == [s["id"] for s in workout["sets"]]
    assert f"#{workout['id']} " in table

    middle = str(ids[1])
    edited = runner.invoke(app, ["set", "edit", middle, "--reps", "8", "--load", "20kg"])
    assert edited.exit_code == 0, edited.output
    assert "8 reps @ 20 kg" in edited.stdout
    pounds = runner.invoke(app, ["set", "edit", str(ids[2]), "--load", "45lb", "--type", "drop",
                                 "--rpe", "9", "--rir", "1"])  # fmt: skip
    assert pounds.exit_code == 0, pounds.output
    cleared = runner.invoke(app, ["set", "edit", str(ids[0]), "--clear", "load"])
    assert cleared.exit_code == 0, cleared.output
    sets = workouts(runner)[0]["sets"]
    assert [(s["reps"], s["load_kg"]) for s in sets] == [(12, None), (8, 20.0), (12, 20.412)]
    assert (sets[2]["set_type"], sets[2]["rpe"]) == ("drop", 9.0)
    records = json.loads(runner.invoke(app, ["records", "--json"]).stdout)
    assert records[0]["best_reps_by_load"][0]["load_kg"] == 20.412


def test_set_edit_refuses_what_no_set_can_be_in_one_line(runner_on_both: CliRunner) -> None:
    runner = runner_on_both
    runner.invoke(app, ["log", "pull-up", "5"])
    set_id = str(workouts(runner)[0]["sets"][0]["id"])
    for args, message in [
        (["--reps", "5000"], "0-1000"),
        (["--load", "heavy"], "is not a load"),
        (["--type", "giant"], "working"),
        (["--clear", "reps"], "load, seconds, rpe, rir"),
        (["--exercise", "dumbbell flying kick"], "no exercise"),
    ]:
        result = runner.invoke(app, ["set", "edit", set_id, *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    missing = runner.invoke(app, ["set", "edit", "99999", "--reps", "1"])
    assert missing.exit_code == 2 and "no logged set called '99999'" in missing.stderr
    assert "backtone exercises" not in missing.stderr
    assert workouts(runner)[0]["sets"][0]["reps"] == 5


def test_a_set_is_deleted_and_a_workout_deleted_then_restored(runner_on_both: CliRunner) -> None:
    runner = runner_on_both
    runner.invoke(app, ["log", "pull-up", "5,4,3"])
    runner.invoke(app, ["log", "pull-up", "6", "--date", "2020-01-01"])
    [today, old] = workouts(runner)
    gone = runner.invoke(app, ["set", "delete", str(today["sets"][0]["id"])])
    assert gone.exit_code == 0 and "Deleted set" in gone.stdout
    assert [s["reps"] for s in workouts(runner)[0]["sets"]] == [4, 3]
    last = runner.invoke(app, ["set", "delete", str(old["sets"][0]["id"])])
    assert "went too" in last.stdout and len(workouts(runner)) == 1

    before = workouts(runner)
    deleted = runner.invoke(app, ["workout", "delete", str(today["id"])])
    assert deleted.exit_code == 0, deleted.output
    assert f"backtone workout restore {today['id']}" in deleted.stdout
    assert workouts(runner) == []
    restored = runner.invoke(app, ["workout", "restore", str(today["id"])])
    assert restored.exit_code == 0 and "with 2 sets" in restored.stdout
    assert workouts(runner) == before
    again = runner.invoke(app, ["workout", "delete", "99999"])
    assert again.exit_code == 2 and "no workout called '99999'" in again.stderr


def test_the_local_account_is_deleted_only_with_yes(runner_on_both: CliRunner) -> None:
    runner = runner_on_both
    runner.invoke(app, ["log", "pull-up", "5"])
    runner.invoke(app, ["weight", "80"])
    weights = json.loads(runner.invoke(app, ["progress", "--json"]).stdout)
    assert weights["body_weight_weekly_kg"]
    asked = runner.invoke(app, ["account", "delete"])
    assert asked.exit_code == 2 and "--yes" in asked.stderr
    assert len(workouts(runner)) == 1
    done = runner.invoke(app, ["account", "delete", "--yes"])
    assert done.exit_code == 0 and "Deleted me" in done.stdout
    assert workouts(runner) == []  # `me` is a new, empty person now
    progress = json.loads(runner.invoke(app, ["progress", "--json"]).stdout)
    assert not progress["body_weight_weekly_kg"]
