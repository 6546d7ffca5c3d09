"""`backtone kit` and `backtone checkin`: the loads you can set, and how you feel today."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app
from tests.cli.test_next_cli import make_plan

ROW = "bent-over-dumbbell-row"  # in today's session of the home-dumbbell plan


def row_in_next(runner: CliRunner) -> dict[str, object]:
    session = json.loads(runner.invoke(app, ["next", "--json"]).output)
    found: dict[str, object] = next(i for i in session["items"] if i["exercise_id"] == ROW)
    return found


def test_the_kit_starts_as_the_common_one_in_the_persons_unit(runner: CliRunner) -> None:
    shown = runner.invoke(app, ["kit"])
    assert shown.exit_code == 0, shown.output
    assert "2-40 kg in 2s" in shown.output and "red:10" in shown.output
    make_plan(runner, "--units", "lb")
    in_pounds = json.loads(runner.invoke(app, ["kit", "--json"]).output)
    assert in_pounds["unit"] == "lb"
    assert in_pounds["dumbbells"] == "5-100 lb in 5s" and in_pounds["bar"] == 45
    assert in_pounds["bands"].startswith("yellow:11, red:22, green:33.1")  # nominal, rounded


def test_a_dumbbell_list_of_your_own_decides_the_next_load(runner: CliRunner) -> None:
    make_plan(runner)
    runner.invoke(app, ["log", ROW, "3x15@10kg", "--date", "yesterday"])
    assert row_in_next(runner)["load_kg"] == 12  # the common kit: 2 kg steps
    saved = runner.invoke(app, ["kit", "--dumbbells", "10, 11.5, 16"])
    assert saved.exit_code == 0, saved.output
    assert "10, 11.5, 16 kg" in saved.output
    row = row_in_next(runner)
    assert row["load_kg"] == 11.5 and "add 1.5 kg" in str(row["reason"])


def test_every_part_of_the_kit_can_be_set_and_reset(runner_on_both: CliRunner) -> None:
    runner = runner_on_both
    result = runner.invoke(app, [
        "kit", "--dumbbells", "2-24/2", "--plates", "1.25x2,2.5x4,5", "--bar", "15",
        "--stack-step", "2.5", "--stack-max", "80", "--kettlebells", "8,12,20",
        "--bands", "red:10,green:15", "--json",
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == json.loads(runner.invoke(app, ["kit", "--json"]).output)
    kit = json.loads(result.output)
    assert kit["dumbbells"] == "2-24 kg in 2s" and kit["plates"] == "1.25x2, 2.5x4, 5"
    assert (kit["bar"], kit["stack_step"], kit["stack_max"]) == (15, 2.5, 80)
    assert kit["kettlebells"] == "8, 12, 20" and kit["bands"] == "red:10, green:15"
    reset = json.loads(runner.invoke(app, ["kit", "--reset", "--json"]).output)
    assert reset["dumbbells"] == "2-40 kg in 2s" and reset["bar"] == 20


def test_a_bad_kit_value_names_its_option_and_keeps_the_kit(runner: CliRunner) -> None:
    runner.invoke(app, ["kit", "--dumbbells", "5,10"])
    for option, value in [
        ("--dumbbells", "heavy ones"),
        ("--plates", "2.5x2, big"),
        ("--bands", "red"),
        ("--bar", "80"),
        ("--stack-max", "1"),
    ]:
        result = runner.invoke(app, ["kit", option, value])
        assert result.exit_code == 2, (option, result.output)
        assert result.output.startswith(f"error: {option}"), result.output
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert json.loads(runner.invoke(app, ["kit", "--json"]).output)["dumbbells"] == "5, 10"


def test_poor_sleep_holds_todays_row_and_says_so(runner: CliRunner) -> None:
    make_plan(runner)
    runner.invoke(app, ["log", ROW, "3x15@10kg", "--date", "yesterday"])
    result = runner.invoke(app, ["checkin", "--sleep", "poor"])
    assert result.exit_code == 0, result.output
    assert "Slept poorly" in result.output
    said = " ".join(result.output.split())
    assert "Nothing goes up for a poor night's sleep:" in said and "Bent-over dumbbell row" in said
    row = row_in_next(runner)
    assert row["load_kg"] == 10 and row["change"] == "hold"


def test_pain_takes_out_what_loads_the_region_for_today(runner: CliRunner) -> None:
    make_plan(runner)
    before = json.loads(runner.invoke(app, ["next", "--json"]).output)
    result = runner.invoke(
        app, ["checkin", "--pain", "shoulders", "--sore", "lats=3,lower-back:1", "--json"]
    )
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["check_in"] == {
        "day": date.today().isoformat(),
        "sleep": "ok",
        "soreness": {"lats": 3, "lower-back": 1},
        "pain": ["shoulders"],
    }
    assert answer["session_day"] == date.today().isoformat()
    after = json.loads(runner.invoke(app, ["next", "--json"]).output)
    gone = {i["name"] for i in before["items"]} - {i["name"] for i in after["items"]}
    assert gone, "a session with push-ups loads the shoulders"
    for name in gone:
        assert any(name in line for line in answer["changes"])
    assert "A set fewer for the soreness: Bent-over dumbbell row." in answer["changes"]
    sets = {i["exercise_id"]: i["sets"] for i in before["items"]}
    assert next(i["sets"] for i in after["items"] if i["exercise_id"] == ROW) == sets[ROW] - 1


def test_without_options_it_asks_and_asks_again_after_a_mistake(runner: CliRunner) -> None:
    make_plan(runner)
    result = runner.invoke(app, ["checkin"], input="poor\nlats:7\nlats:2\nno\n")
    assert result.exit_code == 0, result.output
    assert "no level 0-3" in result.output  # said, then asked again
    assert "Slept poorly; lats sore (moderate)." in result.output
    kept = json.loads(runner.invoke(app, ["checkin", "--json"], input="\n\n\n").stdout)
    assert kept["check_in"]["sleep"] == "ok"  # a second check-in that day replaces the first
    assert kept["changes"] == ["Nothing changes today: train as planned."]


def test_a_check_in_without_a_plan_is_kept_and_changes_nothing(runner: CliRunner) -> None:
    result = runner.invoke(app, ["checkin", "--sleep", "good", "--date", "yesterday"])
    assert result.exit_code == 0, result.output
    assert "Slept well" in result.output and "changes nothing" in result.output


def test_a_bad_check_in_answer_names_its_option(runner: CliRunner) -> None:
    for option, value, allowed in [
        ("--sleep", "awful", "poor, ok, good"),
        ("--sore", "elbows:2", "lower-back"),
        ("--sore", "lats:9", "region:level"),
        ("--pain", "knee", "shoulders"),
        ("--date", "someday", "YYYY-MM-DD"),
    ]:
        result = runner.invoke(app, ["checkin", option, value])
        assert result.exit_code == 2, (option, result.output)
        assert result.output.startswith(f"error: {option}") and allowed in result.output


def test_log_help_says_when_logged_sets_count_for_the_days_session(runner: CliRunner) -> None:
    said = " ".join(runner.invoke(app, ["log", "--help"]).output.split())
    assert "count towards that day's session once they cover it" in said
    assert "main exercises" in said and "`backtone next` moves on" in said


def test_a_kit_kept_in_kilograms_reads_in_pounds_once_pounds_are_chosen(runner: CliRunner) -> None:
    runner.invoke(app, ["kit", "--dumbbells", "10, 20"])
    make_plan(runner, "--units", "lb")
    shown = json.loads(runner.invoke(app, ["kit", "--json"]).output)
    assert shown["unit"] == "lb" and shown["dumbbells"] == "22.05, 44.09"


def test_a_check_in_for_another_day_leaves_todays_session_alone(runner: CliRunner) -> None:
    make_plan(runner)
    runner.invoke(app, ["log", ROW, "3x15@10kg", "--date", "yesterday"])
    result = runner.invoke(app, ["checkin", "--sleep", "poor", "--date", "yesterday", "--json"])
    answer = json.loads(result.output)
    assert answer["session_day"] == date.today().isoformat()
    assert "counts on its own day only" in answer["changes"][0]
    assert row_in_next(runner)["load_kg"] == 12  # yesterday's poor sleep holds nothing today
