"""Importing a 100,000-row Strong export, and a 50 MB one in bounded memory.

Aims: 100,000 rows imported in under 5 s; a 50 MB file imported in under 200 MB peak
memory. See bench/history_files.py for how the files are made and measured.

Run: .venv/bin/python bench/import_strong.py
"""

from __future__ import annotations

from pathlib import Path

from backtone.domain.importing import HistoryFormat
from history_files import SHARED, run, shift_strong

if __name__ == "__main__":
    run(
        Path(__file__).resolve(),
        "strong",
        SHARED / "strong" / "strong_export_2024.csv",
        HistoryFormat.STRONG,
        shift_strong,
    )
