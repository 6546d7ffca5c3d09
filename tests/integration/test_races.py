"""Races by one person, settled by the database: parallel requests to two server processes.

Each test fires its requests at once (a barrier releases every thread together), half to
each of two uvicorn processes on one database, on SQLite and on PostgreSQL. The loser of a
race gets the winner's answer, never a server error, and nothing is stored twice.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import Engine, text

from tests.conftest import _clear
from tests.integration.live_servers import PASSWORD, live_servers, signed_up
from tests.web.conftest import EVERY_DAY

AT_ONCE = 8
Live = tuple[Engine, list[str]]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Live]:
    """Two server processes on one database, trusting the loopback proxy's X-Forwarded-For."""
    engine: Engine = request.getfixturevalue(f"{request.param}_engine")
    url = engine.url.render_as_string(hide_password=False)
    with live_servers(url, tmp_path_factory.mktemp("live"), 2, trusted_proxies="127.0.0.1") as urls:
        yield engine, urls


@pytest.fixture
def servers(live: Live) -> Iterator[Live]:
    _clear(live[0])
    yield live
    _clear(live[0])


def at_once(
    urls: list[str], count: int, call: Callable[[httpx.Client, int], httpx.Response]
) -> list[httpx.Response]:
    """`count` requests released together, alternating between the servers."""
    barrier = threading.Barrier(count)

    def one(n: int) -> httpx.Response:
        with httpx.Client(base_url=urls[n % len(urls)], timeout=120) as client:
            barrier.wait()
            return call(client, n)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def scalar(engine: Engine, query: str, **values: object) -> object:
    with engine.connect() as connection:
        return connection.execute(text(query), values).scalar()


def test_starting_a_workout_at_once_from_two_processes_opens_one(servers: Live) -> None:
    engine, urls = servers
    sam = signed_up(urls[0], "sam")
    made = httpx.post(
        f"{urls[0]}/api/v1/plans", json={"weekdays": EVERY_DAY}, headers=sam, timeout=120
    )
    assert made.status_code == 201, made.text
    answers = at_once(urls, AT_ONCE, lambda c, _: c.post("/api/v1/workouts", headers=sam))
    assert [a.status_code for a in answers] == [201] * AT_ONCE, [a.text for a in answers]
    assert len({a.json()["workout_id"] for a in answers}) == 1
    opened = scalar(
        engine, "SELECT count(*) FROM workouts WHERE source = 'workout' AND ended_at IS NULL"
    )
    assert opened == 1


def test_first_sets_of_the_day_sent_at_once_join_one_workout(servers: Live) -> None:
    engine, urls = servers
    sam = signed_up(urls[0], "sam")

    def log(client: httpx.Client, n: int) -> httpx.Response:
        key = {"Idempotency-Key": uuid.uuid4().hex}
        return client.post(
            "/api/v1/sets", json={"exercise_id": "pull-up", "reps": n + 1}, headers={**sam, **key}
        )

    answers = at_once(urls, AT_ONCE, log)
    assert [a.status_code for a in answers] == [201] * AT_ONCE, [a.text for a in answers]
    assert len({a.json()["workout_id"] for a in answers}) == 1
    assert scalar(engine, "SELECT count(*) FROM workouts") == 1
    assert scalar(engine, "SELECT count(*) FROM logged_sets") == AT_ONCE
    assert scalar(engine, "SELECT count(DISTINCT position) FROM logged_sets") == AT_ONCE
    assert scalar(engine, "SELECT sets FROM exercise_digests") == AT_ONCE


def test_sets_of_a_guided_workout_sent_at_once_each_get_their_place(servers: Live) -> None:
    engine, urls = servers
    sam = signed_up(urls[0], "sam")
    httpx.post(f"{urls[0]}/api/v1/plans", json={"weekdays": EVERY_DAY}, headers=sam, timeout=120)
    today = httpx.post(f"{urls[0]}/api/v1/workouts", headers=sam).json()
    card = next(c for c in today["cards"] if c["role"] == "main")
    route = f"/api/v1/workouts/{today['workout_id']}/sets"

    def log(client: httpx.Client, n: int) -> httpx.Response:
        body = {"exercise_id": card["exercise_id"], "reps": n + 1}
        return client.post(route, json=body, headers={**sam, "Idempotency-Key": uuid.uuid4().hex})

    answers = at_once(urls, AT_ONCE, log)
    assert [a.status_code for a in answers] == [201] * AT_ONCE, [a.text for a in answers]
    positions = scalar(engine, "SELECT count(DISTINCT position) FROM logged_sets")
    assert (scalar(engine, "SELECT count(*) FROM logged_sets"), positions) == (AT_ONCE, AT_ONCE)
    digest = scalar(
        engine, "SELECT sets FROM exercise_digests WHERE exercise_id = :e", e=card["exercise_id"]
    )
    total = scalar(
        engine,
        "SELECT total_reps FROM exercise_digests WHERE exercise_id = :e",
        e=card["exercise_id"],
    )
    assert (digest, total) == (AT_ONCE, sum(range(1, AT_ONCE + 1)))


def test_one_set_sent_twice_at_once_with_one_key_is_stored_once(servers: Live) -> None:
    engine, urls = servers
    sam = signed_up(urls[0], "sam")
    key = {"Idempotency-Key": uuid.uuid4().hex}
    body = {"exercise_id": "pull-up", "reps": 6}
    answers = at_once(
        urls, AT_ONCE, lambda c, _: c.post("/api/v1/sets", json=body, headers={**sam, **key})
    )
    assert [a.status_code for a in answers] == [201] * AT_ONCE, [a.text for a in answers]
    assert len({a.text for a in answers}) == 1  # every retry gets the first answer
    assert sum(a.headers.get("Idempotency-Replayed") == "true" for a in answers) == AT_ONCE - 1
    assert scalar(engine, "SELECT count(*) FROM logged_sets") == 1


def test_wrong_passwords_sent_at_once_to_two_processes_are_checked_no_more_than_the_limit(
    servers: Live,
) -> None:
    _, urls = servers
    signed_up(urls[0], "sam")

    def guess(client: httpx.Client, n: int) -> httpx.Response:
        # Each guess from its own address: only the per-account limit can stop them.
        where = {"X-Forwarded-For": f"198.51.100.{n + 1}"}
        return client.post(
            "/api/v1/tokens", json={"name": "sam", "password": f"guess {n}"}, headers=where
        )

    answers = at_once(urls, 40, guess)
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [401] * 5 + [429] * 35
    assert all(int(a.headers["Retry-After"]) > 0 for a in answers if a.status_code == 429)
    right = httpx.post(f"{urls[1]}/api/v1/tokens", json={"name": "sam", "password": PASSWORD})
    assert right.status_code == 429  # the account waits out the window, even with the password


def test_one_address_trying_many_names_at_once_is_limited_across_processes(servers: Live) -> None:
    _, urls = servers
    one_address = {"X-Forwarded-For": "203.0.113.7"}

    def guess(client: httpx.Client, n: int) -> httpx.Response:
        return client.post(
            "/api/v1/tokens", json={"name": f"user{n}", "password": "guess it"}, headers=one_address
        )

    statuses = sorted(a.status_code for a in at_once(urls, 25, guess))
    assert statuses == [401] * 20 + [429] * 5
    elsewhere = httpx.post(
        f"{urls[0]}/api/v1/tokens",
        json={"name": "user1", "password": "guess it"},
        headers={"X-Forwarded-For": "203.0.113.8"},
    )
    assert elsewhere.status_code == 401  # another address is not held back
