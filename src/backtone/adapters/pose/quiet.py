"""Keep the pose runtime's own log lines (LiteRT, XNNPACK, graph warnings) off the terminal.

The runtime writes them from native code straight to file descriptor 2, past Python's
logging, and reads no setting to turn them off. So while a model is open, descriptor 2 points
at the null device; Python's own error output goes to a copy of the real descriptor.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

_lock = threading.Lock()
_depth = 0
_saved: int | None = None


def terminal_stderr() -> TextIO:
    """A stream on a copy of the current stderr, which stays visible while logs are silenced."""
    sys.stderr.flush()
    return os.fdopen(os.dup(2), "w", buffering=1, encoding="utf-8", errors="replace")


@contextmanager
def native_logs_silenced(enabled: bool = True) -> Iterator[None]:
    """Send descriptor 2 to the null device for the block (nested and threaded uses share it)."""
    global _depth, _saved
    if not enabled:
        yield
        return
    with _lock:
        if _depth == 0:
            sys.stderr.flush()
            _saved = os.dup(2)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
            os.close(null)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                os.dup2(_saved, 2)
                os.close(_saved)
                _saved = None
