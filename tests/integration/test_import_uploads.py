"""Uploaded files kept for an import: per person, under their own name, nothing outside."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backtone.adapters.import_uploads import UploadStore, clean_name
from backtone.domain.errors import InvalidInput, NotFound

NOW = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("strong_export_2024.csv", "strong_export_2024.csv"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\Hevy workouts.csv", "Hevy workouts.csv"),
        ("..", "upload.csv"),
        ("", "upload.csv"),
        (None, "upload.csv"),
        ("séance;rm -rf.csv", "s_ance_rm -rf.csv"),
    ],
)
def test_a_files_own_name_is_kept_without_anything_that_leaves_its_folder(
    given: str | None, kept: str
) -> None:
    assert clean_name(given) == kept


def test_an_upload_is_found_by_its_owner_only_and_by_no_crafted_token(tmp_path: Path) -> None:
    store = UploadStore(tmp_path, max_bytes=1000)
    upload = store.keep(7, "a.csv", io.BytesIO(b"Date,Exercise\n"))
    upload.save_state({"updated": NOW.isoformat()})
    assert store.find(7, upload.token).path.read_bytes() == b"Date,Exercise\n"
    for user, token in ((8, upload.token), (7, "../8/" + upload.token), (7, "x" * 22)):
        with pytest.raises(NotFound):
            store.find(user, token)


def test_an_upload_past_the_limit_leaves_nothing_behind(tmp_path: Path) -> None:
    store = UploadStore(tmp_path, max_bytes=2048)
    with pytest.raises(InvalidInput, match=r"big\.csv is larger than 2 kB"):
        store.keep(7, "big.csv", io.BytesIO(b"x" * 5000))
    assert list((tmp_path / "7").iterdir()) == []


def test_one_import_at_a_time_per_person(tmp_path: Path) -> None:
    store = UploadStore(tmp_path, max_bytes=1000)
    assert store.lock(7, "first") and not store.lock(7, "second")
    assert store.lock(8, "theirs")
    assert store.locked_by(7) == "first"
    store.unlock(7)
    assert store.lock(7, "second")


def test_uploads_untouched_for_a_while_are_swept(tmp_path: Path) -> None:
    store = UploadStore(tmp_path, max_bytes=1000)
    old = store.keep(7, "old.csv", io.BytesIO(b"1"))
    old.save_state({"updated": (NOW - timedelta(hours=2)).isoformat()})
    fresh = store.keep(8, "fresh.csv", io.BytesIO(b"2"))
    fresh.save_state({"updated": (NOW - timedelta(minutes=5)).isoformat()})
    assert store.sweep(NOW, timedelta(hours=1)) == 1
    assert [u.name for u in store.of(8)] == ["fresh.csv"]
    assert list(store.of(7)) == []
