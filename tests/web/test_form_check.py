"""Form check from the web: upload a clip, get the same report as `backtone check`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backtone.adapters.security import Argon2Hasher
from backtone.bootstrap import build
from backtone.config import Settings
from backtone.entrypoints.web.app import create_app
from tests.cli.test_check_cli import VIDEO, needs_models
from tests.conftest import FixedClock
from tests.web.conftest import browser_sign_up, csrf_of, sign_up


@pytest.fixture
def client(tmp_path: Path, clock: FixedClock) -> Iterator[TestClient]:
    """One engine is enough here: the check reads a clip and stores nothing."""
    settings = Settings(data_dir=tmp_path, environment="test")
    app = create_app(
        settings, backtone=build(settings, clock=clock), hasher=Argon2Hasher(fast=True)
    )
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


def test_an_uploaded_clip_gets_its_reps_counted(client: TestClient) -> None:
    needs_models()
    me = sign_up(client, "ana")
    with VIDEO.open("rb") as clip:
        answer = client.post(
            "/api/v1/form-checks",
            headers=me.auth,
            data={"exercise_id": "arm-raise", "end": "2.99"},
            files={"video": ("jumping-jacks.mp4", clip, "video/mp4")},
        )
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert report["rep_count"] == 2
    assert report["pose_found_fraction"] >= 0.95


def test_a_file_that_is_not_a_video_is_refused_clearly(client: TestClient) -> None:
    me = sign_up(client, "ana")
    answer = client.post(
        "/api/v1/form-checks",
        headers=me.auth,
        data={"exercise_id": "pull-up"},
        files={"video": ("notes.txt", b"not a video", "text/plain")},
    )
    assert answer.status_code in (400, 422)
    assert "not a video file" in answer.text


def test_an_unknown_exercise_is_refused_before_any_work(client: TestClient) -> None:
    me = sign_up(client, "ana")
    answer = client.post(
        "/api/v1/form-checks",
        headers=me.auth,
        data={"exercise_id": "juggling"},
        files={"video": ("clip.mp4", b"\x00" * 10, "video/mp4")},
    )
    assert answer.status_code == 404


def test_the_page_offers_the_upload_with_the_exercise_chosen(client: TestClient) -> None:
    browser_sign_up(client, "ana")
    page = client.get("/check", params={"exercise": "pull-up"})
    assert page.status_code == 200
    assert '<option value="pull-up" selected>' in page.text
    assert 'type="file"' in page.text and 'accept="video/*"' in page.text
    refused = client.post(
        "/check",
        data={"exercise_id": "pull-up", "csrf_token": csrf_of(page.text)},
        files={"video": ("notes.txt", b"not a video", "text/plain")},
    )
    assert "not a video file" in refused.text


def test_the_check_requires_a_signed_in_person(client: TestClient) -> None:
    answer = client.post("/api/v1/form-checks", data={"exercise_id": "pull-up"})
    assert answer.status_code == 401
