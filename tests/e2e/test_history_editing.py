"""In real Chromium at phone size, on the history page: log yesterday's workout, correct a
wrong set (a mistake first, kept beside its field), delete a workout and undo it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.e2e.conftest import PHONE
from tests.e2e.test_browser import PASSWORD


def _sign_up(browser: Any, live_url: str, name: str) -> Any:
    context = browser.new_context(viewport=PHONE, base_url=live_url)
    page = context.new_page()
    page.goto("/signup")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/onboarding")
    return page


def _log(page: Any, exercise: str, reps: str, day: str | None = None) -> None:
    form = page.locator("details.log")
    if form.get_attribute("open") is None:
        form.locator("summary").click()
    form.get_by_label("Exercise").fill(exercise)
    form.get_by_label("Reps", exact=True).fill(reps)
    if day is not None:
        form.get_by_label("Date").fill(day)
    form.get_by_role("button", name="Log it").click()
    page.wait_for_url("**/history?logged=*")


def test_log_yesterday_correct_a_wrong_set_delete_a_workout_and_undo(
    browser: Any, live_url: str, shots: Path
) -> None:
    page = _sign_up(browser, live_url, "fixer")
    page.goto("/history")
    today = date.fromisoformat(page.get_by_label("Date").get_attribute("max"))
    yesterday = today - timedelta(days=1)

    # Yesterday's workout, forgotten and logged today.
    _log(page, "Pull-up", "6", yesterday.isoformat())
    day_heading = yesterday.strftime("%A %d %b %Y")
    assert page.get_by_role("heading", name=day_heading).is_visible()
    # The form stays open on the same day and exercise for the next set.
    assert page.get_by_label("Date").input_value() == yesterday.isoformat()
    assert page.get_by_label("Exercise").first.input_value() == "Pull-up"
    page.screenshot(path=str(shots / "web-history-log-past-phone.png"))

    # A wrong set today: 50 reps where 5 were done.
    _log(page, "Pull-up", "50", today.isoformat())
    card = page.locator("section.card").first
    wrong = card.locator("ul.sets li").first
    assert "50 reps" in wrong.inner_text()
    wrong.locator("summary").click()
    wrong.get_by_label("Reps", exact=True).fill("5000")
    wrong.get_by_role("button", name="Save").click()
    mistake = page.locator(".field-error")
    assert "5000 is out of range" in mistake.inner_text()
    reps_box = page.locator("ul.sets li details[open]").get_by_label("Reps", exact=True)
    assert reps_box.input_value() == "5000"
    assert page.evaluate("document.activeElement.name") == "reps"
    page.screenshot(path=str(shots / "web-history-mistake-phone.png"))
    reps_box.fill("5")
    page.locator("ul.sets li details[open]").get_by_role("button", name="Save").click()
    page.wait_for_url("**/history?saved=*")
    assert page.get_by_text("Set corrected").is_visible()
    fixed = page.locator("section.card").first.locator("ul.sets li").first
    assert "5 reps" in fixed.inner_text() and "50 reps" not in fixed.inner_text()
    fixed.locator("summary").click()
    page.screenshot(path=str(shots / "web-history-edit-phone.png"))

    # Delete yesterday's workout, then undo.
    page.get_by_role("button", name=f"Delete the workout of {day_heading}").click()
    page.wait_for_url("**/history?deleted=*")
    assert page.get_by_role("heading", name=day_heading).count() == 0
    undo = page.get_by_role("button", name="Undo")
    assert page.get_by_text("Deleted.").is_visible() and undo.is_visible()
    page.screenshot(path=str(shots / "web-history-undo-phone.png"))
    undo.click()
    page.wait_for_url("**/history?restored=*")
    back = page.locator("section.card", has=page.get_by_role("heading", name=day_heading))
    assert "6 reps" in back.inner_text()
    page.context.close()
