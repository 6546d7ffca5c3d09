"""Importing Strong and Hevy exports and exporting Strong CSV, against the real samples."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from backtone.adapters.formats.hevy_csv import read_hevy_csv
from backtone.adapters.formats.strong_csv import read_strong_csv
from backtone.entrypoints.cli.app import app
from tests.conftest import SHARED_DATA

STRONG = SHARED_DATA / "strong" / "strong_export_2024.csv"
HEVY = SHARED_DATA / "hevy" / "hevy_export_2025.csv"


def set_values(path: Path) -> list[tuple[object, ...]]:
    with path.open(encoding="utf-8") as handle:
        report = read_strong_csv(handle)
    return sorted(
        (
            w.started_at,
            s.set_type.value,
            s.reps,
            round(s.load_kg or 0, 3),
            s.duration_seconds,
            s.distance_m,
        )
        for w in report.workouts
        for s in w.sets
    )


def test_strong_csv_round_trips_through_backtone(runner_on_both: CliRunner, tmp_path: Path) -> None:
    result = runner_on_both.invoke(app, ["import", "strong", str(STRONG), "--yes", "--tz", "UTC"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "back.csv"
    exported = runner_on_both.invoke(app, ["export", "strong", str(out), "--tz", "UTC"])
    assert exported.exit_code == 0, exported.output
    assert set_values(out) == set_values(STRONG)


def test_importing_the_same_export_twice_adds_nothing(runner_on_both: CliRunner) -> None:
    runner_on_both.invoke(app, ["import", "strong", str(STRONG), "--yes"])
    again = runner_on_both.invoke(app, ["import", "strong", str(STRONG), "--yes"])
    assert "Imported 0 workouts" in again.stdout and "15 were already there" in again.stdout
    history = json.loads(
        runner_on_both.invoke(app, ["history", "--limit", "1000", "--json"]).stdout
    )
    assert len(history) == 15


def test_the_hevy_sample_imports_every_set(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "hevy", str(HEVY), "--yes", "--tz", "UTC"])
    assert result.exit_code == 0, result.output
    with HEVY.open(encoding="utf-8") as handle:
        expected = read_hevy_csv(handle)
    history = json.loads(runner.invoke(app, ["history", "--limit", "1000", "--json"]).stdout)
    assert len(history) == len(expected.workouts)
    assert sum(len(w["sets"]) for w in history) == expected.set_count
    types = Counter(s["set_type"] for w in history for s in w["sets"])
    assert types["warmup"] > 0 and types["working"] > 0


def test_the_mapping_is_shown_and_nothing_is_written_without_consent(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "strong", str(STRONG)], input="n\n")
    assert result.exit_code == 1
    assert "Seated Row (Cable)" in result.stdout and "seated-cable-row" in result.stdout
    assert json.loads(runner.invoke(app, ["history", "--json"]).stdout) == []


def test_a_bad_row_stops_the_import_with_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    lines = STRONG.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",10,", ",-10,", 1) if ",10," in lines[3] else lines[3] + "oops"
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stopped = runner.invoke(app, ["import", "strong", str(bad), "--yes"])
    assert stopped.exit_code == 2 and "bad.csv:4" in stopped.stderr
    assert json.loads(runner.invoke(app, ["history", "--json"]).stdout) == []

    skipped = runner.invoke(app, ["import", "strong", str(bad), "--yes", "--skip-bad"])
    assert skipped.exit_code == 0 and "skipped bad.csv:4" in skipped.stdout


def test_a_hevy_file_given_as_strong_is_recognised(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "strong", str(HEVY), "--yes"])
    assert result.exit_code == 2 and "Hevy" in result.stderr


def test_an_empty_file_is_answered_clearly(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    result = runner.invoke(app, ["import", "hevy", str(empty), "--yes"])
    assert result.exit_code == 2 and "empty" in result.stderr
