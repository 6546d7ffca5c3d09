"""The settings page's "Your kit": the loads a person can set, on SQLite and on PostgreSQL."""

from __future__ import annotations

import html
import re
import warnings

import httpx

from tests.web.conftest import EVERY_DAY, browser_sign_up, sign_in
from tests.web.test_api import PLAN

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROW = "single-arm-dumbbell-row"  # in today's session of PLAN


def kit_fields(page: str) -> dict[str, str]:
    """What the kit form holds, field by field, as the person sees it."""
    found = re.findall(r'<input id="kit-[\w_]+" name="([\w_]+)" value="([^"]*)"', page)
    return {name: html.unescape(value) for name, value in found}


def save_kit(web: TestClient, token: str, **changes: str) -> httpx.Response:
    typed = kit_fields(web.get("/settings").text) | changes
    return web.post("/settings/kit", data={**typed, "csrf_token": token})


def test_the_kit_section_shows_the_common_kit_in_the_persons_unit(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    shown = kit_fields(web.get("/settings").text)
    assert shown["dumbbells"] == "2-40 kg in 2s" and shown["bar"] == "20"
    assert set(shown) == {
        "dumbbells", "kettlebells", "bar", "plates", "stack_step", "stack_max", "bands",
    }  # fmt: skip
    web.post(
        "/settings",
        data={"timezone": "UTC", "units": "lb", "minutes": "30", "weekdays": EVERY_DAY,
              "csrf_token": token},
    )  # fmt: skip
    in_pounds = kit_fields(web.get("/settings").text)
    assert in_pounds["dumbbells"] == "5-100 lb in 5s" and in_pounds["bar"] == "45"


def test_a_saved_dumbbell_list_gives_todays_load(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    dora = sign_in(web, "dora")
    assert dora.post("/api/v1/plans", json=PLAN).status_code == 201
    for _ in range(3):
        dora.post("/api/v1/sets", json={"exercise_id": ROW, "reps": 15, "load": 10})
    assert "at 12 kg a hand" in web.get("/today").text  # the common kit: 2 kg steps

    saved = save_kit(web, token, dumbbells="10, 11.5, 16")
    assert saved.status_code == 303
    assert saved.headers["location"] == "/settings?kit=saved#kit"
    page = web.get("/settings?kit=saved").text
    assert "Kit saved" in page and kit_fields(page)["dumbbells"] == "10, 11.5, 16"
    today = web.get("/today").text
    assert "at 11.5 kg a hand" in today and 'href="/settings#kit"' in today
    assert dora.get("/api/v1/kit").json()["dumbbells"] == "10, 11.5, 16"


def test_a_mistake_shows_beside_its_field_with_the_answers_kept(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    for field, value, said in [
        ("dumbbells", "heavy ones", "&#39;heavy ones&#39; is not a list of loads"),
        ("bar", "twenty", "input should be a valid number"),
        ("stack_max", "2", "2 is below one step"),
        ("stack_step", "30", "step or top out of range"),  # a step of at most 25 kg
        ("bands", "red", "&#39;red&#39; is not a band"),
    ]:
        refused = save_kit(web, token, **{field: value}, plates="2.5x4, 5")
        assert refused.status_code == 422
        page = refused.text
        beside = re.search(rf'<p class="field-error" id="kit-{field}-error"[^>]*>([^<]*)</p>', page)
        assert beside and said in beside.group(1), (field, page)
        assert f'aria-describedby="kit-{field}-error"' in page
        assert 'class="alert"' not in page  # said once, beside the field
        typed = kit_fields(page)
        assert typed[field] == value and typed["plates"] == "2.5x4, 5"
    assert kit_fields(web.get("/settings").text)["plates"] == "1.25, 2.5, 5, 10, 15, 20, 25"


def test_the_kit_form_needs_its_token_and_can_go_back_to_the_common_kit(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    forged = web.post("/settings/kit", data=kit_fields(web.get("/settings").text) | {"bar": "15"})
    assert forged.status_code == 403
    assert kit_fields(web.get("/settings").text)["bar"] == "20"
    save_kit(web, token, bar="15", kettlebells="8, 12, 20")
    assert kit_fields(web.get("/settings").text)["bar"] == "15"
    reset = web.post("/settings/kit/reset", data={"csrf_token": token})
    assert reset.headers["location"] == "/settings?kit=saved#kit"
    back = kit_fields(web.get("/settings").text)
    assert back["bar"] == "20" and back["kettlebells"] == "4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32"
