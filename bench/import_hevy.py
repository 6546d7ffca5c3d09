"""Importing a 100,000-row Hevy export, and a 50 MB one in bounded memory.

Aims: 100,000 rows imported in under 5 s; a 50 MB file imported in under 200 MB peak
memory. See bench/history_files.py for how the files are made and measured.

Run: .venv/bin/python bench/import_hevy.py
"""

from __future__ import annotations

from pathlib import Path

from backtone.domain.importing import HistoryFormat
from history_files import SHARED, run, shift_hevy

if __name__ == "__main__":
    run(
        Path(__file__).resolve(),
        "hevy",
        SHARED / "hevy" / "hevy_export_2025.csv",
        HistoryFormat.HEVY,
        shift_hevy,
    )
