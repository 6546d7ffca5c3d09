"""Every history codec behind one door: which app wrote a file, its rows, and the writers.

This implements the `HistoryCodecs` port the import and export services use. Detection
looks at the header only: each app's export has column names no other app writes.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import tzinfo
from typing import TYPE_CHECKING

from backtone.adapters.formats.csv_rows import LineSource, TextSink
from backtone.adapters.formats.fitnotes_csv import FitNotesCsvReader
from backtone.adapters.formats.generic_csv import GenericCsvReader, csv_header
from backtone.adapters.formats.hevy_csv import HevyCsvReader, write_hevy_csv
from backtone.adapters.formats.jefit_csv import JefitReader
from backtone.adapters.formats.liftlog_csv import LiftLogCsvReader
from backtone.adapters.formats.liftosaur_csv import LiftosaurCsvReader
from backtone.adapters.formats.openweight_json import OpenWeightReader, write_openweight
from backtone.adapters.formats.strong_csv import StrongCsvReader, write_strong_csv
from backtone.adapters.formats.stronglifts_csv import StrongLiftsCsvReader
from backtone.domain.errors import InvalidInput
from backtone.domain.importing import (
    FormatError,
    HistoryFormat,
    ReadOptions,
    RowRead,
    WrongFormat,
)
from backtone.domain.training import WeightUnit

if TYPE_CHECKING:
    from backtone.domain.training import Workout

WRITABLE = (HistoryFormat.STRONG, HistoryFormat.HEVY, HistoryFormat.OPENWEIGHT)


def detect_format(lines: Iterable[str]) -> HistoryFormat | None:
    """The app that wrote a file, from its first line; None for a CSV of no known app."""
    first = ""
    for line in itertools.islice(lines, 20):
        first = line.lstrip("\ufeff").strip()
        if first:
            break
    if not first:
        return None
    if first.startswith("#"):
        return HistoryFormat.JEFIT
    if first[0] in "[{":
        return HistoryFormat.OPENWEIGHT
    delimiter = max(",;\t", key=first.count)
    try:
        cells = next(csv.reader([first], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return None
    names = {cell.strip().lower() for cell in cells}
    if {"exercise_title", "start_time"} <= names:
        return HistoryFormat.HEVY
    if {"exercise name", "set order"} <= names:
        return HistoryFormat.STRONG
    if {"workout datetime", "is warmup set?"} <= names:
        return HistoryFormat.LIFTOSAUR
    if {"sessionid", "timestamp", "exercise"} <= names:
        return HistoryFormat.LIFTLOG
    if "set 1 (reps)" in names or any(name.startswith("date (yyyy") for name in names):
        return HistoryFormat.STRONGLIFTS
    if {"date", "exercise", "category"} <= names:
        return HistoryFormat.FITNOTES
    return None


def _first_lines(source: LineSource) -> list[str]:
    lines = source.lines()
    try:
        return list(itertools.islice(lines, 20))
    except UnicodeDecodeError:
        raise FormatError(
            1, "is not UTF-8 text: a binary file, or text in another encoding",
            "an export saved as UTF-8",
        ) from None  # fmt: skip
    finally:
        close = getattr(lines, "close", None)
        if close is not None:
            close()


class HistoryCodecs:
    """The codecs for every format backtone reads, and the ones it writes."""

    def detect(self, source: LineSource) -> HistoryFormat | None:
        """The app that wrote this file, or None for a CSV of no known app."""
        return detect_format(_first_lines(source))

    def header(self, source: LineSource) -> list[str]:
        """The header cells of a CSV file (for a column mapping)."""
        return csv_header(_first_lines(source))

    def read(
        self, source: LineSource, chosen: HistoryFormat, options: ReadOptions
    ) -> Iterator[RowRead]:
        """The rows of the file read as `chosen`; another app's file is named as such."""
        detected = self.detect(source)
        if chosen is not HistoryFormat.CSV and detected not in (None, chosen):
            assert detected is not None
            raise WrongFormat(chosen, detected)
        lines = source.lines()
        if chosen is HistoryFormat.CSV:
            if options.columns is None:
                raise InvalidInput("--column", "a CSV of your own needs its column mapping",
                                   "FIELD=HEADER for date, exercise, reps...")  # fmt: skip
            return iter(GenericCsvReader(lines, options.columns, options))
        reader = _READERS[chosen](lines, options)
        return iter(reader)

    def write(
        self,
        chosen: HistoryFormat,
        workouts: Iterable[Workout],
        names: Mapping[str, str],
        out: TextSink,
        *,
        tz: tzinfo,
        unit: WeightUnit,
    ) -> int:
        """Write workouts in an app's format; returns the sets written."""
        if chosen is HistoryFormat.STRONG:
            return write_strong_csv(workouts, names, out, tz, unit)
        if chosen is HistoryFormat.HEVY:
            return write_hevy_csv(workouts, names, out, tz, unit)
        if chosen is HistoryFormat.OPENWEIGHT:
            return write_openweight(workouts, names, out, tz, unit)
        raise InvalidInput("format", f"backtone does not write {chosen.label} files",
                           ", ".join(f.value for f in WRITABLE))  # fmt: skip


_READERS: dict[HistoryFormat, Callable[[Iterable[str], ReadOptions], Iterable[RowRead]]] = {
    HistoryFormat.STRONG: StrongCsvReader,
    HistoryFormat.HEVY: HevyCsvReader,
    HistoryFormat.FITNOTES: FitNotesCsvReader,
    HistoryFormat.STRONGLIFTS: StrongLiftsCsvReader,
    HistoryFormat.LIFTOSAUR: LiftosaurCsvReader,
    HistoryFormat.LIFTLOG: LiftLogCsvReader,
    HistoryFormat.JEFIT: JefitReader,
    HistoryFormat.OPENWEIGHT: OpenWeightReader,
}
