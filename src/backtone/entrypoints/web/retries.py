"""Routes a client may retry: the `Idempotency-Key` header and the one way it is honoured.

Every route that takes the header runs its writes through `once`, which hands them to the
idempotency service: the key, the writes and the stored answer commit in the request's one
transaction, and a retry with the same key gets the first answer back with
`Idempotency-Replayed: true`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Annotated

from fastapi import Header, Response
from pydantic import BaseModel

from backtone.domain.account import Account
from backtone.entrypoints.web.deps import ClockDep, UowDep
from backtone.services.idempotency import run_once

IdempotencyKey = Annotated[
    str | None,
    Header(
        max_length=200,
        description="Any unique string (a UUID): a retry with the same key writes nothing "
        "twice and gets the first answer back.",
    ),
]
REPLAYED = "Idempotency-Replayed"


def once(
    *,
    uow: UowDep,
    clock: ClockDep,
    account: Account,
    key: str | None,
    action: Callable[[], dict[str, object]],
    scope: str,
    body: BaseModel | None = None,
) -> tuple[dict[str, object], bool]:
    """Run a writing action in the request's transaction; with a key, a retry gets the first
    answer back (True) instead of running it again. `scope` and `body` tell requests apart:
    the same key sent with another request is refused (409)."""
    if key is None:
        with uow:
            result = action()
            uow.commit()
        return result, False
    sent = scope + "\n" + (body.model_dump_json() if body is not None else "")
    return run_once(
        uow=uow,
        clock=clock,
        user_id=account.id,
        key=key,
        fingerprint=hashlib.sha256(sent.encode()).hexdigest(),
        action=action,
    )


def mark_replayed(response: Response, replayed: bool) -> None:
    if replayed:
        response.headers[REPLAYED] = "true"
