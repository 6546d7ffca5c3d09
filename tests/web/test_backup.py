"""The backup on the web: one file from the API and the settings page, restored over the API
into the caller's account only (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from datetime import UTC, datetime

from tests.web.conftest import PASSWORD, ApiUser, browser_sign_up

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _weigh(web: TestClient, user: ApiUser, kg: float) -> None:
    """A weigh-in as `backtone weight` keeps it (the web has no form for it yet)."""
    backtone = web.app.state.backtone  # type: ignore[attr-defined]
    with backtone.uow() as uow:
        account = uow.accounts.get_by_name(user.name)
        uow.body_weights.add(account.id, datetime(2026, 11, 1, 8, tzinfo=UTC), kg)
        uow.commit()


def _active(user: ApiUser) -> None:
    assert user.post("/api/v1/sets", json={"exercise_id": "pull-up", "reps": 7}).status_code == 201
    assert user.post("/api/v1/check-ins", json={"sleep": "poor"}).status_code == 201


def test_the_api_gives_the_whole_backup_as_a_file_without_secrets(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    ana = api_user("ana")
    _active(ana)
    _weigh(web, ana, 64.5)
    answer = ana.get("/api/v1/backup")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["content-disposition"] == (
        'attachment; filename="backtone-backup-ana-2026-11-02.json"'
    )
    backup = answer.json()
    assert (backup["format"], backup["version"]) == ("backtone-backup", 2)
    assert backup["account"] == {"name": "ana", "timezone": "UTC", "role": "person"}
    assert backup["workouts"][0]["sets"][0]["reps"] == 7
    assert backup["body_weights"][0]["kg"] == 64.5 and backup["check_ins"][0]["sleep"] == "poor"
    assert PASSWORD not in answer.text and ana.token not in answer.text
    assert "argon2" not in answer.text and "token" not in answer.text


def test_the_settings_page_gives_the_same_file_to_the_signed_in_browser(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    assert web.get("/settings/backup").headers["location"] == "/login?next=/settings/backup"
    assert web.get("/api/v1/backup").status_code == 401
    browser_sign_up(web, "bea")
    settings = web.get("/settings").text
    assert 'id="your-data"' in settings and 'href="/settings/backup"' in settings
    page = web.get("/settings/backup")
    assert page.status_code == 200
    assert page.headers["content-disposition"].startswith(
        'attachment; filename="backtone-backup-bea'
    )
    from tests.web.conftest import sign_in

    assert page.content == sign_in(web, "bea").get("/api/v1/backup").content


def test_a_backup_posted_back_restores_into_the_callers_account_only(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    ana, ben = api_user("ana"), api_user("ben")
    _active(ana)
    _weigh(web, ana, 64.5)
    assert ben.post("/api/v1/sets", json={"exercise_id": "dead-hang", "seconds": 30}).is_success
    anas = ana.get("/api/v1/backup").content

    restored = ben.post("/api/v1/backup", json=json.loads(anas))
    assert restored.status_code == 200, restored.text
    counts = restored.json()
    # Both logged today: ana's set joins ben's workout of the day rather than making a second.
    assert counts["added"]["workouts"] == 0 and counts["added"]["sets"] == 1
    assert counts["added"]["body_weights"] == 1 and counts["added"]["check_ins"] == 1
    assert ana.get("/api/v1/backup").content == anas  # nothing of ana's changed
    bens = ben.get("/api/v1/backup").json()
    assert len(bens["workouts"]) == 1
    assert [s["exercise_id"] for s in bens["workouts"][0]["sets"]] == ["dead-hang", "pull-up"]

    again = ben.post("/api/v1/backup", json=json.loads(anas)).json()
    assert set(again["added"].values()) == {0}
    assert again["already_there"]["workouts"] == 1


def test_a_bad_backup_is_refused_whole_with_the_place_that_is_wrong(
    api_user: Callable[..., ApiUser],
) -> None:
    ana = api_user("ana")
    _active(ana)
    backup = ana.get("/api/v1/backup").json()
    before = ana.get("/api/v1/backup").content
    backup["workouts"][0]["started_at"] = "2026-11-01T09:00:00+00:00"  # a new workout...
    backup["check_ins"][0]["sleep"] = "awful"  # ...in a file with a bad check-in
    refused = ana.post("/api/v1/backup", json=backup)
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert (error["type"], error["field"]) == ("InvalidInput", "check_ins[0]")
    assert ana.get("/api/v1/backup").content == before
    wrong = ana.post("/api/v1/backup", json={"workouts": []}).json()["error"]
    assert wrong["field"] == "format" and wrong["allowed"] == '"format": "backtone-backup"'


def test_the_settings_page_restores_a_backup_file_and_says_what_it_added(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    ana = api_user("ana")
    _active(ana)
    backup = ana.get("/api/v1/backup").content
    token = browser_sign_up(web, "cleo")

    def post(content: bytes) -> str:
        files = {"backup": ("ana.json", content, "application/json")}
        answer = web.post("/settings/backup", data={"csrf_token": token}, files=files)
        assert answer.status_code in (200, 422), answer.text
        return " ".join(answer.text.split())

    assert "Restored 1 workout, 1 check-in (1 set)." in post(backup)
    assert "Nothing new to add." in post(backup)  # the same file again adds nothing
    bad = post(backup.replace(b'"reps": 7', b'"reps": "seven"'))
    assert "ana.json: workouts[0].sets[0].reps" in bad
    history = sign_in_as(web, "cleo").get("/api/v1/history").json()["workouts"]
    assert [s["reps"] for w in history for s in w["sets"]] == [7]  # once, and the bad file: nothing


def sign_in_as(web: TestClient, name: str) -> ApiUser:
    from tests.web.conftest import sign_in

    return sign_in(web, name)
