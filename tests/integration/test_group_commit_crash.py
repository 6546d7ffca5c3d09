"""Kill the writer between queue and commit: no acknowledged set is missing after a restart."""

from __future__ import annotations

import sqlite3
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.integration.server_processes import (
    logged_reps,
    open_workout,
    server_env,
    sign_up,
    start,
)

WRITERS = 16  # people logging at once, each set after the last was answered
DIE_AT_GROUP = 6  # counted from when the load starts


def test_no_acknowledged_set_is_lost_when_the_writer_dies_before_its_commit(
    tmp_path: Path,
) -> None:
    env = server_env(tmp_path)
    server = start(env)
    with server.client() as client:
        auth = sign_up(client, "sam")
        workout, exercise = open_workout(client, auth)
    server.stop()

    script = str(Path(__file__).with_name("dying_writer.py"))
    dying = start(env, [sys.executable, script, str(server.port), str(DIE_AT_GROUP)], server.port)

    def log(first: int) -> tuple[set[int], set[int]]:
        """Sets sent one after another until the server dies: (sent, acknowledged)."""
        sent: set[int] = set()
        acked: set[int] = set()
        with dying.client() as client:
            for reps in range(first, 1000, WRITERS):  # every writer's reps are its own
                sent.add(reps)
                try:
                    done = client.post(
                        f"/api/v1/workouts/{workout}/sets",
                        json={"exercise_id": exercise, "reps": reps},
                        headers=auth,
                    )
                except httpx.HTTPError:
                    break
                if done.status_code == 201:
                    acked.add(reps)
        return sent, acked

    with ThreadPoolExecutor(WRITERS) as pool:
        answers = list(pool.map(log, range(1, WRITERS + 1)))
    assert dying.process.wait(timeout=30) == 9  # the writer died where it was told to
    sent = set().union(*(s for s, _ in answers))
    acknowledged = set().union(*(a for _, a in answers))

    restarted = start(env, port=server.port)
    try:
        with restarted.client() as client:
            stored = set(logged_reps(client, auth))
    finally:
        restarted.stop()
    assert acknowledged, "no group was committed before the one that died"
    assert acknowledged <= stored  # every set the server said yes to is there
    assert sent - stored  # and the dying group's sets were queued, never committed
    with sqlite3.connect(tmp_path / "backtone.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
