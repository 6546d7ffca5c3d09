"""A web app per test on SQLite and on PostgreSQL, with a fixed clock and cheap password hashing."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from backtone.adapters.security import Argon2Hasher
from backtone.bootstrap import build
from backtone.config import Settings
from backtone.entrypoints.web.app import create_app
from tests.conftest import FixedClock

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"
EVERY_DAY = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]


@pytest.fixture
def web(database_url: str, tmp_path: Path, clock: FixedClock) -> Iterator[TestClient]:
    """An app on a fresh database (each test runs on SQLite and on PostgreSQL)."""
    settings = Settings(data_dir=tmp_path, database_url=database_url, environment="test")
    backtone = build(settings, clock=clock)
    app = create_app(settings, backtone=backtone, hasher=Argon2Hasher(fast=True))
    with TestClient(app, follow_redirects=False) as client:
        yield client
    backtone.engine.dispose()


@dataclass
class ApiUser:
    """Someone using the API with a Bearer token."""

    client: TestClient
    name: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, url: str, params: dict[str, str] | None = None) -> httpx.Response:
        return self.client.get(url, headers=self.auth, params=params)

    def post(
        self, url: str, json: object = None, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        return self.client.post(url, json=json, headers={**self.auth, **(headers or {})})


def sign_up(client: TestClient, name: str, role: str = "person") -> ApiUser:
    made = client.post("/api/v1/accounts", json={"name": name, "password": PASSWORD, "role": role})
    assert made.status_code == 201, made.text
    return sign_in(client, name)


def sign_in(client: TestClient, name: str) -> ApiUser:
    token = client.post("/api/v1/tokens", json={"name": name, "password": PASSWORD})
    assert token.status_code == 201, token.text
    return ApiUser(client, name, token.json()["token"])


@pytest.fixture
def api_user(web: TestClient) -> Callable[..., ApiUser]:
    return lambda name, role="person": sign_up(web, name, role)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no form token"
    return found.group(1)


def browser_sign_up(client: TestClient, name: str, role: str = "person") -> str:
    """Sign up through the pages; returns the form token for later posts."""
    token = csrf_of(client.get("/signup").text)
    done = client.post(
        "/signup",
        data={
            "name": name,
            "password": PASSWORD,
            "timezone": "UTC",
            "role": role,
            "csrf_token": token,
        },
    )
    assert done.status_code == 303, done.text
    return token
