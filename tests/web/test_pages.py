"""Pages: sign up, log in and out, CSRF on forms, cookies, headers, and a light first load."""

from __future__ import annotations

import re
import warnings

from tests.web.conftest import EVERY_DAY, PASSWORD, browser_sign_up, csrf_of

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_signing_up_leads_to_onboarding_and_the_plan_page(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    onboarding = web.get("/onboarding")
    assert 'for="pull_ups"' in onboarding.text
    made = web.post(
        "/onboarding", data={"weekdays": EVERY_DAY, "equipment": "home-band", "csrf_token": token}
    )
    assert made.headers["location"] == "/plan"
    plan = web.get("/plan")
    assert "Week 1" in plan.text and "calendar.ics" in plan.text
    assert 'class="seed"' in plan.text  # the seed's doorframe stretch is marked as the seed's


def test_onboarding_offers_the_level_and_the_same_kit_boxes_as_settings(web: TestClient) -> None:
    browser_sign_up(web, "dora")
    page = web.get("/onboarding").text
    assert 'name="level"' in page and "advanced" in page
    boxes = set(re.findall(r'name="equipment" value="([^"]+)"', page))
    ticked = set(re.findall(r'name="equipment" value="([^"]+)" checked', page))
    assert boxes == set(re.findall(r'name="equipment" value="([^"]+)"', web.get("/settings").text))
    assert ticked == {"doorframe", "wall", "chair"}  # every home has them, nothing more
    gym = web.get("/onboarding?kit=gym").text
    assert set(re.findall(r'name="equipment" value="([^"]+)" checked', gym)) == boxes


def test_onboarding_uses_the_level_chosen_and_the_kit_exactly_as_ticked(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    web.post("/onboarding", data={
        "weekdays": ["monday", "wednesday", "friday"], "level": "advanced", "pull_ups": "9",
        "equipment": ["dumbbells", "pull-up-bar", "wall"], "csrf_token": token,
    })  # fmt: skip
    page = web.get("/plan").text
    assert "advanced, dumbbells, none, pull-up-bar, wall," in page
    assert "Doorway row" not in page  # no doorframe was ticked
    assert "you did 9 strict pull-ups" in page


def test_a_started_workout_takes_a_set_from_the_quick_entry_form(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    web.post("/onboarding", data={"weekdays": EVERY_DAY, "csrf_token": token})
    web.post("/today/start", data={"csrf_token": token})
    page = web.get("/today").text
    action = re.search(r'action="(/today/\d+/sets)"', page)
    exercise = re.findall(r'name="exercise_id" value="([^"]+)"', page)[1]
    assert action
    web.post(action.group(1), data={"exercise_id": exercise, "reps": "7", "csrf_token": token})
    assert "7 reps" in web.get("/history").text


def test_a_form_without_its_token_is_refused(web: TestClient) -> None:
    browser_sign_up(web, "dora")
    refused = web.post("/onboarding", data={"weekdays": "monday", "csrf_token": "forged"})
    assert refused.status_code == 403
    assert web.get("/plan").headers["location"] == "/onboarding"  # nothing was made


def test_a_wrong_password_shows_the_form_again_with_a_message(web: TestClient) -> None:
    browser_sign_up(web, "dora")
    fresh = TestClient(web.app, follow_redirects=False)
    token = csrf_of(fresh.get("/login").text)
    wrong = fresh.post(
        "/login", data={"name": "dora", "password": "nope nope", "csrf_token": token}
    )
    assert wrong.status_code == 401 and "wrong name or password" in wrong.text
    right = fresh.post(
        "/login",
        data={"name": "dora", "password": PASSWORD, "csrf_token": token, "next": "//evil.example/"},
    )
    assert right.headers["location"] == "/today"


def test_logging_out_ends_the_session(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    cookie = web.cookies.get("bt_session")
    web.post("/logout", data={"csrf_token": token})
    web.cookies.set("bt_session", cookie or "")
    assert web.get("/today").headers["location"].startswith("/login")


def test_pages_need_a_session_and_send_the_browser_to_log_in(web: TestClient) -> None:
    assert web.get("/history").headers["location"] == "/login?next=/history"


def test_the_session_cookie_is_http_only_and_same_site(web: TestClient) -> None:
    token = csrf_of(web.get("/signup").text)
    done = web.post("/signup", data={"name": "dora", "password": PASSWORD, "csrf_token": token})
    cookie = done.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_every_response_carries_the_security_headers(web: TestClient) -> None:
    for url in ("/login", "/docs", "/api/v1/openapi.json", "/nowhere"):
        headers = web.get(url).headers
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_the_first_load_of_todays_workout_is_under_150_kb(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    web.post("/onboarding", data={"weekdays": EVERY_DAY, "csrf_token": token})
    web.post("/today/start", data={"csrf_token": token})
    page = web.get("/today")
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page.text)
    total = len(page.content) + sum(len(web.get(a).content) for a in assets)
    assert assets and total < 150_000


def test_an_unknown_exercise_page_suggests_close_ones(web: TestClient) -> None:
    browser_sign_up(web, "dora")
    page = web.get("/exercises/bent-over-dumbell-row")
    assert page.status_code == 404 and "bent-over-dumbbell-row" in page.text


def test_the_library_searches_and_filters(web: TestClient) -> None:
    browser_sign_up(web, "dora")
    page = web.get("/exercises", params={"text": "pull-up", "level": "beginner"})
    assert re.search(r"<p>\d+ exercises", page.text) and "/exercises/" in page.text


def test_settings_save_units_and_days(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    saved = web.post(
        "/settings",
        data={
            "timezone": "Europe/Paris",
            "units": "lb",
            "minutes": "40",
            "weekdays": ["monday", "thursday"],
            "equipment": ["dumbbells"],
            "csrf_token": token,
        },
    )
    assert saved.headers["location"] == "/settings?saved=true"
    page = web.get("/settings").text
    assert 'value="lb" selected' in page and 'value="thursday" checked' in page
    # A new plan's questionnaire starts from the unit chosen.
    assert '<option value="lb" selected>' in web.get("/onboarding").text
