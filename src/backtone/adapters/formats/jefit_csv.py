"""JEFIT's export: one text file in sections, each with its own CSV header.

Sections open with a banner line such as `### WORKOUT SESSIONS ###` (some versions pad it
with more `#`) and close with a line of `#` only. Two matter here:
- WORKOUT SESSIONS: `_id`, `mydate`, `starttime` (Unix seconds; `starttimie` in some versions,
  a typo JEFIT kept), `total_time` (seconds).
- EXERCISE LOGS: `belongsession`, `mydate`, `ename`, `logs` with every set packed in one cell
  as `weight x reps` pairs: `100x5,100x5,90x8`.
The file states no weight unit (it is a setting of the app), so the person must give it.
A log row is one exercise with its sets; a row whose session is unknown is placed on its date.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from backtone.adapters.formats.csv_rows import text_lines
from backtone.domain.errors import InvalidInput
from backtone.domain.importing import (
    FormatError,
    ImportedSet,
    ParseReport,
    ReadOptions,
    RowOutcome,
    RowRead,
    UnitNeeded,
    WorkoutHead,
    check_workout_seconds,
    collect,
    parse_decimal,
    parse_local_datetime,
)
from backtone.domain.training import WeightUnit

_BANNER = re.compile(r"#{2,}\s*([A-Za-z][A-Za-z0-9 _&/-]*?)\s*#*")
_PAIR = re.compile(r"(-?\d+(?:[.,]\d+)?)\s*[x×X*]\s*(\d+)")
_SESSIONS, _LOGS = "WORKOUT SESSIONS", "EXERCISE LOGS"


class JefitReader:
    """Streams the exercise-log rows of a JEFIT export, placed in their sessions."""

    def __init__(self, lines: Iterable[str], options: ReadOptions | None = None) -> None:
        options = options or ReadOptions()
        self._lines = enumerate(text_lines(lines), start=1)
        self._options = options
        first = self._first_banner()
        if first is None:
            raise FormatError(
                1, "is not a JEFIT export: no section such as ### EXERCISE LOGS ###",
                "a JEFIT export (one file in ### sections)",
            )  # fmt: skip
        self._section: str | None = first
        if options.weight_unit is None:
            raise UnitNeeded("JEFIT")
        self._unit: WeightUnit = options.weight_unit
        self._sessions: dict[str, WorkoutHead] = {}
        self._days: dict[str, WorkoutHead] = {}

    def _first_banner(self) -> str | None:
        for _, line in self._lines:
            text = line.strip().lstrip("\ufeff")
            if not text:
                continue
            banner = _BANNER.fullmatch(text)
            return banner[1].upper() if banner else None
        return None

    def __iter__(self) -> Iterator[RowRead]:
        header: list[str] | None = None
        for number, line in self._lines:
            text = line.strip()
            if not text:
                continue
            if text.startswith("##"):
                banner = _BANNER.fullmatch(text)
                self._section = banner[1].upper() if banner else None
                header = None
                continue
            if self._section not in (_SESSIONS, _LOGS):
                continue
            cells = next(csv.reader([text]))
            if header is None:
                header = [cell.strip().lower() for cell in cells]
                continue
            values = dict(zip(header, (cell.strip() for cell in cells), strict=False))
            try:
                if self._section == _SESSIONS:
                    self._add_session(number, values)
                else:
                    yield self._log_row(number, values)
            except InvalidInput as error:
                yield RowRead.failed(number, error)

    def _add_session(self, line: int, values: dict[str, str]) -> None:
        session = values.get("_id", "")
        day = values.get("mydate", "")
        stamp = values.get("starttime") or values.get("starttimie") or ""
        seconds = parse_decimal(stamp, "starttime")
        if seconds:
            started = datetime.fromtimestamp(seconds, UTC)
        else:
            started = parse_local_datetime(day, self._options.tz, "mydate")
        total = parse_decimal(values.get("total_time", ""), "total_time")
        duration = check_workout_seconds(total, "total_time") if total else None
        self._sessions[session] = WorkoutHead(f"session {session} {day}", line, started,
                                              duration_seconds=duration)  # fmt: skip

    def _log_row(self, line: int, values: dict[str, str]) -> RowRead:
        head = self._sessions.get(values.get("belongsession", ""))
        day = values.get("mydate", "")
        if head is None:
            head = self._days.get(day)
        if head is None:
            started = parse_local_datetime(day, self._options.tz, "mydate")
            head = self._days[day] = WorkoutHead(f"day {day}", line, started)
        name = values.get("ename", "")
        sets: list[ImportedSet] = []
        for token in values.get("logs", "").split(","):
            token = token.strip()
            if not token:
                continue
            pair = _PAIR.fullmatch(token)
            if pair is None:
                raise InvalidInput("logs", f"{token!r} is not weight x reps", "e.g. 100x5")
            weight = float(pair[1].replace(",", "."))
            reps = int(pair[2])
            if not reps and not weight:
                continue
            load = self._unit.to_kg(weight) if weight > 0 else None
            sets.append(ImportedSet(line=line, exercise_name=name, reps=reps, load_kg=load))
        if not sets:
            return RowRead(line, RowOutcome.EMPTY, head)
        return RowRead(line, RowOutcome.SETS, head, tuple(sets))


def read_jefit(lines: Iterable[str], options: ReadOptions | None = None) -> ParseReport:
    """Every workout of a JEFIT export, with the problems found."""
    return collect(JefitReader(lines, options))
