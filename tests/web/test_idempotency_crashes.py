"""A server dies at each step of a request with an Idempotency-Key; the retry makes it whole.

The request runs in a real process that SIGKILLs itself right after one step (the key
claimed, the set written, the answer stored, the transaction committed), on SQLite and on
PostgreSQL, for both routes that log a set. The retry with the same key then stores exactly
one set in all, and answers with the first answer whenever there was one to keep.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from tests.conftest import REPO, FixedClock
from tests.web.conftest import EVERY_DAY, ApiUser

STEPS = ["claim", "write", "result", "commit"]


def killed_at(step: str, database_url: str, data_dir: Path, clock: FixedClock, token: str,
              route: str, key: str, body: dict[str, Any]) -> None:  # fmt: skip
    """Send the request from a process that dies right after `step`."""
    done = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("crash_requester.py")),
            database_url,
            str(data_dir),
            clock.now().isoformat(),
            token,
            route,
            key,
            json.dumps(body),
            step,
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr


def stored(engine: Engine, query: str) -> Any:
    with engine.connect() as connection:
        return connection.execute(text(query)).all()


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("route", ["free log", "guided workout"])
def test_a_retry_after_the_server_died_stores_the_set_once_and_answers_as_first(
    step: str,
    route: str,
    engine: Engine,
    database_url: str,
    web: TestClient,
    api_user: Any,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    sam: ApiUser = api_user("sam")
    body: dict[str, Any] = {"exercise_id": "pull-up", "reps": 7}
    url = "/api/v1/sets"
    if route == "guided workout":
        assert sam.post("/api/v1/plans", json={"weekdays": EVERY_DAY}).status_code == 201
        today = sam.post("/api/v1/workouts").json()
        card = next(c for c in today["cards"] if c["role"] == "main")
        body["exercise_id"] = card["exercise_id"]
        url = f"/api/v1/workouts/{today['workout_id']}/sets"
    key = uuid.uuid4().hex

    killed_at(step, database_url, tmp_path, clock, sam.token, url, key, body)
    kept = stored(engine, "SELECT result FROM idempotency_keys")
    # Claim, set and answer commit together: before the commit nothing at all is kept.
    assert len(stored(engine, "SELECT id FROM logged_sets")) == (1 if step == "commit" else 0)
    assert len(kept) == (1 if step == "commit" else 0)

    retry = sam.post(url, json=body, headers={"Idempotency-Key": key})
    assert retry.status_code == 201, retry.text
    assert len(stored(engine, "SELECT id FROM logged_sets")) == 1
    replayed = retry.headers.get("Idempotency-Replayed") == "true"
    assert replayed == (step == "commit")
    if step == "commit":
        first = kept[0][0]
        assert retry.json() == (json.loads(first) if isinstance(first, str) else first)
    again = sam.post(url, json=body, headers={"Idempotency-Key": key})
    assert (again.status_code, again.json()) == (201, retry.json())
    assert again.headers.get("Idempotency-Replayed") == "true"
    assert len(stored(engine, "SELECT id FROM logged_sets")) == 1
