"""Files a person hands over (a path on the CLI, an upload on the web) as lines of text."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from backtone.domain.errors import InvalidInput


class FileSource:
    """A text file on disk, read as UTF-8 line by line each time it is asked for."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise InvalidInput(
                "file", f"{path} does not exist or is not a file", "a path to a file"
            )
        self.path = path
        self.name = path.name
        self.size = path.stat().st_size

    def lines(self) -> Iterator[str]:
        with self.path.open(encoding="utf-8", newline="") as handle:
            yield from handle


class BytesSource:
    """Bytes already in memory (an upload), read as UTF-8 line by line."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.data = data
        self.size = len(data)

    def lines(self) -> Iterator[str]:
        yield from io.TextIOWrapper(io.BytesIO(self.data), encoding="utf-8", newline="")
