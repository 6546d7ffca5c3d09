"""In real Chromium, the whole way out and back: sign up, make a plan, log a set and a body
weight on the web, download the backup from the settings page, delete the account (the page
offers the download first), then restore the file with the CLI into a new database and find
everything there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from backtone.entrypoints.cli.app import app as cli
from tests.e2e.conftest import PHONE
from tests.e2e.test_browser import PASSWORD, _log_first_main_set, _make_plan


def _download(page: Any, link: Any, to: Path) -> dict[str, Any]:
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("backtone-backup-keeper-")
    download.value.save_as(to)
    found: dict[str, Any] = json.loads(to.read_text())
    return found


def test_download_the_backup_delete_the_account_and_restore_it_with_the_cli(
    browser: Any,
    live_url: str,
    shots: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
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
    exercise = (page.locator("section.exercise.main").first.get_attribute("id") or "")[5:]
    _log_first_main_set(page, "9")
    page.get_by_role("button", name="Finish workout").click()
    page.get_by_role("link", name="See the history").wait_for()
    page.goto("/weight")
    page.get_by_label("Weight (kg)").fill("72.5")
    page.get_by_role("button", name="Note it").click()
    page.get_by_text("Noted.").wait_for()

    page.goto("/settings")
    link = page.locator("#your-data").get_by_role("link", name="Download a backup of everything")
    link.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "web-backup-link-phone.png"))
    backup = _download(page, link, tmp_path / "backup.json")
    sets = [s for w in backup["workouts"] for s in w["sets"]]
    assert backup["account"]["name"] == "keeper"
    assert any(s["exercise_id"] == exercise and 9 in (s.get("reps"), s.get("duration_seconds"))
               for s in sets)  # fmt: skip
    assert [w["kg"] for w in backup["body_weights"]] == [72.5]

    # Deleting the account offers the same download first, then asks for the password.
    page.goto("/settings/delete")
    again = _download(page, page.get_by_role("link", name="Download all my data"),
                      tmp_path / "again.json")  # fmt: skip
    assert again["workouts"] == backup["workouts"]
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account and all its data").click()
    page.get_by_role("heading", name="Account deleted").wait_for()
    page.screenshot(path=str(shots / "web-account-deleted-phone.png"))
    page.goto("/login")
    page.get_by_label("Name").fill("keeper")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    assert page.url.endswith("/login")  # the account is gone
    context.close()

    # A new machine: the CLI on an empty database restores the file and has it all.
    monkeypatch.setenv("BACKTONE_DATA_DIR", str(tmp_path / "new-machine"))
    monkeypatch.delenv("BACKTONE_DATABASE_URL", raising=False)
    runner = CliRunner()
    restored = runner.invoke(cli, ["import", "json", str(tmp_path / "backup.json")])
    assert restored.exit_code == 0, restored.output
    history = json.loads(runner.invoke(cli, ["history", "--json"]).stdout)
    logged = [s for w in history for s in w["sets"]]
    assert any(s["exercise_id"] == exercise for s in logged)
    progress = json.loads(runner.invoke(cli, ["progress", "--json"]).stdout)
    assert [kg for _, kg in progress["body_weight_weekly_kg"]] == [72.5]
    plans = runner.invoke(cli, ["plans"])
    assert plans.exit_code == 0 and "current" in plans.output.lower()
    # And the database now gives back the same training as the file it came from.
    assert runner.invoke(cli, ["export", "json", str(tmp_path / "back.json")]).exit_code == 0
    back = json.loads((tmp_path / "back.json").read_text())
    assert back["workouts"] == backup["workouts"] and back["plans"] == backup["plans"]
