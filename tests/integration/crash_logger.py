"""Logs sets in a loop and prints 'ack N' after each commit; the crash test kills it."""

from __future__ import annotations

import sys
from pathlib import Path

from backtone.bootstrap import build
from backtone.config import Settings
from backtone.domain.quicklog import parse_sets
from backtone.services.training_log import log_sets
from backtone.services.users import ensure_local_user
from tests.factories import caller_at


def main(data_dir: str, first: int) -> None:
    app = build(Settings(data_dir=Path(data_dir)))
    me = ensure_local_user(uow=app.uow(), clock=app.clock, name="me")
    n = first
    while True:
        log_sets(
            uow=app.uow(),
            clock=app.clock,
            caller=caller_at(app.clock, me.id),
            exercise="pull-up",
            sets=parse_sets("5"),
            notes=f"ack-{n}",
        )
        print(f"ack {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
