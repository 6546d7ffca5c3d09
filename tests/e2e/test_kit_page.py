"""In real Chromium at phone size: set your dumbbells on the settings page and see today's load
come from them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.vocabulary import LoadKind
from tests.e2e.conftest import PHONE
from tests.e2e.test_browser import PASSWORD, _make_plan


def test_a_dumbbell_list_set_in_settings_gives_todays_load(
    browser: Any, live_url: str, shots: Path
) -> None:
    context = browser.new_context(viewport=PHONE, base_url=live_url)
    page = context.new_page()
    page.goto("/signup")
    page.get_by_label("Name").fill("kitowner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/onboarding")
    _make_plan(page)
    # Three sets of a dumbbell lift logged through the API, well past the top of its range.
    token = page.request.post("/api/v1/tokens", data={"name": "kitowner", "password": PASSWORD})
    auth = {"Authorization": f"Bearer {token.json()['token']}"}
    today = page.request.get("/api/v1/today", headers=auth).json()
    dumbbells = {e.id for e in load_builtin_catalogue() if e.load is LoadKind.DUMBBELL}
    lift = next(c for c in today["cards"] if c["role"] == "main" and c["exercise_id"] in dumbbells)
    for _ in range(3):
        body = {"exercise_id": lift["exercise_id"], "reps": 25, "load": 10}
        assert page.request.post("/api/v1/sets", data=body, headers=auth).ok
    card = page.locator(f"#card-{lift['exercise_id']}")
    page.goto("/today")
    assert "at 12 kg" in card.locator(".target").inner_text()  # the common kit: 2 kg steps

    card.get_by_role("link", name="from your kit").click()
    page.wait_for_url("**/settings#kit")
    dumbbells_box = page.get_by_label("Dumbbell pairs")
    dumbbells_box.fill("ten")
    page.get_by_role("button", name="Save my kit").click()
    mistake = page.locator("#kit-dumbbells-error")
    assert "'ten' is not a list of loads" in mistake.inner_text()
    assert page.get_by_label("Dumbbell pairs").input_value() == "ten"
    # The field at fault has the focus, so on a phone the page opens where the message is.
    assert page.evaluate("document.activeElement.id") == "kit-dumbbells"
    assert mistake.is_visible() and _in_view(page, "#kit-dumbbells-error")
    page.screenshot(path=str(shots / "web-kit-mistake-phone.png"))
    page.get_by_label("Dumbbell pairs").fill("10, 11.5, 16")
    page.get_by_role("button", name="Save my kit").click()
    page.wait_for_url("**/settings?kit=saved#kit")
    assert page.get_by_text("Kit saved").is_visible()
    page.locator("#kit").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "web-kit-phone.png"))

    page.goto("/today")
    target = card.locator(".target").inner_text()
    assert "at 11.5 kg" in target, target
    card.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "web-today-kit-phone.png"))
    page.context.close()


def _in_view(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height: int = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height
