"""What an operator watches: /health says whether the database can be used, /metrics counts."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from sqlalchemy import Connection

from backtone.adapters.db import migrate
from backtone.adapters.db.group_commit import GroupCommit
from backtone.adapters.security import Argon2Hasher
from backtone.bootstrap import build
from backtone.config import Settings
from backtone.entrypoints.web.app import create_app
from tests.web.conftest import ApiUser, sign_up


def metric(text: str, name: str, **labels: str) -> float:
    """The value of one sample of the exposition text (0 when it is not there)."""
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_health_says_the_database_answers_at_the_newest_schema(web: TestClient) -> None:
    health = web.get("/health")
    assert health.status_code == 200
    assert health.json() | {"status": "ok", "revision": migrate.HEAD} == health.json()


def test_health_is_unavailable_before_the_schema_is_made(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, environment="test")
    app = create_app(settings, backtone=build(settings, prepare_db=False))
    with TestClient(app) as client:
        health = client.get("/health")
    assert health.status_code == 503
    assert health.json()["revision"] is None
    assert "schema" in health.json()["reason"]


def test_health_is_unavailable_when_the_database_cannot_be_reached(tmp_path: Path) -> None:
    nowhere = "postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2"
    settings = Settings(data_dir=tmp_path, database_url=nowhere, environment="test")
    app = create_app(settings, backtone=build(settings, prepare_db=False))
    with TestClient(app) as client:
        health = client.get("/health")
    assert health.status_code == 503
    assert health.json()["database"] == "unreachable"
    assert "Traceback" not in health.text


def test_metrics_count_requests_latencies_and_errors_per_route(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    sam = api_user("sam")
    for _ in range(3):
        assert sam.get("/api/v1/exercises", params={"limit": "5"}).status_code == 200
    assert sam.get("/api/v1/exercises/no-such-exercise").status_code == 404
    assert web.get("/no/such/page").status_code == 404
    text = web.get("/metrics").text
    assert web.get("/metrics").headers["content-type"].startswith("text/plain; version=0.0.4")
    library = {"method": "GET", "route": "/api/v1/exercises"}
    assert metric(text, "backtone_http_requests_total", status="200", **library) == 3
    assert metric(text, "backtone_http_request_duration_seconds_count", **library) == 3
    assert metric(text, "backtone_http_request_duration_seconds_bucket", le="+Inf", **library) == 3
    assert metric(text, "backtone_http_errors_total", **library) == 0
    card = {"route": "/api/v1/exercises/{exercise_id}", "status": "404"}
    assert metric(text, "backtone_http_requests_total", **card) == 1  # the template, not the id
    assert metric(text, "backtone_http_requests_total", route="unmatched", status="404") == 1
    assert re.search(r"^backtone_writer_queue_depth\{process=\"\d+\"\} 0$", text, re.M)


def test_a_request_that_fails_on_the_server_counts_as_an_error(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, environment="test")
    app = create_app(settings, hasher=Argon2Hasher(fast=True))
    broken = APIRouter()

    @broken.get("/broken")
    async def fails() -> None:
        raise RuntimeError("a bug")

    app.include_router(broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/broken").status_code == 500
        text = client.get("/metrics").text
    assert metric(text, "backtone_http_errors_total", route="/broken") == 1
    assert metric(text, "backtone_http_requests_total", route="/broken", status="500") == 1


def test_the_writer_counts_its_groups_on_sqlite(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    sam = api_user("sam")
    assert sam.post("/api/v1/sets", json={"exercise_id": "pull-up", "reps": 5}).status_code == 201
    text = web.get("/metrics").text
    groups = metric(text, "backtone_writer_groups_committed")
    on_sqlite = web.app.state.backtone.engine.dialect.name == "sqlite"  # type: ignore[attr-defined]
    assert (groups >= 1) if on_sqlite else (groups == 0)


def test_a_set_whose_group_could_not_be_committed_is_refused_and_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path, environment="test")  # SQLite: group commit
    app = create_app(settings, hasher=Argon2Hasher(fast=True))
    writes = app.state.backtone.writes
    assert isinstance(writes, GroupCommit)

    def lost(_connection: Connection) -> None:
        raise OSError("the disk went away")

    with TestClient(app) as client:
        sam = sign_up(client, "sam")
        monkeypatch.setattr(writes, "commit_group", lost)
        refused = sam.post("/api/v1/sets", json={"exercise_id": "pull-up", "reps": 5})
        assert refused.status_code == 503
        assert refused.json()["error"]["type"] == "NotSaved"
        monkeypatch.undo()
        assert sam.get("/api/v1/history").json()["workouts"] == []
