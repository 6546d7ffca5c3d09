"""In real Chromium at phone size: import a real Strong export through the page (the name
mapping, one name corrected), see its sets in the history and its records; a large file's
progress; the export's download."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from tests.conftest import SHARED_DATA
from tests.e2e.conftest import PHONE
from tests.e2e.test_browser import PASSWORD
from tests.web.test_history_files_pages import _large_strong_file

STRONG = SHARED_DATA / "strong" / "strong_export_2024.csv"


def _signed_up(browser: Any, live_url: str, name: str) -> Any:
    context = browser.new_context(viewport=PHONE, base_url=live_url, accept_downloads=True)
    page = context.new_page()
    page.goto("/signup")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/onboarding")
    return page


def test_a_real_strong_export_imports_through_the_page_into_history_and_records(
    browser: Any, live_url: str, shots: Path
) -> None:
    page = _signed_up(browser, live_url, "stronglifter")
    page.goto("/history")
    page.get_by_role("link", name="Import from another app").click()
    page.wait_for_url("**/history/import")
    page.get_by_label("File", exact=True).set_input_files(str(STRONG))
    page.screenshot(path=str(shots / "web-import-phone.png"))
    page.get_by_role("button", name="Show what it holds").click()
    page.wait_for_url("**/history/import/*")
    assert page.get_by_role("heading", name="Import from Strong").is_visible()
    summary = page.locator("main").inner_text()
    assert "250 sets in 15 workouts" in summary
    assert "Workouts from 28 Nov 2024 to 08 Oct 2025" in summary
    page.screenshot(path=str(shots / "web-import-preview-phone.png"))
    seated = page.get_by_label("Seated Row (Cable)")
    assert seated.input_value() == "seated-cable-row"
    chest = page.get_by_label("Chest Press (Machine)")
    assert chest.input_value() == "new"  # nothing in the catalogue is like it
    chest.select_option("dumbbell-bench-press")
    chest.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "web-import-corrected-phone.png"))

    page.get_by_role("button", name="Import 15 workouts").click()
    page.get_by_role("heading", name="Imported").wait_for()
    result = page.locator(".ok").inner_text()
    assert "Imported 15 workouts (250 sets); 0 were already there" in result
    page.screenshot(path=str(shots / "web-import-done-phone.png"))

    page.get_by_role("link", name="See your history").click()
    page.wait_for_url("**/history")
    history = page.locator("main").inner_text()
    assert "Wednesday 08 Oct 2025" in history
    assert "Dumbbell bench press" in history and "Seated cable row" in history
    page.screenshot(path=str(shots / "web-history-imported-phone.png"))

    page.get_by_role("link", name="Your records").click()
    page.wait_for_url("**/records")
    bench = page.locator("#record-dumbbell-bench-press")
    assert "Est. 1RM (Epley)" in bench.inner_text()
    assisted = page.locator("#record-assisted-pull-up").inner_text()
    assert "Least help" in assisted and "73 kg" in assisted
    page.screenshot(path=str(shots / "web-records-phone.png"))

    page.goto("/history/export")
    with page.expect_download() as download:
        page.get_by_role("button", name="Strong CSV").click()
    saved = Path(download.value.path()).read_text("utf-8")
    assert len(list(csv.DictReader(io.StringIO(saved)))) == 250
    assert download.value.suggested_filename.startswith("backtone-strong-")
    page.screenshot(path=str(shots / "web-export-phone.png"))
    page.context.close()


def test_a_large_file_shows_its_progress_until_the_import_ends(
    browser: Any, live_url: str, shots: Path, tmp_path: Path
) -> None:
    page = _signed_up(browser, live_url, "biglifter")
    big = tmp_path / "strong-big.csv"
    big.write_bytes(_large_strong_file(80))
    page.goto("/history/import")
    page.get_by_label("File", exact=True).set_input_files(str(big))
    page.get_by_role("button", name="Show what it holds").click()
    page.get_by_role("heading", name="Import from Strong").wait_for()
    page.get_by_role("button", name="Import 1200 workouts").click()
    page.wait_for_url("**/history/import/*")
    bar = page.locator("#import-progress")
    if bar.count():  # still running when the page came: the script follows it
        assert bar.get_attribute("max") == str(big.stat().st_size)
        page.screenshot(path=str(shots / "web-import-progress-phone.png"))
    page.get_by_role("heading", name="Imported").wait_for(timeout=120_000)
    assert "Imported 1200 workouts (20000 sets)" in page.locator(".ok").inner_text()
    page.context.close()
