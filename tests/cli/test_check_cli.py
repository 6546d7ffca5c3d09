"""`backtone check`: the replay backend (no model needed) and the real sample video."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backtone.adapters.pose.models import default_models_dir
from backtone.adapters.pose.replay import save_sequence
from backtone.entrypoints.cli.app import app
from backtone.formcheck.synthetic import generate_set

VIDEO = Path(__file__).parents[2] / ".." / "shared" / "data" / "video" / "sports2d_demo.mp4"


@pytest.fixture
def cli(runner: CliRunner) -> CliRunner:
    return runner


@pytest.fixture
def row_npz(tmp_path: Path) -> tuple[Path, int]:
    synthetic = generate_set("bent-over-dumbbell-row", 7, fault_rate=0.0)
    path = tmp_path / "row.npz"
    save_sequence(synthetic.sequence, path)
    return path, synthetic.rep_count


def needs_models() -> None:
    if not (default_models_dir() / "pose_landmarker_full.task").is_file():
        message = "pose models missing: run `make models`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def test_stored_keypoints_print_a_rep_table_with_the_count(
    cli: CliRunner, row_npz: tuple[Path, int]
) -> None:
    path, reps = row_npz
    result = cli.invoke(app, ["check", str(path), "--exercise", "bent-over-dumbbell-row"])
    assert result.exit_code == 0, result.output
    assert f"bent-over-dumbbell-row: {reps} reps (side view)" in result.output
    assert "estimates from 2-D keypoints" in result.output


def test_json_output_carries_every_rep_and_its_torso_angle(
    cli: CliRunner, row_npz: tuple[Path, int]
) -> None:
    path, reps = row_npz
    result = cli.invoke(app, ["check", str(path), "-e", "bent-over-dumbbell-row", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rep_count"] == reps == len(data["reps"])
    assert all(60 <= rep["torso_angle_deg"] <= 95 for rep in data["reps"])


def test_out_png_writes_a_contact_sheet_without_the_video(
    cli: CliRunner, row_npz: tuple[Path, int], tmp_path: Path
) -> None:
    path, _ = row_npz
    sheet = tmp_path / "sheet.png"
    result = cli.invoke(
        app, ["check", str(path), "-e", "bent-over-dumbbell-row", "--out", str(sheet)]
    )
    assert result.exit_code == 0, result.output
    assert sheet.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_unknown_exercise_is_refused_with_suggestions(
    cli: CliRunner, row_npz: tuple[Path, int]
) -> None:
    path, _ = row_npz
    result = cli.invoke(app, ["check", str(path), "-e", "bent-over-row"])
    assert result.exit_code == 2
    assert "did you mean bent-over-dumbbell-row" in result.output


def test_a_missing_file_and_a_bad_out_kind_are_clear_errors(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["check", str(tmp_path / "nope.mp4"), "-e", "pull-up"])
    assert result.exit_code == 2 and "does not exist" in result.output
    result = cli.invoke(app, ["check", str(tmp_path / "a.npz"), "-e", "pull-up", "--out", "x.gif"])
    assert result.exit_code == 2 and ".png, .mp4" in result.output


def test_live_mode_without_a_camera_says_so(cli: CliRunner) -> None:
    result = cli.invoke(app, ["check", "--camera", "7", "-e", "arm-raise"])
    assert result.exit_code == 2
    assert "no camera could be opened at index 7" in result.output


def test_a_missing_model_tells_the_person_to_run_make_models(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKTONE_MODELS_DIR", str(tmp_path / "empty"))
    result = cli.invoke(app, ["check", str(VIDEO), "-e", "arm-raise"])
    assert result.exit_code == 2
    assert "make models" in result.output


def test_the_sample_video_counts_two_jumping_jacks_in_its_first_three_seconds(
    cli: CliRunner, tmp_path: Path
) -> None:
    needs_models()
    sheet = tmp_path / "jacks.png"
    args = ["check", str(VIDEO), "-e", "arm-raise", "--end", "2.99", "--json", "--out", str(sheet)]
    result = cli.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rep_count"] == 2
    assert data["frames"] == 90
    assert sheet.stat().st_size > 10_000


def test_log_saves_the_counted_set_to_the_training_log(
    cli: CliRunner, row_npz: tuple[Path, int]
) -> None:
    path, reps = row_npz
    args = ["check", str(path), "-e", "bent-over-dumbbell-row", "--log", "--load", "14kg"]
    result = cli.invoke(app, args)
    assert result.exit_code == 0, result.output
    [workout] = json.loads(cli.invoke(app, ["history", "--json"]).stdout)
    [logged] = workout["sets"]
    assert (logged["exercise_id"], logged["reps"], logged["load_kg"]) == (
        "bent-over-dumbbell-row",
        reps,
        14.0,
    )
    assert logged["notes"] == "counted from video"


def test_the_pose_runtime_keeps_its_log_lines_to_itself_unless_asked(tmp_path: Path) -> None:
    needs_models()
    import subprocess
    import sys

    base = [sys.executable, "-m", "backtone", "check", str(VIDEO), "-e", "arm-raise"]
    base += ["--model", "lite", "--end", "1", "--json"]
    env = {**os.environ, "BACKTONE_DATA_DIR": str(tmp_path)}
    quiet = subprocess.run(base, capture_output=True, text=True, env=env, check=True)
    assert json.loads(quiet.stdout)["frames"] == 31
    assert quiet.stderr.strip() == ""
    loud = subprocess.run([*base, "--verbose"], capture_output=True, text=True, env=env)
    assert loud.returncode == 0
    assert "XNNPACK" in loud.stderr or "INFO" in loud.stderr
