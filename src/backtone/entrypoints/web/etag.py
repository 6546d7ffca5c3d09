"""Answers that cost nothing twice: a body rendered once, sent with an ETag, 304 on a match.

The tag is a digest of the body itself, so every process and every server gives the same
answer the same tag, and a person's own exercises (which change the body) change it too.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request, Response

# Behind a sign-in: a client may keep it, but asks again each time (and gets a 304).
CACHE_CONTROL = "private, no-cache"


@dataclass(frozen=True)
class Rendered:
    body: bytes
    etag: str  # quoted, as the header carries it

    @classmethod
    def of(cls, body: bytes) -> Rendered:
        return cls(body, '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"')


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether a client's If-None-Match names this tag (weak comparison, as RFC 9110 asks)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(t.strip().removeprefix("W/") == etag for t in if_none_match.split(","))


def answer(request: Request, rendered: Rendered) -> Response:
    """The JSON body, or 304 Not Modified when the client holds it already."""
    headers = {"ETag": rendered.etag, "Cache-Control": CACHE_CONTROL}
    if matches(request.headers.get("if-none-match"), rendered.etag):
        return Response(status_code=304, headers=headers)
    return Response(rendered.body, media_type="application/json", headers=headers)


class RenderCache:
    """Bodies by key, kept for the life of the process; the least used go past `size`."""

    def __init__(self, size: int = 512) -> None:
        self._size = size
        self._bodies: OrderedDict[str, Rendered] = OrderedDict()
        self._lock = threading.Lock()  # plain `def` routes run on the threadpool

    def get(self, key: str, render: Callable[[], bytes]) -> Rendered:
        with self._lock:
            found = self._bodies.get(key)
            if found is not None:
                self._bodies.move_to_end(key)
                return found
        made = Rendered.of(render())
        with self._lock:
            self._bodies[key] = made
            if len(self._bodies) > self._size:
                self._bodies.popitem(last=False)
        return made
