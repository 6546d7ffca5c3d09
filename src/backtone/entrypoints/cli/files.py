"""Files the CLI writes: complete or not at all, so a full disk never leaves half an export."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def written(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A file to write at `path`: a temporary file beside it, put in its place once the block
    ends well and removed if it fails. A device or pipe (/dev/stdout) is written directly."""
    mode = "wb" if binary else "w"
    encoding = None if binary else "utf-8"
    newline = None if binary else ""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if path.exists() and not path.is_file():
        try:
            with path.open(mode, encoding=encoding, newline=newline) as out:
                yield out
        except OSError as error:
            raise _naming(error, path) from None
        return
    folder = path.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(folder))
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, mode, encoding=encoding, newline=newline) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _naming(error, path) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _naming(error: OSError, path: Path) -> OSError:
    """The error with the file the person named (a write does not say which file it was)."""
    if error.filename is None or str(error.filename).endswith(".part"):
        return type(error)(error.errno, error.strerror, str(path))
    return error


def write_file(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` whole, or leave what was there."""
    with written(path, binary=isinstance(data, bytes)) as out:
        out.write(data)
