"""A consistent copy of a live SQLite database, using SQLite's online backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from backtone.domain.errors import InvalidInput


def copy_sqlite_database(engine: Engine, destination: Path) -> None:
    """Copy the database behind `engine` to `destination` (which must not exist yet)."""
    if destination.exists():
        raise InvalidInput(str(destination), "already exists", "a new file name")
    if not destination.parent.is_dir():
        raise InvalidInput(str(destination), "is in a folder that does not exist", "a new file")
    source = engine.raw_connection()
    try:
        target = sqlite3.connect(destination)
        try:
            source.driver_connection.backup(target)  # type: ignore[union-attr]
        finally:
            target.close()
    finally:
        source.close()
