"""Body weight, a new password and a deleted account, on the API and the pages."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

from tests.web.conftest import PASSWORD, ApiUser, browser_sign_up, csrf_of, sign_in

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_body_weight_is_noted_and_listed_in_the_persons_unit(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    sam.client.patch("/api/v1/settings", json={"units": "lb"}, headers=sam.auth)
    noted = sam.post("/api/v1/body-weights", json={"weight": 176.4})
    assert noted.status_code == 201, noted.text
    assert noted.json()["weight"] == 176.4 and noted.json()["unit"] == "lb"
    sam.post("/api/v1/body-weights", json={"weight": 80, "unit": "kg", "date": "2026-10-01"})
    listed = sam.get("/api/v1/body-weights").json()
    assert listed["unit"] == "lb"
    assert [(e["day"], e["weight"]) for e in listed["entries"]] == [
        ("2026-10-01", 176.4), ("2026-11-02", 176.4),
    ]  # fmt: skip
    too_light = sam.post("/api/v1/body-weights", json={"weight": 20, "unit": "kg"})
    assert too_light.status_code == 422 and too_light.json()["error"]["allowed"] == "25-350 kg"
    future = sam.post("/api/v1/body-weights", json={"weight": 80, "date": "2027-01-01"})
    assert future.status_code == 422 and future.json()["error"]["field"] == "date"
    assert len(sam.get("/api/v1/body-weights").json()["entries"]) == 2


def test_the_weight_page_notes_a_weight_and_keeps_a_mistake_beside_its_field(
    web: TestClient,
) -> None:
    token = browser_sign_up(web, "dora")
    refused = web.post("/weight", data={"weight": "8O", "date": "", "csrf_token": token})
    assert refused.status_code == 422
    beside = re.search(r'id="weight-error"[^>]*>([^<]+)<', refused.text)
    assert beside and "is not a number" in beside.group(1) and 'value="8O"' in refused.text
    too_heavy = web.post("/weight", data={"weight": "800", "csrf_token": token})
    assert "25-350 kg" in too_heavy.text and 'value="800"' in too_heavy.text
    saved = web.post("/weight", data={"weight": "80.5", "date": "2026-11-01", "csrf_token": token})
    assert saved.headers["location"] == "/weight?saved=true"
    page = web.get("/weight").text
    assert "80.5 kg" in page and "Sun 01 Nov 2026" in page
    assert 'href="/weight"' in web.get("/progress").text


def test_a_new_password_ends_the_other_sessions_and_tokens_but_not_this_one(
    api_user: Callable[..., ApiUser],
) -> None:
    sam = api_user("sam")
    other = sign_in(sam.client, "sam")
    weak = sam.post("/api/v1/me/password",
                    json={"current_password": PASSWORD, "new_password": "sam12345"})  # fmt: skip
    assert weak.status_code == 422 and weak.json()["error"]["field"] == "new_password"
    assert weak.json()["error"]["allowed"]
    wrong = sam.post(
        "/api/v1/me/password",
        json={"current_password": "not mine at all", "new_password": "x" * 12},
    )
    assert wrong.status_code == 422 and wrong.json()["error"]["field"] == "current_password"
    done = sam.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "four unrelated words"},
    )
    assert done.status_code == 200 and done.json()["ended"] == 1
    assert sam.get("/api/v1/me").status_code == 200
    assert other.get("/api/v1/me").status_code == 401
    old = sam.client.post("/api/v1/tokens", json={"name": "sam", "password": PASSWORD})
    assert old.status_code == 401
    new = sam.client.post(
        "/api/v1/tokens", json={"name": "sam", "password": "four unrelated words"}
    )
    assert new.status_code == 201


def test_deleting_an_account_needs_its_password_and_leaves_others_alone(
    api_user: Callable[..., ApiUser],
) -> None:
    sam, ana = api_user("sam"), api_user("ana")
    for who in (sam, ana):
        who.post("/api/v1/sets", json={"exercise_id": "pull-up", "reps": 5})
        who.post("/api/v1/body-weights", json={"weight": 70})
    wrong = sam.client.request("DELETE", "/api/v1/me", json={"password": "nope nope nope"},
                               headers=sam.auth)  # fmt: skip
    assert wrong.status_code == 422 and sam.get("/api/v1/me").status_code == 200
    gone = sam.client.request("DELETE", "/api/v1/me", json={"password": PASSWORD},
                              headers=sam.auth)  # fmt: skip
    assert gone.status_code == 204
    assert sam.get("/api/v1/me").status_code == 401
    relog = sam.client.post("/api/v1/tokens", json={"name": "sam", "password": PASSWORD})
    assert relog.status_code == 401
    assert len(ana.get("/api/v1/history").json()["workouts"]) == 1
    assert len(ana.get("/api/v1/body-weights").json()["entries"]) == 1
    # The name is free again.
    assert sam.client.post(
        "/api/v1/accounts", json={"name": "sam", "password": PASSWORD}
    ).is_success


def test_the_settings_page_changes_the_password_and_deletes_the_account(web: TestClient) -> None:
    token = browser_sign_up(web, "dora")
    settings = web.get("/settings").text
    assert 'action="/settings/password"' in settings and 'href="/settings/delete"' in settings
    wrong = web.post("/settings/password", data={"current_password": "not it",
                                                 "new_password": "a fine new phrase",
                                                 "csrf_token": token})  # fmt: skip
    beside = re.search(r'id="current_password-error"[^>]*>([^<]+)<', wrong.text)
    assert wrong.status_code == 422 and beside and "is not your password" in beside.group(1)
    short = web.post(
        "/settings/password",
        data={"current_password": PASSWORD, "new_password": "short", "csrf_token": token},
    )
    assert re.search(r'id="new_password-error"[^>]*>[^<]*5 characters', short.text)
    changed = web.post("/settings/password", data={"current_password": PASSWORD,
                                                   "new_password": "a fine new phrase",
                                                   "csrf_token": token})  # fmt: skip
    assert changed.headers["location"] == "/settings?password=changed#password"
    assert "Password changed" in web.get(changed.headers["location"]).text  # still signed in

    confirm = web.get("/settings/delete").text
    assert 'href="/settings/backup"' in confirm and "Download all my data" in confirm
    refused = web.post("/settings/delete", data={"password": PASSWORD, "csrf_token": token})
    assert refused.status_code == 422 and 'id="password-error"' in refused.text
    deleted = web.post("/settings/delete", data={"password": "a fine new phrase",
                                                 "csrf_token": csrf_of(confirm)})  # fmt: skip
    assert deleted.status_code == 200 and "Account deleted" in deleted.text
    assert web.get("/history").headers["location"] == "/login?next=/history"
