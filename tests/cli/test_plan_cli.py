"""`backtone plan` from the command line: flags, questionnaire, exports and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app

BASE = ["plan", "--start", "2026-03-02", "--weeks", "4"]


def test_plan_shows_week_one_and_a_summary_of_every_week(runner: CliRunner) -> None:
    result = runner.invoke(app, [*BASE, "--equipment", "home-band", "--days", "3"])
    assert result.exit_code == 0, result.output
    assert "Monday 02 Mar" in result.output and "Doorframe stretch" in result.output
    assert "All weeks" in result.output and "deload" in result.output


def test_json_flag_prints_the_plan_document(runner: CliRunner) -> None:
    result = runner.invoke(app, [*BASE, "--json", "--weekdays", "tue,thu", "--minutes", "20"])
    data = json.loads(result.stdout)
    assert [s["weekday"] for s in data["weeks"][0]["sessions"]] == ["tuesday", "thursday"]
    assert all(s["estimated_minutes"] <= 20 for w in data["weeks"] for s in w["sessions"])


@pytest.mark.parametrize("suffix", [".json", ".md", ".ics", ".pdf"])
def test_export_picks_the_format_from_the_file_extension(
    runner: CliRunner, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"plan{suffix}"
    result = runner.invoke(app, [*BASE, "--export", str(target)])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    heads = {".json": b"{", ".md": b"# ", ".ics": b"BEGIN:VCALENDAR", ".pdf": b"%PDF"}
    assert data.startswith(heads[suffix])


def test_calendar_export_uses_the_time_given(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    runner.invoke(app, [*BASE, "--export", str(target), "--time", "06:45"])
    event = Calendar.from_ical(target.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("dtstart").strftime("%H:%M") == "06:45"


def test_an_unknown_export_format_is_refused_with_the_choices(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(app, [*BASE, "--export", str(tmp_path / "plan.docx")])
    assert result.exit_code == 2
    assert "export" in result.stderr and ".ics" in result.stderr


def test_limitation_can_be_repeated(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        [
            *BASE,
            "--json",
            "--equipment",
            "gym",
            "--level",
            "intermediate",
            "--limitation",
            "lower-back",
            "--limitation",
            "shoulder",
        ],
    )
    data = json.loads(result.stdout)
    assert data["profile"]["limitations"] == ["lower-back", "shoulder"]
    ids = {i["exercise_id"] for w in data["weeks"] for s in w["sessions"] for i in s["items"]}
    assert not ids & {"barbell-deadlift", "dumbbell-pullover"}


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--minutes", "5"], "minutes"),
        (["--days", "9"], "days"),
        (["--weekdays", "mon,funday"], "weekdays"),
        (["--equipment", "trampoline"], "equipment"),
        (["--start", "next week"], "start"),
        (["--time", "evening"], "time"),
        (["--template", "seed-9"], "template"),
    ],
)
def test_bad_values_exit_2_with_a_message_naming_the_field(
    runner: CliRunner, args: list[str], field: str
) -> None:
    result = runner.invoke(app, [*BASE, *args])
    assert result.exit_code == 2
    assert f"error: {field}" in result.stderr and "Traceback" not in result.output


def test_an_impossible_template_request_explains_itself_without_a_traceback(
    runner: CliRunner,
) -> None:
    result = runner.invoke(
        app,
        [
            *BASE,
            "--template",
            "seed-000-gym",
            "--equipment",
            "gym",
            "--weekdays",
            "sat,sun",
            "--minutes",
            "30",
        ],
    )
    assert result.exit_code == 2
    assert "no plan fits" in result.stderr and "rest day" in result.stderr


def test_the_questionnaire_turns_answers_into_a_plan(runner: CliRunner) -> None:
    answers = ["20", "0", "12", "", "home-bar", "tue,fri", "25", "posture", "wrist", "4"]
    result = runner.invoke(app, [*BASE, "--interactive"], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "your answers read as beginner" in result.output
    assert "beginner, home-bar, Tue, Fri for 25 min, posture; sparing wrist" in result.output


def test_the_questionnaire_lets_a_person_choose_another_level(runner: CliRunner) -> None:
    answers = ["40", "9", "30", "advanced", "gym", "mon,wed,fri", "60", "strength", "", "4"]
    result = runner.invoke(app, [*BASE, "--interactive"], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "advanced, gym, Mon, Wed, Fri for 60 min, strength" in result.output
    assert "you did 9 strict pull-ups in the self-test" in result.output


def test_a_plan_is_kept_as_the_current_one_unless_dry_run(runner: CliRunner) -> None:
    assert runner.invoke(app, [*BASE, "--dry-run"]).exit_code == 0
    assert json.loads(runner.invoke(app, ["plans", "--json"]).stdout) == []
    assert runner.invoke(app, BASE).exit_code == 0
    assert runner.invoke(app, [*BASE, "--equipment", "gym"]).exit_code == 0
    kept = json.loads(runner.invoke(app, ["plans", "--json"]).stdout)
    assert [p["current"] for p in kept] == [True, False]
    assert kept[0]["weeks"] == 4
