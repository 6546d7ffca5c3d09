from __future__ import annotations

import json

from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app


def test_bodyweight_lat_options_are_listed_for_someone_with_no_equipment(
    runner: CliRunner,
) -> None:
    result = runner.invoke(app, ["exercises", "--muscle", "lats", "--equipment", "none", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert len(listed) >= 2
    for entry in listed:
        assert entry["equipment"] == ["none"]
        assert "latissimus-dorsi" in entry["primary"] + entry["secondary"]


def test_the_lat_pulldown_card_shows_every_section(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exercise", "lat-pulldown"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    for heading in ("Main muscles", "Equipment", "Prescription", "Steps", "Cues", "Safety"):
        assert heading in result.stdout
    assert "12-15" in result.stdout
    assert "lat pulldown machine" in result.stdout
    assert "Pull-up" in result.stdout or "pull-up" in result.stdout  # the harder variant


def test_an_exercise_card_as_json_has_the_documented_fields(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exercise", "lat-pulldown", "--json"])
    card = json.loads(result.stdout)
    assert card["id"] == "lat-pulldown"
    assert card["prescription"]["reps"] == "12-15"
    assert card["prescription"]["source"] == "seed-000"
    assert card["harder"] and card["easier"]


def test_an_unknown_id_suggests_the_closest_and_exits_with_status_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exercise", "lat-pulldwn"])
    assert result.exit_code == 2
    assert "did you mean" in result.stderr
    assert "lat-pulldown" in result.stderr


def test_common_names_work_as_filters(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exercises", "--equipment", "db", "--muscle", "traps", "--json"])
    assert result.exit_code == 0, result.output
    assert all(set(e["equipment"]) <= {"dumbbells", "none"} for e in json.loads(result.stdout))


def test_an_unknown_filter_value_says_what_is_allowed(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exercises", "--level", "expertish"])
    assert result.exit_code == 2
    assert "level" in result.stderr and "beginner, intermediate, advanced" in result.stderr


def test_free_text_search_finds_rows(runner: CliRunner) -> None:
    result = runner.invoke(app, ["exercises", "row", "--json"])
    ids = {e["id"] for e in json.loads(result.stdout)}
    assert {"bent-over-dumbbell-row", "seated-cable-row", "inverted-row"} <= ids


def test_the_seed_routine_is_listed_and_shown(runner: CliRunner) -> None:
    listing = runner.invoke(app, ["routines", "--json"])
    assert "seed-003-back-routine" in {r["id"] for r in json.loads(listing.stdout)}
    shown = runner.invoke(app, ["routine", "seed-003-back-routine", "--json"])
    items = json.loads(shown.stdout)["items"]
    assert [i["exercise"] for i in items][:2] == ["push-up", "bent-over-dumbbell-row"]


def test_an_unknown_routine_exits_with_status_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["routine", "seed-003"])
    assert result.exit_code == 2
    assert "seed-003-back-routine" in result.stderr
