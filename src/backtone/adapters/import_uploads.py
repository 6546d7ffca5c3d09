"""Files uploaded for import, kept under the data directory only while they are needed.

Each upload lives in `ROOT/<user id>/<token>/`: the file itself (under its own name, so
messages can point at `strong.csv:12`) and `state.json`, what the door knows about it (the
preview, the progress, the result). Another person's token is never looked for outside
their own folder. The file is removed as soon as its import ends or is cancelled; folders
left alone are swept away after a while. Several server processes share the folders, so
everything here goes through the file system (atomic renames, exclusive creation).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from backtone.adapters.text_files import FileSource
from backtone.domain.errors import InvalidInput, NotFound

_TOKEN = re.compile(r"[A-Za-z0-9_-]{22}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._() -]+")
_STATE = "state.json"
_LOCK = "running"  # in a person's folder while one of their imports runs
_CHUNK = 1 << 20


def clean_name(filename: str | None) -> str:
    """The file's own name, with nothing that could reach outside its folder."""
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", base).strip(" .")[-120:]
    return name or "upload.csv"


def size_words(size: int) -> str:
    """'50 MB', '2 kB': a size limit as people say it."""
    if size >= 1 << 20:
        return f"{size / (1 << 20):.3g} MB"
    return f"{size / 1024:.3g} kB"


class Upload:
    """One uploaded file and what is known about it."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder
        self.token = folder.name
        self.name = name

    @property
    def path(self) -> Path:
        return self.folder / self.name

    def source(self) -> FileSource:
        """The file, readable as often as the import needs (gone once it has ended)."""
        if not self.path.is_file():
            raise NotFound("uploaded file", self.name)
        return FileSource(self.path)

    def state(self) -> dict[str, Any]:
        try:
            found: dict[str, Any] = json.loads((self.folder / _STATE).read_text("utf-8"))
        except (OSError, ValueError):
            raise NotFound("import", self.token) from None
        return found

    def save_state(self, state: dict[str, Any]) -> None:
        """Replace the state at once: a reader sees the old one or the new one, never half."""
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=self.folder, prefix=".state-", delete=False
        ) as handle:
            json.dump(state, handle)
        Path(handle.name).replace(self.folder / _STATE)

    def drop_file(self) -> None:
        """Remove the uploaded file, keeping what became of it."""
        self.path.unlink(missing_ok=True)


class UploadStore:
    """Uploaded files per person under `root`, each known by a random token."""

    def __init__(self, root: Path, *, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def _person(self, user_id: int) -> Path:
        return self.root / str(int(user_id))

    def keep(self, user_id: int, filename: str | None, data: IO[bytes]) -> Upload:
        """Copy an upload in, refusing it (and keeping nothing) past `max_bytes`."""
        name = clean_name(filename)
        folder = self._person(user_id) / secrets.token_urlsafe(16)
        folder.mkdir(parents=True, mode=0o700)
        written = 0
        try:
            with (folder / name).open("wb") as out:
                while chunk := data.read(_CHUNK):
                    written += len(chunk)
                    if written > self.max_bytes:
                        limit = size_words(self.max_bytes)
                        raise InvalidInput(
                            "file",
                            f"{name} is larger than {limit}",
                            f"a file up to {limit}; import bigger ones with the command line "
                            "(backtone import history FILE)",
                        )
                    out.write(chunk)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return Upload(folder, name)

    def find(self, user_id: int, token: str) -> Upload:
        """One of this person's uploads; any other token (theirs or nobody's) is not found."""
        folder = self._person(user_id) / token
        if not _TOKEN.fullmatch(token) or not (folder / _STATE).is_file():
            raise NotFound("import", token)
        files = [p.name for p in folder.iterdir() if p.name != _STATE]
        names = [name for name in files if not name.startswith(".")]
        return Upload(folder, names[0] if names else "")

    def of(self, user_id: int) -> Iterator[Upload]:
        """This person's uploads, in no particular order."""
        person = self._person(user_id)
        if not person.is_dir():
            return
        for folder in person.iterdir():
            if folder.is_dir() and _TOKEN.fullmatch(folder.name):
                with contextlib.suppress(NotFound):
                    yield self.find(user_id, folder.name)

    def discard(self, upload: Upload) -> None:
        shutil.rmtree(upload.folder, ignore_errors=True)

    def lock(self, user_id: int, token: str) -> bool:
        """Mark one of this person's imports as running; False when one already is."""
        person = self._person(user_id)
        person.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(person / _LOCK, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            return False
        with os.fdopen(fd, "w") as handle:
            handle.write(token)
        return True

    def locked_by(self, user_id: int) -> str | None:
        """The token of the import now marked as running for this person, if any."""
        try:
            return (self._person(user_id) / _LOCK).read_text("utf-8").strip()
        except OSError:
            return None

    def unlock(self, user_id: int) -> None:
        (self._person(user_id) / _LOCK).unlink(missing_ok=True)

    def sweep(self, now: datetime, keep_for: timedelta) -> int:
        """Remove uploads untouched for `keep_for`; returns how many went.

        The state's `updated` time says when each was last touched; a running import is
        touched as it goes, so it stays while it makes progress.
        """
        removed = 0
        if not self.root.is_dir():
            return 0
        for person in self.root.iterdir():
            if not person.is_dir() or not person.name.isdigit():
                continue
            for upload in self.of(int(person.name)):
                try:
                    updated = datetime.fromisoformat(str(upload.state().get("updated")))
                except (NotFound, ValueError):
                    continue
                if now - updated > keep_for:
                    self.discard(upload)
                    removed += 1
        return removed

    def scratch(self) -> IO[str]:
        """A text file under the root that disappears when closed (for a download)."""
        folder = self.root / "exports"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return tempfile.TemporaryFile("w+", encoding="utf-8", newline="", dir=folder)
