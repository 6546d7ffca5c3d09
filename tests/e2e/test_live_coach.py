"""The live camera coach in real Chromium, fed a real clip through a fake camera: it counts the
clip's two jumping jacks on the today page (as wall slides, a warm-up) and ticks it done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.cli.test_check_cli import needs_models
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE
from tests.e2e.fake_camera import jumping_jacks_y4m
from tests.e2e.test_browser import PASSWORD

FAKE_CAMERA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture(scope="module")
def camera_browser(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    needs_models()
    clip = jumping_jacks_y4m(tmp_path_factory.mktemp("camera") / "jacks.y4m")
    launched = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=[*CHROMIUM_ARGS, *FAKE_CAMERA, f"--use-file-for-fake-video-capture={clip}"],
    )
    yield launched
    launched.close()


def _posture_plan_started(page: Any) -> None:
    page.goto("/signup")
    page.get_by_label("Name").fill("camera-lifter")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/onboarding")
    page.get_by_label("Full push-ups in a row").fill("12")
    page.get_by_label("dumbbells", exact=True).check()
    page.get_by_label("What matters most").select_option("posture")
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_url("**/plan")
    page.goto("/today")
    page.get_by_role("button", name="Start workout").click()
    page.wait_for_selector("form[data-quick-log]")


def test_the_camera_coach_counts_the_clip_and_fills_the_set(
    camera_browser: Any, live_url: str, shots: Path
) -> None:
    # No service worker: requests it made would pass by the route that checks nothing leaves.
    context = camera_browser.new_context(viewport=PHONE, base_url=live_url, service_workers="block")
    page = context.new_page()
    elsewhere: list[str] = []
    problems: list[str] = []
    uploads: list[str] = []

    def only_this_server(route: Any) -> None:
        request = route.request
        if not request.url.startswith(live_url):
            elsewhere.append(request.url)
            route.abort()
            return
        if request.method == "POST" and "/coach" in request.url:
            uploads.append(request.url)
        route.continue_()

    page.route("**/*", only_this_server)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: "Content Security Policy" in m.text and problems.append(m.text))
    _posture_plan_started(page)

    card = page.locator("section.exercise", has=page.get_by_role("link", name="Wall slide"))
    card.get_by_role("button", name="Count my reps with the camera").click()
    coach = page.locator("#coach")
    expect(coach).to_have_attribute("data-state", "counting", timeout=60_000)
    expect(coach).to_have_attribute("data-count", "2", timeout=30_000)
    page.screenshot(path=str(shots / "web-live-coach-phone.png"))
    fps = float(coach.get_attribute("data-fps") or 0)
    page.get_by_role("button", name="Stop the camera").click()
    page.get_by_role("button", name="Tick it done (2 reps)").click()
    expect(card.locator(".ticked")).to_have_text("Done ✓")
    assert fps > 0
    assert problems == [] and elsewhere == [] and uploads == []
    context.close()
