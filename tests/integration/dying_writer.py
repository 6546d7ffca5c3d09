"""A one-process backtone server whose SQLite writer dies at its Nth group, just before COMMIT.

Run: python tests/integration/dying_writer.py PORT N  (settings from BACKTONE_* variables).
The process ends with os._exit, as a kill -9 would end it: no COMMIT, no answer, no cleanup.
"""

from __future__ import annotations

import os
import sys

import uvicorn
from sqlalchemy import Connection

from backtone.adapters.db.group_commit import GroupCommit
from backtone.entrypoints.web.app import app_from_env


def main(port: int, die_at: int) -> None:
    commit = GroupCommit.commit_group
    groups = 0

    def commit_or_die(self: GroupCommit, connection: Connection) -> None:
        nonlocal groups
        groups += 1
        if groups == die_at:
            os._exit(9)
        commit(self, connection)

    GroupCommit.commit_group = commit_or_die  # type: ignore[method-assign]
    uvicorn.run(app_from_env(), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
