from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app


def log_weeks(runner: CliRunner, weeks: int) -> None:
    """Two sessions (Monday and Tuesday) in each of the last `weeks` whole weeks."""
    monday = date.today() - timedelta(days=date.today().weekday())
    for n in range(1, weeks + 1):
        for offset in (0, 1):
            day = (monday - timedelta(weeks=n) + timedelta(days=offset)).isoformat()
            runner.invoke(app, ["log", "pull-up", "5,4,3", "--date", day])
            runner.invoke(app, ["log", "dumbbell row", "3x12@14kg", "--date", day])


def test_progress_counts_hard_sets_per_region_and_flags_missing_push_work(
    runner: CliRunner,
) -> None:
    log_weeks(runner, 3)
    result = runner.invoke(app, ["progress", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    # pull-ups and rows both count for the lats; this week has nothing yet
    assert figures["hard_sets"]["lats"][-4:] == [12, 12, 12, 0]
    assert "push-neglected" in figures["balance_flags"]
    assert figures["current_streak_weeks"] == 3


def test_a_chart_is_written_with_the_data_behind_it(runner: CliRunner, tmp_path: Path) -> None:
    log_weeks(runner, 2)
    out = tmp_path / "pullups.png"
    result = runner.invoke(app, ["progress", "--chart", "pullups", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\x89PNG")
    series = json.loads(result.stdout)
    assert any(max(s["y"]) == 5 for s in series)


def test_an_unknown_chart_lists_the_choices(runner: CliRunner) -> None:
    result = runner.invoke(app, ["progress", "--chart", "pie"])
    assert result.exit_code == 2 and "volume" in result.stderr


def test_the_monthly_report_is_a_pdf_with_the_months_figures(
    runner: CliRunner, tmp_path: Path
) -> None:
    log_weeks(runner, 2)
    month = (date.today() - timedelta(weeks=1)).strftime("%Y-%m")
    out = tmp_path / "report.pdf"
    result = runner.invoke(app, ["report", "--month", month, "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert (date.today() - timedelta(weeks=1)).strftime("%B %Y") in text
    assert "lats" in text.lower()


def test_body_weight_in_pounds_is_kept_in_kilograms(runner: CliRunner) -> None:
    assert runner.invoke(app, ["weight", "176", "--unit", "lb"]).exit_code == 0
    figures = json.loads(runner.invoke(app, ["progress", "--json"]).stdout)
    [[_, kg]] = figures["body_weight_weekly_kg"]
    assert round(kg, 1) == 79.8
    refused = runner.invoke(app, ["weight", "900"])
    assert refused.exit_code == 2 and "25-350 kg" in refused.stderr
