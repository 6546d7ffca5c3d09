"""What the site settles for its own safety: HTTPS from BACKTONE_PUBLIC_URL, trusted proxies,
limits on sign-ups and log-ins, the password policy, API tokens that expire, list and revoke,
trainer pages for trainers, and errors that show no server path."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backtone.adapters.security import Argon2Hasher
from backtone.bootstrap import build
from backtone.config import Settings
from backtone.entrypoints.web.app import create_app
from tests.cli.test_check_cli import needs_models
from tests.conftest import FixedClock
from tests.web.conftest import PASSWORD, ApiUser, browser_sign_up, csrf_of, sign_in, sign_up

App = Callable[..., TestClient]


@pytest.fixture
def app_with(tmp_path: Path, clock: FixedClock) -> Iterator[App]:
    """An app with some settings changed (SQLite: these are about requests, not storage)."""
    clients: list[TestClient] = []

    def make(**changed: str) -> TestClient:
        settings = Settings(data_dir=tmp_path, environment="test", **changed)  # type: ignore[arg-type]
        app = create_app(
            settings, backtone=build(settings, clock=clock), hasher=Argon2Hasher(fast=True)
        )
        client = TestClient(app, follow_redirects=False)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def test_an_https_public_url_makes_cookies_secure_and_sends_hsts_whatever_the_host(
    app_with: App,
) -> None:
    client = app_with(public_url="https://coach.example.org")
    client.base_url = "https://testserver"  # type: ignore[assignment]  # the proxy's side
    page = client.get("/login", headers={"Host": "localhost"})
    assert page.headers["strict-transport-security"].startswith("max-age=")
    browser_sign_up(client, "sam")
    cookies = client.cookies.jar
    assert cookies and all(cookie.secure for cookie in cookies)


def test_a_plain_http_site_sends_no_hsts_and_no_secure_cookie_whatever_the_host(
    app_with: App,
) -> None:
    client = app_with(public_url="http://192.168.1.20:8000")
    page = client.get("/login", headers={"Host": "coach.example.org"})
    assert "strict-transport-security" not in page.headers
    token = csrf_of(page.text)
    done = client.post(
        "/signup",
        data={"name": "sam", "password": PASSWORD, "timezone": "UTC", "csrf_token": token},
        headers={"Host": "coach.example.org", "X-Forwarded-Proto": "https"},
    )
    assert done.status_code == 303
    assert all("secure" not in line.lower() for line in done.headers.get_list("set-cookie"))


def wrong_logins(client: TestClient, names: list[str], address: str) -> list[int]:
    return [
        client.post(
            "/api/v1/tokens",
            json={"name": name, "password": "not the password"},
            headers={"X-Forwarded-For": address},
        ).status_code
        for name in names
    ]


def test_only_a_trusted_proxy_says_where_a_log_in_comes_from(app_with: App) -> None:
    names = [f"user{n}" for n in range(20)]
    trusting = app_with(trusted_proxies="*")
    assert wrong_logins(trusting, names, "203.0.113.1") == [401] * 20
    assert wrong_logins(trusting, ["user20"], "203.0.113.1") == [429]  # per address, any name
    assert wrong_logins(trusting, ["user20"], "203.0.113.2") == [401]  # another address
    ignoring = app_with()
    assert wrong_logins(ignoring, names, "203.0.113.3") == [401] * 20
    # The header is not believed: every guess came from the one real address.
    assert wrong_logins(ignoring, ["user20"], "203.0.113.4") == [429]


def test_sign_ups_from_one_address_are_limited(web: TestClient) -> None:
    for n in range(10):
        made = web.post("/api/v1/accounts", json={"name": f"person{n}", "password": PASSWORD})
        assert made.status_code == 201, made.text
    refused = web.post("/api/v1/accounts", json={"name": "person10", "password": PASSWORD})
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert "too many sign-ups" in refused.json()["error"]["message"]


@pytest.mark.parametrize(
    ("password", "says"),
    [("password", "is one of the most common"), ("sam12345", "is your name")],
)
def test_a_common_password_is_refused_at_sign_up_with_what_to_do(
    web: TestClient, password: str, says: str
) -> None:
    refused = web.post("/api/v1/accounts", json={"name": "sam12345", "password": password})
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["field"] == "password" and says in error["message"]
    assert "unrelated words" in error["allowed"]
    page = web.get("/signup")
    shown = web.post(
        "/signup",
        data={"name": "sam", "password": "iloveyou", "csrf_token": csrf_of(page.text)},
    )
    assert shown.status_code == 422 and "is one of the most common" in shown.text


def test_api_tokens_expire_after_the_days_asked_for(
    web: TestClient, api_user: Callable[..., ApiUser], clock: FixedClock
) -> None:
    api_user("sam")
    short = web.post(
        "/api/v1/tokens", json={"name": "sam", "password": PASSWORD, "expires_in_days": 2}
    )
    assert short.status_code == 201
    assert short.json()["expires_at"].startswith(
        (clock.now() + timedelta(days=2)).date().isoformat()
    )
    auth = {"Authorization": f"Bearer {short.json()['token']}"}
    assert web.get("/api/v1/me", headers=auth).status_code == 200
    clock.moment += timedelta(days=2, seconds=1)
    assert web.get("/api/v1/me", headers=auth).status_code == 401
    for days in (0, 366):
        refused = web.post(
            "/api/v1/tokens", json={"name": "sam", "password": PASSWORD, "expires_in_days": days}
        )
        assert refused.status_code == 422


def test_api_tokens_are_listed_and_revoked_one_by_one(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    sam = api_user("sam")
    laptop = web.post(
        "/api/v1/tokens", json={"name": "sam", "password": PASSWORD, "label": "laptop"}
    ).json()["token"]
    listed = sam.get("/api/v1/tokens").json()
    assert [t["label"] for t in listed] == ["laptop", ""]
    assert [t["current"] for t in listed] == [False, True]
    assert all("token" not in t for t in listed)
    laptop_id = listed[0]["id"]
    ana = api_user("ana")
    assert ana.client.delete(f"/api/v1/tokens/{laptop_id}", headers=ana.auth).status_code == 404
    assert sam.client.delete(f"/api/v1/tokens/{laptop_id}", headers=sam.auth).status_code == 204
    gone = web.get("/api/v1/me", headers={"Authorization": f"Bearer {laptop}"})
    assert gone.status_code == 401
    assert sam.get("/api/v1/me").status_code == 200  # the token in use still works
    assert [t["label"] for t in sam.get("/api/v1/tokens").json()] == [""]


def test_the_settings_page_makes_shows_once_and_revokes_api_tokens(web: TestClient) -> None:
    form = browser_sign_up(web, "sam")
    made = web.post("/settings/tokens", data={"label": "phone", "days": "30", "csrf_token": form})
    assert made.status_code == 200 and "not shown again" in made.text
    page = web.get("/settings")
    assert "phone" in page.text and "not shown again" not in page.text
    token = sign_in(web, "sam")  # an API token of the same person, listed too
    [phone] = [t for t in token.get("/api/v1/tokens").json() if t["label"] == "phone"]
    revoked = web.post(f"/settings/tokens/{phone['id']}/revoke", data={"csrf_token": form})
    assert revoked.status_code == 303
    assert "phone" not in web.get("/settings").text


def test_a_person_account_may_not_open_the_trainer_pages(web: TestClient) -> None:
    browser_sign_up(web, "sam")
    refused = web.get("/trainer")
    assert refused.status_code == 403 and "for trainer accounts" in refused.text
    web.cookies.clear()
    browser_sign_up(web, "coach", role="trainer")
    assert web.get("/trainer").status_code == 200


def test_a_clip_that_cannot_be_read_is_refused_without_naming_server_folders(
    app_with: App,
) -> None:
    needs_models()
    client = app_with()
    me = sign_up(client, "ana")
    answer = client.post(
        "/api/v1/form-checks",
        headers=me.auth,
        data={"exercise_id": "pull-up"},
        files={"video": ("my set.mp4", b"\x00\x01not a video at all" * 64, "video/mp4")},
    )
    assert answer.status_code == 422, answer.text
    message = answer.json()["error"]["message"]
    assert "my set.mp4" in message
    assert tempfile.gettempdir() not in message and "clip.mp4" not in message


def test_a_database_that_cannot_be_written_answers_503_naming_no_server_file(
    app_with: App, tmp_path: Path
) -> None:
    app_with().close()  # makes the database file
    read_only = f"sqlite:///file:{tmp_path / 'backtone.sqlite3'}?mode=ro&uri=true"
    client = app_with(database_url=read_only)
    refused = client.post("/api/v1/accounts", json={"name": "sam", "password": PASSWORD})
    assert refused.status_code == 503
    assert refused.json()["error"]["message"].startswith("the database cannot be used")
    assert str(tmp_path) not in refused.text
