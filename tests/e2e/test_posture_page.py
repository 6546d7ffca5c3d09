"""The posture page in real Chromium: the guide, a side photo uploaded, the numbers, the trend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.test_check_cli import needs_models
from tests.cli.test_posture_cli import SIDE_ON, frame_png
from tests.e2e.conftest import PHONE
from tests.e2e.test_browser import PASSWORD


def test_a_side_photo_is_measured_on_the_page_and_shows_on_progress(
    browser: Any, live_url: str, shots: Path, tmp_path: Path
) -> None:
    needs_models()
    context = browser.new_context(viewport=PHONE, base_url=live_url)
    page = context.new_page()
    page.goto("/signup")
    page.get_by_label("Name").fill("posture-person")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/onboarding")
    page.goto("/posture")
    assert page.get_by_role("heading", name="How to take the photo").is_visible()
    photo = frame_png(tmp_path, SIDE_ON)
    page.get_by_label("Side photo or short clip").set_input_files(str(photo))
    page.get_by_role("button", name="Measure my posture").click()
    latest = page.locator("#posture-latest")
    latest.wait_for()
    assert "Head (craniovertebral angle)" in latest.inner_text()
    page.screenshot(path=str(shots / "web-posture-phone.png"), full_page=True)
    page.goto("/progress")
    assert page.get_by_role("heading", name="Posture").is_visible()
    context.close()
