from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app
from tests.conftest import SHARED_DATA

SAMPLE = SHARED_DATA / "free-exercise-db" / "exercises.json"


def test_the_open_data_sample_imports_with_a_summary_and_only_once(runner: CliRunner) -> None:
    first = runner.invoke(app, ["catalog", "import", str(SAMPLE), "--json"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["entries_read"] == 873
    assert summary["added"] == summary["mapped_exercises"] > 500
    # nothing is dropped silently: every entry is either mapped or listed with a reason
    assert summary["mapped_exercises"] + len(summary["left_out"]) == 873
    assert all(x["reason"] for x in summary["left_out"])
    assert {u["value"] for u in summary["unmapped"]} >= {"other"}

    again = json.loads(runner.invoke(app, ["catalog", "import", str(SAMPLE), "--json"]).stdout)
    assert again["added"] == 0
    assert again["already_present"] == summary["added"]


def test_imported_exercises_show_up_in_listings_and_cards(runner: CliRunner) -> None:
    runner.invoke(app, ["catalog", "import", str(SAMPLE)])
    listed = json.loads(runner.invoke(app, ["exercises", "--muscle", "lats", "--json"]).stdout)
    imported = [e for e in listed if e["origin"] == "free-exercise-db"]
    assert imported
    card = runner.invoke(app, ["exercise", imported[0]["id"]])
    assert card.exit_code == 0 and "Steps" in card.stdout


def test_the_built_in_catalogue_stays_as_it_was_after_an_import(runner: CliRunner) -> None:
    before = runner.invoke(app, ["exercise", "pull-up", "--json"]).stdout
    runner.invoke(app, ["catalog", "import", str(SAMPLE)])
    assert runner.invoke(app, ["exercise", "pull-up", "--json"]).stdout == before


def test_imports_belong_to_the_person_who_made_them(runner: CliRunner) -> None:
    runner.invoke(app, ["--user", "ana", "catalog", "import", str(SAMPLE)])
    result = runner.invoke(app, ["--user", "ben", "exercises", "--json"])
    assert all(e["origin"] != "free-exercise-db" for e in json.loads(result.stdout))


def test_a_file_that_is_not_json_is_refused_with_its_name_and_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('[{"id": "x",')
    result = runner.invoke(app, ["catalog", "import", str(bad)])
    assert result.exit_code == 2
    assert "broken.json: line 1" in result.stderr


def test_a_missing_file_is_named(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["catalog", "import", str(tmp_path / "nope.json")])
    assert result.exit_code == 2 and "nope.json: does not exist" in result.stderr
