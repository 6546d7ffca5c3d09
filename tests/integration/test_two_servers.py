"""Two `backtone serve` processes on their own ports, as two machines would be, one PostgreSQL."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine

from backtone.adapters.db import migrate
from tests.conftest import _drop_schema, _postgres_schema_engine
from tests.integration.server_processes import (
    PASSWORD,
    Server,
    logged_reps,
    open_workout,
    server_env,
    sign_up,
    start,
)


@pytest.fixture(scope="module")
def schema() -> Iterator[Engine]:
    """An empty schema of its own on the machine's PostgreSQL."""
    name = f"backtone_two_{uuid.uuid4().hex[:10]}"
    engine = _postgres_schema_engine(name)
    yield engine
    engine.dispose()
    _drop_schema(name)


@pytest.fixture(scope="module")
def two_servers(
    schema: Engine, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Server, Server]]:
    """Both started at the same moment on the empty schema: one migrates, the other waits."""
    url = schema.url.render_as_string(hide_password=False)
    envs = [server_env(tmp_path_factory.mktemp(name), url) for name in ("a", "b")]
    with ThreadPoolExecutor(2) as pool:
        started = list(pool.map(start, envs))
    try:
        yield started[0], started[1]
    finally:
        for server in started:
            server.stop()


def test_two_servers_starting_together_leave_one_schema_at_the_newest_revision(
    two_servers: tuple[Server, Server], schema: Engine
) -> None:
    assert migrate.current_revision(schema) == migrate.HEAD
    for server in two_servers:
        with server.client() as client:
            health = client.get("/health")
        assert health.status_code == 200
        assert health.json()["revision"] == migrate.HEAD


def test_load_spread_over_both_servers_gets_no_errors(two_servers: tuple[Server, Server]) -> None:
    a, b = two_servers
    with a.client() as client:
        auth = sign_up(client, "spread")
        workout, exercise = open_workout(client, auth)

    def work(n: int) -> list[int]:
        server = two_servers[n % 2]  # every other request goes to the other server
        with server.client() as client:
            logged = client.post(
                f"/api/v1/workouts/{workout}/sets",
                json={"exercise_id": exercise, "reps": n},
                headers=auth,
            )
            today = client.get("/api/v1/today", headers=auth)
        return [logged.status_code, today.status_code]

    with ThreadPoolExecutor(8) as pool:
        statuses = [s for pair in pool.map(work, range(1, 41)) for s in pair]
    assert set(statuses) == {200, 201}
    with b.client() as client:
        assert logged_reps(client, auth) == list(range(1, 41))


def test_the_same_idempotency_key_sent_to_both_servers_stores_one_set(
    two_servers: tuple[Server, Server],
) -> None:
    a, _ = two_servers
    with a.client() as client:
        auth = sign_up(client, "twice")
        workout, exercise = open_workout(client, auth)
    for attempt in range(5):  # each time both servers get the same new key at the same moment
        key = {"Idempotency-Key": uuid.uuid4().hex}
        together = threading.Barrier(2)

        def send(
            server: Server,
            reps: int = 100 + attempt,
            key: dict[str, str] = key,
            together: threading.Barrier = together,
        ) -> int:
            with server.client() as client:
                together.wait()
                done = client.post(
                    f"/api/v1/workouts/{workout}/sets",
                    json={"exercise_id": exercise, "reps": reps},
                    headers={**auth, **key},
                )
            return done.status_code

        with ThreadPoolExecutor(2) as pool:
            assert list(pool.map(send, two_servers)) == [201, 201]
    with a.client() as client:
        assert logged_reps(client, auth) == [100, 101, 102, 103, 104]


def test_failed_logins_count_on_both_servers_together(two_servers: tuple[Server, Server]) -> None:
    a, b = two_servers
    with a.client() as client:
        sign_up(client, "locked")
    wrong = {"name": "locked", "password": "not the password"}
    answers = []
    for n in range(6):  # five failures in all, shared out, then the limit on either server
        with two_servers[n % 2].client() as client:
            answers.append(client.post("/api/v1/tokens", json=wrong).status_code)
    assert answers == [401, 401, 401, 401, 401, 429]
    with b.client() as client:  # the right password waits too: the limit is per name and address
        assert (
            client.post("/api/v1/tokens", json={"name": "locked", "password": PASSWORD}).status_code
            == 429
        )
