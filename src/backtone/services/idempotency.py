"""Requests that may be retried: the first result is kept and handed back to every retry."""

from __future__ import annotations

from collections.abc import Callable

from backtone.domain.errors import Conflict, InvalidInput
from backtone.services.ports import Clock, UnitOfWork

MAX_KEY = 200


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

    The key is claimed in the same transaction as the action's writes, so a retry sees
    either nothing (and runs) or the claim (and gets the stored result). An action that does
    not commit by itself has its writes, the claim and the result committed here at once.
    """
    if not 1 <= len(key) <= MAX_KEY:
        raise InvalidInput("Idempotency-Key", f"has {len(key)} characters", f"1-{MAX_KEY}")
    with uow:
        if not uow.idempotency.claim(user_id, key, fingerprint, clock.now()):
            found = uow.idempotency.stored(user_id, key)
            assert found is not None
            stored_fingerprint, result = found
            if stored_fingerprint != fingerprint:
                raise Conflict("Idempotency-Key: already used for a different request")
            if result is None:
                raise Conflict("Idempotency-Key: the first request is still being processed")
            return result, True
        result = action()
        uow.idempotency.complete(user_id, key, result)
        uow.commit()
    return result, False
