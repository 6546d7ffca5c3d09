"""Posture from the web: the page with its guide and upload, the API, and the progress page."""

from __future__ import annotations

import warnings
from pathlib import Path

from tests.cli.test_check_cli import needs_models
from tests.cli.test_posture_cli import FACING, SIDE_ON, frame_png
from tests.web.conftest import ApiUser, browser_sign_up, csrf_of, sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_a_side_photo_uploaded_to_the_api_is_measured_kept_and_listed(
    web: TestClient, tmp_path: Path
) -> None:
    needs_models()
    me: ApiUser = sign_up(web, "ana")
    photo = frame_png(tmp_path, SIDE_ON)
    with photo.open("rb") as fh:
        made = web.post(
            "/api/v1/posture-checks",
            headers=me.auth,
            files={"photo": ("side.png", fh, "image/png")},
        )
    assert made.status_code == 201, made.text
    check = made.json()
    assert check["source"] == "photo" and check["cva_sd"] > 0
    listed = web.get("/api/v1/posture-checks", headers=me.auth).json()
    assert [c["cva_deg"] for c in listed["checks"]] == [check["cva_deg"]]
    assert "not a medical assessment" in listed["note"]
    other = sign_up(web, "ben")
    assert web.get("/api/v1/posture-checks", headers=other.auth).json()["checks"] == []


def test_a_photo_facing_the_camera_is_refused_with_the_reason(
    web: TestClient, tmp_path: Path
) -> None:
    needs_models()
    me = sign_up(web, "ana")
    with frame_png(tmp_path, FACING).open("rb") as fh:
        refused = web.post(
            "/api/v1/posture-checks",
            headers=me.auth,
            files={"photo": ("front.png", fh, "image/png")},
        )
    assert refused.status_code == 422
    assert "not side-on" in refused.text
    assert web.get("/api/v1/posture-checks", headers=me.auth).json()["checks"] == []


def test_a_file_that_is_not_a_picture_is_refused_before_any_work(web: TestClient) -> None:
    me = sign_up(web, "ana")
    refused = web.post(
        "/api/v1/posture-checks",
        headers=me.auth,
        files={"photo": ("notes.txt", b"hello", "text/plain")},
    )
    assert refused.status_code == 422 and "not a photo or a clip" in refused.text


def test_the_page_guides_measures_and_the_progress_page_shows_the_trend(
    web: TestClient, tmp_path: Path
) -> None:
    needs_models()
    token = browser_sign_up(web, "cara")
    page = web.get("/posture")
    assert "camera at hip height, 2-3 m away" in page.text.lower()
    assert "No posture checks yet" in page.text
    with frame_png(tmp_path, SIDE_ON).open("rb") as fh:
        done = web.post(
            "/posture",
            data={"csrf_token": csrf_of(page.text)},
            files={"photo": ("side.png", fh, "image/png")},
        )
    assert done.status_code == 200
    assert 'id="posture-latest"' in done.text and "Head (craniovertebral angle)" in done.text
    with frame_png(tmp_path, FACING).open("rb") as fh:
        refused = web.post(
            "/posture",
            data={"csrf_token": token},
            files={"photo": ("front.png", fh, "image/png")},
        )
    assert "not side-on" in refused.text
    progress = web.get("/progress").text
    assert 'id="posture-trend-title"' in progress and "±" in progress
    assert "--emphasis posture" in progress  # no plan yet: posture work is suggested
    assert "/progress/charts/posture.svg" in progress
    chart = web.get("/progress/charts/posture.svg")
    assert chart.status_code == 200 and chart.headers["content-type"] == "image/svg+xml"
    assert b"head (CVA)" in chart.content


def test_a_plan_that_puts_posture_first_links_to_the_posture_check(web: TestClient) -> None:
    from tests.web.conftest import EVERY_DAY

    token = browser_sign_up(web, "dan")
    web.post("/onboarding", data={"weekdays": EVERY_DAY, "csrf_token": token})
    assert 'href="/posture"' not in web.get("/plan").text  # a tone plan
    web.post(
        "/onboarding", data={"weekdays": EVERY_DAY, "emphasis": "posture", "csrf_token": token}
    )
    assert 'href="/posture"' in web.get("/plan").text
