"""Sends one request with an Idempotency-Key and kills its own process at a chosen step.

Usage: crash_requester.py DATABASE_URL DATA_DIR MOMENT TOKEN ROUTE KEY BODY STEP

The steps are where a server can die while it handles the request: right after the key is
claimed, after the set is written, after the answer is stored with the key, and after the
transaction commits (before the answer goes out). The process SIGKILLs itself there, the way
an out-of-memory killer or a pulled plug would end it: no cleanup, no rollback by Python.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from backtone.adapters.db.account_repository import SqlIdempotencyRepository
from backtone.adapters.db.group_commit import GroupCommit
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.adapters.db.workout_repository import SqlWorkoutRepository
from backtone.adapters.security import Argon2Hasher
from backtone.bootstrap import build
from backtone.config import Settings
from backtone.entrypoints.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


class FixedClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def kill_after(owner: type, name: str, when: Callable[[Any], bool] = lambda _: True) -> None:
    """Make `owner.name` kill the process once it has returned."""
    original = getattr(owner, name)

    def dying(self: Any, *args: Any, **kwargs: Any) -> Any:
        result = original(self, *args, **kwargs)
        if when(self):
            die()
        return result

    setattr(owner, name, dying)


def database_url_is_sqlite() -> bool:
    return sys.argv[1].startswith("sqlite")


def arm(step: str) -> None:
    """Set the process to die right after `step`."""
    if step == "claim":
        kill_after(SqlIdempotencyRepository, "claim")
    elif step == "write":
        kill_after(SqlWorkoutRepository, "append_sets")
        kill_after(SqlWorkoutRepository, "add_unless_taken")
    elif step == "result":
        kill_after(SqlIdempotencyRepository, "complete")
    elif step == "commit":
        # On PostgreSQL the outermost block's commit reaches the database (the request's, at
        # its end); on SQLite that one releases the request's savepoint in its writer's group,
        # and the group's commit makes it durable.
        if database_url_is_sqlite():
            kill_after(GroupCommit, "commit_group")
        else:
            kill_after(SqlUnitOfWork, "commit", lambda uow: uow._depth == 1)
    else:
        raise SystemExit(f"unknown step {step!r}")


def main(
    database_url: str,
    data_dir: str,
    moment: str,
    token: str,
    route: str,
    key: str,
    body: str,
    step: str,
) -> None:
    settings = Settings(data_dir=Path(data_dir), database_url=database_url, environment="test")
    backtone = build(settings, clock=FixedClock(datetime.fromisoformat(moment)))
    app = create_app(settings, backtone=backtone, hasher=Argon2Hasher(fast=True))
    arm(step)
    with TestClient(app) as client:
        answer = client.post(
            route,
            json=json.loads(body),
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
        )
    print(f"not killed: {answer.status_code} {answer.text}")  # the test fails on this


if __name__ == "__main__":
    main(*sys.argv[1:])
