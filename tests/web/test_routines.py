"""The built-in routines on the web: listed with their numbers, and a plan built around one."""

from __future__ import annotations

import warnings
from collections.abc import Callable

from tests.web.conftest import ApiUser, browser_sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_the_api_lists_the_seed_routines_with_their_own_numbers(
    api_user: Callable[..., ApiUser],
) -> None:
    found = {r["id"]: r for r in api_user("rui").get("/api/v1/routines").json()}
    home = found["seed-003-back-routine"]
    assert home["source"] == "seed-003"
    rows = {i["exercise_id"]: i["prescription"] for i in home["items"]}
    assert rows["bent-over-dumbbell-row"].startswith("3 x 12-15")


def test_the_routines_page_shows_each_routine_and_links_its_exercises(web: TestClient) -> None:
    browser_sign_up(web, "rui")
    page = web.get("/routines").text
    assert "Seed 003 back routine" in page and "Seed 000 gym session" in page
    assert 'href="/exercises/bent-over-dumbbell-row"' in page and "3 x 12-15" in page
    assert 'href="/routines"' in web.get("/exercises").text


def test_a_plan_made_on_the_web_can_be_built_around_a_seed_routine(web: TestClient) -> None:
    token = browser_sign_up(web, "rui")
    assert 'name="template"' in web.get("/onboarding").text
    form = {
        "weekdays": ["monday", "wednesday", "friday"],
        "equipment": ["dumbbells", "pull-up-bar"],
    }
    made = web.post("/onboarding", data={**form, "template": "seed-003", "csrf_token": token})
    assert made.headers["location"] == "/plan"
    assert "Seed 003 back routine" in web.get("/plan").text


def test_an_unknown_routine_is_refused_with_the_form_kept(web: TestClient) -> None:
    token = browser_sign_up(web, "rui")
    form = {"weekdays": ["monday", "wednesday", "friday"], "template": "seed-999", "minutes": "40"}
    refused = web.post("/onboarding", data={**form, "csrf_token": token})
    assert refused.status_code == 422
    assert "template" in refused.text and 'value="40"' in refused.text
