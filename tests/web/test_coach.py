"""The live coach's assets come from this server: its rules, the pose model and the runtime."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import pytest

from backtone.formcheck import RULES
from tests.cli.test_check_cli import needs_models
from tests.web.conftest import EVERY_DAY, browser_sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_the_rules_are_served_as_data_with_every_rule_and_its_cues(web: TestClient) -> None:
    data = web.get("/coach/rules.json").json()
    assert set(data["rules"]) == set(RULES)
    assert data["variants"]["wall-slide"] == "arm-raise"
    row = data["rules"]["bent-over-dumbbell-row"]
    [upright] = [c for c in row["checks"] if c["code"] == "torso-too-upright"]
    assert upright["views"] == ["side"] and upright["live"]["measure"] == "torso_angle"


def test_the_model_and_the_webassembly_are_served_from_here(web: TestClient) -> None:
    needs_models()
    model = web.get("/coach/model.task")
    assert model.status_code == 200
    assert zipfile.is_zipfile(io.BytesIO(model.content))  # the .task bundle
    wasm = web.get("/coach/runtime/wasm/vision_wasm_internal.wasm")
    assert wasm.headers["content-type"] == "application/wasm"
    assert wasm.content[:4] == b"\x00asm"
    module = web.get("/coach/runtime/vision_bundle.mjs")
    assert module.headers["content-type"].startswith("text/javascript")


def test_only_the_runtime_files_are_served_and_a_missing_build_says_what_to_do(
    web: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("../MANIFEST.sha256", "..%2F..%2Fpyproject.toml", "wasm/other.wasm"):
        assert web.get(f"/coach/runtime/{name}").status_code == 404
    monkeypatch.setenv("BACKTONE_MODELS_DIR", str(tmp_path))
    missing = web.get("/coach/model.task")
    assert missing.status_code == 404 and "make models" in missing.json()["detail"]


def test_the_policy_allows_webassembly_and_the_camera_here_but_no_eval(web: TestClient) -> None:
    headers = web.get("/login").headers
    csp = headers["content-security-policy"]
    assert "script-src 'self' 'wasm-unsafe-eval';" in csp
    assert "'unsafe-eval'" not in csp
    assert "camera=(self)" in headers["permissions-policy"]


def test_a_started_workout_offers_the_camera_on_cards_it_can_count(web: TestClient) -> None:
    token = browser_sign_up(web, "cam")
    home = ["doorframe", "wall", "chair"]  # ticked on the form by default
    web.post(
        "/onboarding",
        data={"weekdays": EVERY_DAY, "emphasis": "posture", "equipment": home, "csrf_token": token},
    )
    before = web.get("/today").text
    assert "data-coach-rule" not in before  # not before the workout starts
    web.post("/today/start", data={"csrf_token": token})
    page = web.get("/today").text
    assert 'data-coach-rule="arm-raise" data-coach-card="card-wall-slide"' in page
    assert 'id="coach"' in page and "coach.mjs" in page
    assert 'data-coach-card="card-dead-bug"' not in page  # no rule counts a dead bug
