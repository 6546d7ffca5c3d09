"""Timers that survive a locked phone, in real Chromium with the page clock run forward: the
rest timer works from timestamps and notifies at zero while the page is hidden; a timed hold
counts a get-ready, then the hold, and sounds at the end."""

from __future__ import annotations

import itertools
from typing import Any

from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.test_browser import PASSWORD

_names = itertools.count(1)
# Notifications and buzzes are recorded (the test machine shows and shakes nothing), and the
# page can be hidden as a locked phone hides it.
SPIES = """
window.__notes = [];
window.__vibrations = [];
navigator.vibrate = (pattern) => { window.__vibrations.push(pattern); return true; };
if (window.ServiceWorkerRegistration) {
  ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
    window.__notes.push(title + ": " + options.body);
    return Promise.resolve();
  };
}
if (window.Notification) {
  const Real = window.Notification;
  window.Notification = function (title, options) {
    window.__notes.push(title + ": " + options.body);
  };
  Object.defineProperty(window.Notification, "permission", { get: () => Real.permission });
  window.Notification.requestPermission = () => Real.requestPermission();
}
window.__hide = () => {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  Object.defineProperty(document, "hidden", { value: true, configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
};
"""


def _started(browser: Any, live_url: str) -> Any:
    context = browser.new_context(viewport=PHONE, base_url=live_url, permissions=["notifications"])
    context.add_init_script(SPIES)
    page = context.new_page()
    page.clock.install()
    page.goto("/signup")
    page.get_by_label("Name").fill(f"timer{next(_names)}")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/onboarding")
    page.get_by_label("dumbbells", exact=True).check()
    page.get_by_role("button", name="Make my plan").click()
    page.wait_for_url("**/plan")
    page.goto("/today")
    page.get_by_role("button", name="Start workout").click()
    page.wait_for_selector("form[data-quick-log]")
    return page


def test_the_rest_timer_keeps_time_and_notifies_while_the_page_is_hidden(
    browser: Any, live_url: str
) -> None:
    page = _started(browser, live_url)
    assert page.evaluate("Notification.permission") == "granted"
    card = page.locator("section.exercise.main:has(form[data-quick-log])").first
    rest = int(str(card.get_attribute("data-rest")))
    assert rest > 10
    card.get_by_role("button", name="Log set").click()
    timer = page.locator("#rest-timer")
    expect(timer).to_have_attribute("data-state", "running")

    page.evaluate("window.__hide()")  # the phone is locked
    page.clock.run_for(10_000)
    expect(timer).to_have_attribute("data-left", str(rest - 10))
    left = rest - 10
    expect(page.locator("#rest-left")).to_have_text(f"{left // 60}:{left % 60:02d}")
    assert page.evaluate("window.__notes") == []

    page.clock.run_for(left * 1000)
    expect(timer).to_have_attribute("data-state", "done")
    expect(page.locator("#rest-left")).to_have_text("0:00")
    page.wait_for_function("window.__notes.length === 1")
    assert page.evaluate("window.__notes") == ["Rest over: Time for the next set."]
    page.context.close()


def test_a_timed_hold_counts_a_get_ready_then_the_hold_and_sounds_at_the_end(
    browser: Any, live_url: str
) -> None:
    page = _started(browser, live_url)
    card = page.locator("section.exercise:has(button[data-hold])").first
    start = card.locator("button[data-hold]")
    seconds = int(str(start.get_attribute("data-hold")))
    box = card.locator("input[name=seconds]")
    if box.count():
        seconds = int(box.input_value() or seconds)
    start.click()
    shown = card.locator("output.hold")
    expect(shown).to_have_text("Get ready… 5")
    page.clock.run_for(5_000)
    expect(shown).to_have_attribute("data-phase", "hold")
    page.clock.run_for(seconds * 1000)
    expect(shown).to_have_text(f"Done: {seconds} s")
    assert page.evaluate("window.__vibrations.length") == 2  # the hold's start and its end
    page.context.close()
