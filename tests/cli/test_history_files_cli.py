"""`backtone import <app>` and `backtone export <app>`, as a person would run them."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from backtone.adapters.formats.hevy_csv import read_hevy_csv
from backtone.adapters.formats.strong_csv import read_strong_csv
from backtone.domain.importing import ReadOptions
from backtone.entrypoints.cli.app import app
from tests.conftest import REPO, SHARED_DATA

STRONG = SHARED_DATA / "strong" / "strong_export_2024.csv"
HEVY = SHARED_DATA / "hevy" / "hevy_export_2025.csv"
FITNOTES = SHARED_DATA / "other-apps" / "fitnotes-android-export-kgs.csv"
JEFIT = REPO / "tests" / "data" / "openweight" / "jefit-real.csv"


def set_values(path: Path) -> list[tuple[object, ...]]:
    with path.open(encoding="utf-8") as handle:
        report = read_strong_csv(handle)
    return sorted(
        (w.started_at, s.exercise_name, s.set_type.value, s.reps, round(s.load_kg or 0, 3),
         s.duration_seconds, s.distance_m)
        for w in report.workouts
        for s in w.sets
    )  # fmt: skip


def history(runner: CliRunner) -> list[dict[str, object]]:
    listed: list[dict[str, object]] = json.loads(
        runner.invoke(app, ["history", "--limit", "1000", "--json"]).stdout
    )
    return listed


def test_strong_csv_round_trips_through_backtone_with_its_names(
    runner_on_both: CliRunner, tmp_path: Path
) -> None:
    result = runner_on_both.invoke(app, ["import", "strong", str(STRONG), "--yes", "--tz", "UTC"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "back.csv"
    exported = runner_on_both.invoke(
        app, ["export", "strong", str(out), "--tz", "UTC", "--unit", "kg"]
    )
    assert exported.exit_code == 0, exported.output
    assert set_values(out) == set_values(STRONG)  # the app's own names came back


def test_importing_the_same_export_twice_adds_nothing_even_in_another_zone(
    runner_on_both: CliRunner,
) -> None:
    runner_on_both.invoke(app, ["import", "strong", str(STRONG), "--yes", "--tz", "UTC"])
    again = runner_on_both.invoke(
        app, ["import", "strong", str(STRONG), "--yes", "--tz", "Pacific/Auckland"]
    )
    assert "Imported 0 workouts" in again.stdout and "15 were already there" in again.stdout
    assert len(history(runner_on_both)) == 15


def test_the_hevy_sample_imports_every_set(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "hevy", str(HEVY), "--yes", "--tz", "UTC"])
    assert result.exit_code == 0, result.output
    with HEVY.open(encoding="utf-8") as handle:
        expected = read_hevy_csv(handle, ReadOptions())
    with HEVY.open(encoding="utf-8") as handle:
        rows = len(list(csv.DictReader(handle)))
    listed = history(runner)
    assert len(listed) == len(expected.workouts)
    assert sum(len(w["sets"]) for w in listed) == expected.set_count == rows  # type: ignore[arg-type]
    types = Counter(s["set_type"] for w in listed for s in w["sets"])  # type: ignore[attr-defined]
    assert types["warmup"] > 0 and types["working"] > 0
    assert f"= {rows} rows." in " ".join(result.stdout.split())  # every row accounted for


def test_the_mapping_is_shown_and_nothing_is_written_without_consent(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "strong", str(STRONG)], input="n\n")
    assert result.exit_code == 1
    assert "Seated Row (Cable)" in result.stdout and "seated-cable-row" in result.stdout
    assert "Nothing was imported." in result.stdout
    assert history(runner) == []


def test_a_guessed_name_is_corrected_once_and_remembered(runner: CliRunner) -> None:
    answers = "c\n" + "\n".join(
        "seated-cable-row" if n == 2 else "" for n in range(12)
    ) + "\n"  # fmt: skip
    first = runner.invoke(app, ["import", "fitnotes", str(FITNOTES), "--tz", "UTC"], input=answers)
    assert first.exit_code == 0, first.output
    preview = runner.invoke(app, ["import", "fitnotes", str(FITNOTES), "--dry-run"])
    assert "remembered" in preview.stdout and "Dry run" in preview.stdout


def test_a_typed_name_that_is_no_exercise_is_asked_again(runner: CliRunner) -> None:
    answers = "c\nno such lift\nseated-cable-row\n" + "\n" * 12
    result = runner.invoke(app, ["import", "fitnotes", str(FITNOTES)], input=answers)
    assert result.exit_code == 0, result.output
    assert "no exercise called 'no such lift'" in result.stdout


def test_a_mapping_can_be_given_on_the_command_line(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["import", "fitnotes", str(FITNOTES), "--yes", "--map", "Hammer Strength Row=new"]
    )
    assert result.exit_code == 0, result.output
    names = {s["exercise_id"] for w in history(runner) for s in w["sets"]}  # type: ignore[attr-defined]
    assert "custom-hammer-strength-row" in names


def test_a_bad_row_is_listed_with_file_and_line_and_the_rest_imported(
    runner: CliRunner, tmp_path: Path
) -> None:
    lines = STRONG.read_text(encoding="utf-8").splitlines()
    lines[3] = (
        lines[3].replace(",13.0,", ",4500,", 1) if ",13.0," in lines[3] else lines[3] + "oops"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    strict = runner.invoke(app, ["import", "strong", str(bad), "--yes", "--strict"])
    assert strict.exit_code == 2 and "bad.csv:4" in strict.stderr
    assert history(runner) == []

    skipped = runner.invoke(app, ["import", "strong", str(bad), "--yes"])
    assert skipped.exit_code == 0, skipped.output
    assert "bad.csv:4" in skipped.stdout and "Skipped 1 row that" in skipped.stdout
    assert sum(len(w["sets"]) for w in history(runner)) == len(lines) - 2  # type: ignore[arg-type]


def test_a_hevy_file_given_as_strong_is_named(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "strong", str(HEVY), "--yes"])
    assert result.exit_code == 2
    assert "looks like a Hevy export" in result.stderr and "import it as hevy" in result.stderr


def test_any_apps_file_is_told_from_its_header(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "history", str(FITNOTES), "--yes"])
    assert result.exit_code == 0, result.output
    assert "(FitNotes)" in result.stdout


def test_an_empty_file_is_answered_clearly(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    result = runner.invoke(app, ["import", "hevy", str(empty), "--yes"])
    assert result.exit_code == 2 and "empty" in result.stderr


def test_jefit_asks_for_the_unit_the_file_does_not_say(runner: CliRunner) -> None:
    refused = runner.invoke(app, ["import", "jefit", str(JEFIT), "--yes"])
    assert refused.exit_code == 2 and "kg or lb" in refused.stderr
    asked = runner.invoke(app, ["import", "jefit", str(JEFIT)], input="lb\ny\n")
    assert asked.exit_code == 0, asked.output
    assert "weight unit" in asked.stdout
    bench = next(s for w in history(runner) for s in w["sets"] if s["reps"] == 8)  # type: ignore[attr-defined]
    assert bench is not None


def test_a_csv_of_ones_own_is_mapped_once_then_recognised(
    runner: CliRunner, tmp_path: Path
) -> None:
    log = tmp_path / "log.csv"
    log.write_text("Day;Lift;Kilos;Times\n05/04/2026;Deadlift;140,5;5\n", encoding="utf-8")
    first = runner.invoke(
        app, ["import", "csv", str(log), "--column", "weight=Kilos", "--column", "reps=Times",
              "--date-order", "dmy", "--tz", "UTC"],
        input="y\ny\n",
    )  # fmt: skip
    assert first.exit_code == 0, first.output
    assert "The first sets, as they will read" in first.stdout and "2026-04-05" in first.stdout
    (workout,) = history(runner)
    assert workout["sets"][0]["load_kg"] == 140.5  # type: ignore[index]
    log.write_text("Day;Lift;Kilos;Times\n06/04/2026;Deadlift;145;3\n", encoding="utf-8")
    second = runner.invoke(app, ["import", "csv", str(log), "--yes", "--tz", "UTC"])
    assert second.exit_code == 0, second.output
    assert "(saved at an earlier" in second.stdout
    assert len(history(runner)) == 2


def test_a_csv_whose_columns_cannot_be_guessed_says_which_field_is_missing(
    runner: CliRunner, tmp_path: Path
) -> None:
    log = tmp_path / "odd.csv"
    log.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "csv", str(log), "--yes"])
    assert result.exit_code == 2 and "date and exercise" in result.stderr


def test_exports_for_hevy_and_openweight_are_written_in_the_unit_asked(
    runner: CliRunner, tmp_path: Path
) -> None:
    runner.invoke(app, ["import", "hevy", str(HEVY), "--yes", "--tz", "UTC"])
    hevy_out, openweight_out = tmp_path / "hevy.csv", tmp_path / "log.json"
    done = runner.invoke(app, ["export", "hevy", str(hevy_out), "--unit", "lb", "--tz", "UTC"])
    assert done.exit_code == 0 and "loads in lb" in " ".join(done.stdout.split())
    header = hevy_out.read_text(encoding="utf-8").splitlines()[0]
    assert "weight_lbs" in header and "distance_miles" in header
    runner.invoke(app, ["export", "openweight", str(openweight_out)])
    document = json.loads(openweight_out.read_text(encoding="utf-8"))
    with HEVY.open(encoding="utf-8") as handle:
        rows = len(list(csv.DictReader(io.StringIO(handle.read()))))
    assert sum(len(e["sets"]) for w in document for e in w["exercises"]) == rows
