"""In real Chromium: sign up, log a set and a body weight, download the backup from the settings
page, and find both in the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from backtone.bootstrap import build
from backtone.config import Settings
from backtone.services.progress import record_body_weight
from tests.e2e.conftest import PHONE
from tests.e2e.test_browser import PASSWORD, _log_first_main_set, _make_plan


def test_the_backup_downloaded_from_settings_holds_the_set_and_the_weight(
    browser: Any, live_url: str, live_settings: Settings, shots: Path, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=PHONE, base_url=live_url, accept_downloads=True)
    page = context.new_page()
    page.goto("/signup")
    page.get_by_label("Name").fill("keeper")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/onboarding")
    _make_plan(page)
    page.get_by_role("link", name="Start today's workout").click()
    page.get_by_role("button", name="Start workout").click()
    page.wait_for_selector("form[data-quick-log]")
    exercise = page.locator("section.exercise.main").first.get_attribute("id")
    _log_first_main_set(page, "9")
    # The web has no weigh-in form yet: the same person weighs in through the CLI's use case
    # on the same database (the CLI's `--user keeper` is this account).
    app = build(live_settings)
    with app.uow() as uow:
        account = uow.accounts.get_by_name("keeper")
    assert account is not None
    record_body_weight(uow=app.uow(), clock=app.clock, user_id=account.id, kg=72.5)
    app.engine.dispose()

    page.goto("/settings")
    link = page.locator("#your-data").get_by_role("link", name="Download a backup of everything")
    link.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "web-backup-link-phone.png"))
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("backtone-backup-keeper-")
    saved = tmp_path / "backup.json"
    download.value.save_as(saved)
    backup = json.loads(saved.read_text())
    assert backup["account"]["name"] == "keeper"
    sets = [s for w in backup["workouts"] for s in w["sets"]]
    assert exercise is not None and exercise.removeprefix("card-") in {
        s["exercise_id"] for s in sets
    }
    assert any(s.get("reps") == 9 or s.get("duration_seconds") == 9 for s in sets)
    assert [w["kg"] for w in backup["body_weights"]] == [72.5]
    assert [p["current"] for p in backup["plans"]] == [True] and backup["profile"] is not None
    context.close()
