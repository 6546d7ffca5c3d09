"""In real Chromium: sign up -> onboarding -> plan -> today's workout with the rest timer ->
the sets in the history; screenshots at phone and desktop sizes."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from tests.e2e.conftest import DESKTOP, PHONE

PASSWORD = "correct horse battery"
_names = itertools.count(1)
# Record vibration and beeps instead of relying on hardware the test machine lacks.
SPY = """
window.__vibrations = [];
navigator.vibrate = function (pattern) { window.__vibrations.push(pattern); return true; };
"""


def _new_person(browser: Any, live_url: str, viewport: dict[str, int]) -> Any:
    context = browser.new_context(viewport=viewport, base_url=live_url)
    context.add_init_script(SPY)
    page = context.new_page()
    page.goto("/signup")
    page.get_by_label("Name").fill(f"lifter{next(_names)}")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/onboarding")
    return page


def _make_plan(page: Any) -> None:
    page.get_by_label("Full push-ups in a row").fill("12")
    page.get_by_label("dumbbells", exact=True).check()
    for day in ("Tue", "Thu", "Sat"):
        page.get_by_label(day, exact=True).check()
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_url("**/plan")


def _log_first_main_set(page: Any, reps: str) -> str:
    card = page.locator("section.exercise.main").first
    name: str = card.locator("h2").inner_text()
    reps_box = card.get_by_label("Reps")
    if reps_box.count():
        reps_box.fill(reps)
    else:
        card.get_by_label("Seconds").fill(reps)
    card.get_by_role("button", name="Log set").click()
    card.locator(".done li").first.wait_for()
    return name


def test_a_new_person_gets_a_plan_trains_with_the_rest_timer_and_sees_the_history(
    browser: Any, live_url: str, shots: Path
) -> None:
    page = _new_person(browser, live_url, PHONE)
    page.clock.install()
    _make_plan(page)
    assert page.get_by_role("heading", name="Week 1").is_visible()
    page.screenshot(path=str(shots / "web-plan-phone.png"))
    page.get_by_role("link", name="Start today's workout").click()
    page.get_by_role("button", name="Start workout").click()
    page.wait_for_selector("form[data-quick-log]")
    page.screenshot(path=str(shots / "web-today-phone.png"))

    exercise = _log_first_main_set(page, "9")
    timer = page.locator("#rest-timer")
    assert timer.is_visible() and timer.get_attribute("data-state") == "running"
    before = page.locator("#rest-left").inner_text()
    page.clock.run_for(5_000)
    assert page.locator("#rest-left").inner_text() != before  # it counts down
    page.screenshot(path=str(shots / "web-rest-timer-phone.png"))
    page.clock.run_for(10 * 60_000)
    assert timer.get_attribute("data-state") == "done"
    assert page.evaluate("window.__vibrations.length") == 1  # the phone buzzes at zero

    page.get_by_role("button", name="Finish workout").click()
    page.get_by_role("link", name="See the history").click()
    page.wait_for_url("**/history")
    history = page.locator("main").inner_text()
    assert (exercise in history and "9 reps" in history) or "9 s" in history
    page.screenshot(path=str(shots / "web-history-phone.png"))
    page.context.close()


def test_the_pages_work_at_desktop_size_with_the_keyboard(
    browser: Any, live_url: str, shots: Path
) -> None:
    page = _new_person(browser, live_url, DESKTOP)
    _make_plan(page)
    page.screenshot(path=str(shots / "web-plan-desktop.png"))
    page.goto("/today")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.get_by_role("button", name="Start workout").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("form[data-quick-log]")
    _log_first_main_set(page, "11")
    page.screenshot(path=str(shots / "web-today-desktop.png"))
    page.goto("/progress")
    assert page.get_by_role("heading", name="Records").is_visible()
    page.wait_for_function("[...document.images].slice(0, 2).every(i => i.naturalWidth > 0)")
    page.screenshot(path=str(shots / "web-progress-desktop.png"))
    page.goto("/exercises?text=row")
    page.locator("ul.library a").first.click()
    assert page.get_by_role("heading", level=1).is_visible()
    page.goto("/exercises?text=row")
    page.screenshot(path=str(shots / "web-library-desktop.png"))
    page.context.close()


def test_the_api_reference_renders_offline_with_the_strict_policy(
    browser: Any, live_url: str
) -> None:
    context = browser.new_context(viewport=DESKTOP, base_url=live_url)
    page = context.new_page()
    elsewhere: list[str] = []
    problems: list[str] = []

    def only_this_server(route: Any) -> None:
        if route.request.url.startswith(live_url):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto("/docs")
    page.get_by_text("/api/v1/tokens").first.wait_for()

    spec = page.request.get("/api/v1/openapi.json").json()
    operations = sum(len(methods) for methods in spec["paths"].values())
    assert page.locator(".opblock").count() == operations
    assert problems == []  # no blocked script or style, no failed asset

    # "Try it out" calls the API from the page: without a token, /me answers 401.
    me = page.locator(".opblock-get", has=page.locator('[data-path="/api/v1/me"]'))
    me.locator(".opblock-summary").click()
    me.get_by_role("button", name="Try it out").click()
    me.get_by_role("button", name="Execute").click()
    status = me.locator(".live-responses-table tr.response .response-col_status")
    status.wait_for()
    assert status.inner_text().split() == ["401"]
    assert elsewhere == []
    context.close()
