"""`backtone posture` on real pictures: frames of the sample clip (needs `make models`).

Frame 110 shows a passer-by side-on and upright; frame 45 shows the jumper facing the camera.
No real side photo with a measured craniovertebral angle is available, so these test the
pipeline and the quality gate on real pixels; the synthetic tests
(tests/formcheck/test_posture.py) carry the accuracy figures.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app
from tests.cli.test_check_cli import VIDEO, needs_models

SIDE_ON, FACING = 110, 45


def frame_png(
    folder: Path, index: int, rows: slice = slice(None), cols: slice = slice(None)
) -> Path:
    import cv2

    capture = cv2.VideoCapture(str(VIDEO))
    capture.set(cv2.CAP_PROP_POS_FRAMES, index)
    ok, bgr = capture.read()
    capture.release()
    assert ok
    path = folder / f"frame{index}.png"
    cv2.imwrite(str(path), bgr[rows, cols])
    return path


def test_a_real_side_on_frame_is_measured_and_kept(runner: CliRunner, tmp_path: Path) -> None:
    needs_models()
    photo = frame_png(tmp_path, SIDE_ON)
    result = runner.invoke(app, ["posture", str(photo), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check = data["check"]
    # An upright head reads higher than a clinical CVA: the shoulder landmark sits in front
    # of C7 (docs/posture.md).
    assert 45 < check["cva_deg"] < 85 and 0 < check["cva_sd"] < 10
    assert abs(check["trunk_lean_deg"]) < 20
    assert len(data["history"]) == 1 and "not a medical assessment" in data["note"]
    again = runner.invoke(app, ["posture", "--history"])
    assert again.exit_code == 0 and "--emphasis posture" in again.output


def test_real_pictures_that_cannot_show_posture_are_refused_with_reasons(
    runner: CliRunner, tmp_path: Path
) -> None:
    needs_models()
    facing = runner.invoke(app, ["posture", str(frame_png(tmp_path, FACING))])
    assert facing.exit_code == 2 and "not side-on" in facing.output
    above_the_knees = frame_png(tmp_path, SIDE_ON, slice(400, 800), slice(750, 1100))
    cut = runner.invoke(app, ["posture", str(above_the_knees)])
    assert cut.exit_code == 2 and "cut off" in cut.output
    nothing = tmp_path / "notes.txt"
    nothing.write_text("hello")
    refused = runner.invoke(app, ["posture", str(nothing)])
    assert refused.exit_code == 2 and "neither a photo nor a clip" in refused.output
