"""Requests that may be retried: the first result is kept and handed back to every retry.

One mechanism for every route that takes an `Idempotency-Key`: the key is claimed, the
action writes, and its result is stored in one transaction (the caller's, when the action
runs inside a larger unit of work such as a web request's). So a crash at any step leaves
either nothing, and the retry runs the action, or the key with its result, and the retry gets
that result back: never a stored write without its answer, or a claim without a write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from backtone.domain.errors import Conflict, InvalidInput
from backtone.services.ports import Clock, UnitOfWork

MAX_KEY = 200
# A claim with no result can only be left by a request that died mid-way under an older
# backtone (claim and result now commit together) or one still running: one older than this
# is taken over by the next retry.
CLAIM_EXPIRES = timedelta(minutes=2)


def run_once(
    *,
    uow: UnitOfWork,
    clock: Clock,
    user_id: int,
    key: str,
    fingerprint: str,
    action: Callable[[], dict[str, object]],
) -> tuple[dict[str, object], bool]:
    """Run `action` unless this person already sent `key`; returns (result, replayed).

    `action` writes through the same unit of work and does not commit: its writes, the key
    and the result are committed here together, or by the caller's outer block.
    """
    if not 1 <= len(key) <= MAX_KEY:
        raise InvalidInput("Idempotency-Key", f"has {len(key)} characters", f"1-{MAX_KEY}")
    now = clock.now()
    with uow:
        claimed = uow.idempotency.claim(user_id, key, fingerprint, now)
        if not claimed:
            found = uow.idempotency.stored(user_id, key)
            assert found is not None
            stored_fingerprint, result = found
            if result is not None:
                if stored_fingerprint != fingerprint:
                    raise Conflict("Idempotency-Key: already used for a different request")
                return result, True
            if not uow.idempotency.take_over(
                user_id, key, fingerprint, now, stale_before=now - CLAIM_EXPIRES
            ):
                raise Conflict("Idempotency-Key: the first request is still being processed")
        result = action()
        uow.idempotency.complete(user_id, key, result)
        uow.commit()
    return result, False
