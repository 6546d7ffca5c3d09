"""How the hot endpoints use the database: one connection per request, a few statements."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event

from tests.web.conftest import EVERY_DAY, ApiUser

# The SQLite writer's group opens a transaction and gives each request a savepoint in it
# (adapters/db/group_commit.py): bookkeeping, not the request's own questions.
_GROUP_BOOKKEEPING = ("BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK")


@contextmanager
def counting(client: TestClient) -> Iterator[dict[str, int]]:
    """Pool checkouts and statements while the block runs."""
    engine = client.app.state.backtone.engine  # type: ignore[attr-defined]
    seen = {"checkouts": 0, "statements": 0}

    def checkout(*_: Any) -> None:
        seen["checkouts"] += 1

    def statement(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        if not sql.lstrip().startswith(_GROUP_BOOKKEEPING):
            seen["statements"] += 1

    event.listen(engine, "checkout", checkout)
    event.listen(engine, "before_cursor_execute", statement)
    try:
        yield seen
    finally:
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "before_cursor_execute", statement)


def _open_workout(sam: ApiUser) -> dict[str, Any]:
    assert sam.post("/api/v1/plans", json={"weekdays": EVERY_DAY, "weeks": 4}).status_code == 201
    started: dict[str, Any] = sam.post("/api/v1/workouts").json()
    return started


def test_todays_session_is_read_on_one_connection_with_one_query_per_need(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    sam = api_user("sam")
    card = next(c for c in _open_workout(sam)["cards"] if c["role"] == "main")
    # Some history to read: a day before, since a free set today joins the open workout.
    earlier = {"exercise_id": card["exercise_id"], "reps": 7, "date": "yesterday"}
    assert sam.post("/api/v1/sets", json=earlier).status_code == 201
    with counting(web) as seen:
        today = sam.get("/api/v1/today")
    assert today.status_code == 200
    shown = next(c for c in today.json()["cards"] if c["exercise_id"] == card["exercise_id"])
    assert "7" in shown["last"]
    # token (with the profile's units and a count of the person's own exercises: none, so
    # no catalogue query), the kit, today's check-in, the open workout (its targets in the
    # same row) and its sets, then every main item's history at once (workouts, their sets):
    # not queries per item.
    assert seen["checkouts"] == 1
    assert seen["statements"] <= 7


def test_a_set_logged_with_a_key_takes_one_connection_and_few_statements(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    sam = api_user("sam")
    today = _open_workout(sam)
    card = next(c for c in today["cards"] if c["role"] == "main")
    with counting(web) as seen:
        logged = sam.post(
            f"/api/v1/workouts/{today['workout_id']}/sets",
            json={"exercise_id": card["exercise_id"], "reps": 10},
            headers={"Idempotency-Key": uuid.uuid4().hex},
        )
    assert logged.status_code == 201, logged.text
    assert seen["checkouts"] == 1
    # token (with units and own exercises), claim the key, check the workout, lock it, its
    # start and last position together, the set, its digest read and written, the key's result.
    assert seen["statements"] <= 9


def test_the_library_and_history_ask_only_what_they_show(
    web: TestClient, api_user: Callable[..., ApiUser]
) -> None:
    sam = api_user("sam")
    card = next(c for c in _open_workout(sam)["cards"] if c["role"] == "main")
    assert sam.post("/api/v1/sets", json={"exercise_id": card["exercise_id"], "reps": 7}).is_success
    with counting(web) as seen:
        listed = sam.get("/api/v1/exercises", params={"limit": "20"})
    assert listed.status_code == 200 and len(listed.json()["exercises"]) == 20
    assert seen["statements"] == 1  # the token: the built-in list needs nothing else
    with counting(web) as seen:
        history = sam.get("/api/v1/history")
    assert history.status_code == 200 and history.json()["workouts"]
    assert seen["statements"] <= 3  # the token, the workouts, their sets
