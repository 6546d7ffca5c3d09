"""`backtone next`: the next session with its targets and reasons, as text and as JSON."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.vocabulary import LoadKind
from backtone.entrypoints.cli.app import app

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def make_plan(runner: CliRunner, *more: str) -> None:
    """A plan with a session today and two more days a week."""
    today = date.today().weekday()
    days = ",".join(DAYS[(today + n) % 7] for n in (0, 2, 4))
    start = date.today().isoformat()
    result = runner.invoke(app, ["plan", "--equipment", "home-dumbbells", "--weekdays", days,
                                 "--start", start, "--weeks", "2", *more])  # fmt: skip
    assert result.exit_code == 0, result.output


def test_next_without_a_plan_says_how_to_make_one(runner: CliRunner) -> None:
    result = runner.invoke(app, ["next"])
    assert result.exit_code == 2
    assert "backtone plan" in result.output
    assert "Traceback" not in result.output


def test_next_prints_each_exercise_with_its_target_and_reason(runner: CliRunner) -> None:
    make_plan(runner)
    shown = json.loads(runner.invoke(app, ["next", "--json"]).output)
    result = runner.invoke(app, ["next"])
    assert result.exit_code == 0, result.output
    assert "backtone workout" in result.output
    for item in shown["items"]:
        assert item["name"] in result.output
    assert "First time on" in result.output


def test_in_pounds_logging_and_the_next_targets_and_reasons_say_pounds(runner: CliRunner) -> None:
    make_plan(runner, "--units", "lb")
    make_plan(runner)  # a new plan keeps the unit chosen before
    row = "bent-over-dumbbell-row"  # in today's session of this plan
    planned = json.loads(runner.invoke(app, ["next", "--json"]).output)
    assert row in [i["exercise_id"] for i in planned["items"]]
    logged = runner.invoke(app, ["log", row, "3x15@40"])
    assert "15 reps @ 40 lb" in logged.output
    result = runner.invoke(app, ["next"])
    # a pound dumbbell set goes in 5 lb steps: 45 lb, not 40 lb + 2 kg (44.4 lb)
    assert "Bent-over dumbbell row: 3 x 12-15 at 45 lb a hand" in result.output
    assert "3 x 15 at 40 lb a hand: add 5 lb a hand and restart at 12" in result.output
    assert " kg" not in result.output


def test_next_json_gives_every_item_its_id_sets_reps_load_and_reason(runner: CliRunner) -> None:
    make_plan(runner)
    result = runner.invoke(app, ["next", "--json"])
    assert result.exit_code == 0, result.output
    session = json.loads(result.output)
    assert session["day"] == date.today().isoformat()
    main = [i for i in session["items"] if i["role"] == "main"]
    assert main and all(i["change"] == "start" and i["reason"] for i in main)
    for item in session["items"]:
        assert {"exercise_id", "sets", "reps", "seconds", "load_kg", "reason"} <= set(item)
        assert (item["reps"] is None) != (item["seconds"] is None)
        amount = item["reps"] or item["seconds"]
        assert amount["low"] <= amount["high"]
    warm_up = [i for i in session["items"] if i["role"] == "warm-up"]
    assert warm_up and all(i["change"] is None and i["load_kg"] is None for i in warm_up)


def test_next_after_logging_follows_the_engine(runner: CliRunner) -> None:
    make_plan(runner)
    first = json.loads(runner.invoke(app, ["next", "--json"]).output)
    dumbbells = {e.id for e in load_builtin_catalogue() if e.load is LoadKind.DUMBBELL}
    lifts = [i for i in first["items"] if i["exercise_id"] in dumbbells and i["reps"]]
    assert lifts, "a home-dumbbell plan has a dumbbell lift"
    lift = lifts[0]
    top = lift["reps"]["high"]
    logged = runner.invoke(app, ["log", lift["exercise_id"], f"{lift['sets']}x{top}@20kg"])
    assert logged.exit_code == 0, logged.output
    again = json.loads(runner.invoke(app, ["next", "--json"]).output)
    same = next(i for i in again["items"] if i["exercise_id"] == lift["exercise_id"])
    # Every set at the top of the range: more load, said in words.
    assert same["change"] == "add_load"
    assert same["load_kg"] > 20
    assert "add" in same["reason"]


def test_workout_without_a_plan_or_exercises_says_how_to_make_a_plan(runner: CliRunner) -> None:
    result = runner.invoke(app, ["workout"])
    assert result.exit_code == 2
    assert "backtone plan" in result.output


def test_workout_with_an_unknown_exercise_names_the_closest_ones(runner: CliRunner) -> None:
    result = runner.invoke(app, ["workout", "--exercise", "dumbbell flying kick"])
    assert result.exit_code == 2
    assert "did you mean" in result.output
