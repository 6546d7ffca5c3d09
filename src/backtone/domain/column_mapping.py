"""Which column of a person's own CSV holds what: the mapping behind the generic importer.

A log kept in a spreadsheet, or exported by an app backtone has no reader for, names its
columns its own way. The person says once which column is the date, the exercise, the weight
and so on (backtone guesses first from common names); the mapping is saved under the file's
header and used again for every file with that header.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from backtone.domain.errors import InvalidInput
from backtone.domain.training import WeightUnit

DATE_ORDERS = ("ymd", "dmy", "mdy")
DISTANCE_UNITS = ("m", "km", "mi", "ft", "yd")


class Column(StrEnum):
    """What a column can hold; `date` and `exercise` are needed, and one amount."""

    DATE = "date"
    TIME = "time"
    WORKOUT = "workout"
    EXERCISE = "exercise"
    WEIGHT = "weight"
    WEIGHT_UNIT = "weight-unit"
    REPS = "reps"
    SECONDS = "seconds"
    DISTANCE = "distance"
    DISTANCE_UNIT = "distance-unit"
    RPE = "rpe"
    RIR = "rir"
    NOTES = "notes"
    SET_TYPE = "set-type"


_AMOUNTS = (Column.REPS, Column.SECONDS, Column.DISTANCE)

# Header words that usually mean a column, checked in this order (first match wins).
_GUESSES: tuple[tuple[Column, str], ...] = (
    (Column.WEIGHT_UNIT, r"weight ?unit|load ?unit|^unit$|^units$"),
    (Column.DISTANCE_UNIT, r"distance ?unit"),
    (Column.SET_TYPE, r"set ?type|^type$|warm ?up|kind"),
    (Column.DATE, r"^date|^day$|^when$|date ?time|timestamp|^datum"),
    (Column.TIME, r"^time$|^start ?time|^clock"),
    (Column.WORKOUT, r"workout|session|routine|^day name$"),
    (Column.EXERCISE, r"exercise|movement|^lift$|^name$|^exercice"),
    (Column.WEIGHT, r"weight|load|^kgs?$|^kilos?$|^kilograms?$|^lbs?$|^pounds?$|^mass"),
    (Column.REPS, r"^reps?$|repetitions|rep count|completed reps|^wdh"),
    (Column.SECONDS, r"second|duration|^secs?$|hold"),
    (Column.DISTANCE, r"distance|^km$|^miles?$|^meters?$|^metres?$"),
    (Column.RPE, r"rpe|exertion"),
    (Column.RIR, r"rir|reserve"),
    (Column.NOTES, r"note|comment|remark"),
)


@dataclass(frozen=True)
class ColumnMapping:
    """Column header per field, and what the file leaves unsaid (units, date order)."""

    columns: Mapping[Column, str]
    weight_unit: WeightUnit = WeightUnit.KG
    distance_unit: str = "km"
    date_order: str = "ymd"
    saved: bool = field(default=False, compare=False)  # read back from an earlier import

    def __post_init__(self) -> None:
        if self.date_order not in DATE_ORDERS:
            raise InvalidInput("date order", f"{self.date_order!r}", list(DATE_ORDERS))
        if self.distance_unit not in DISTANCE_UNITS:
            raise InvalidInput("distance unit", f"{self.distance_unit!r}", list(DISTANCE_UNITS))

    def check(self, header: Sequence[str]) -> None:
        """The mapping must name columns the header has, and the fields an import needs."""
        present = {cell.strip() for cell in header}
        for column, name in self.columns.items():
            if name not in present:
                raise InvalidInput(
                    f"column for {column.value}",
                    f"the file has no column {name!r}",
                    ", ".join(h for h in header if h.strip()),
                )
        missing = [c.value for c in (Column.DATE, Column.EXERCISE) if c not in self.columns]
        if missing:
            raise InvalidInput(
                "column mapping", "says no column for " + " and ".join(missing), "--column"
            )
        if not any(c in self.columns for c in _AMOUNTS):
            raise InvalidInput(
                "column mapping",
                "says no column for reps, seconds or distance",
                "at least one of them",
            )

    def to_dict(self) -> dict[str, Any]:
        return {
            "columns": {c.value: name for c, name in self.columns.items()},
            "weight_unit": self.weight_unit.value,
            "distance_unit": self.distance_unit,
            "date_order": self.date_order,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, saved: bool = False) -> ColumnMapping:
        columns = {Column(k): str(v) for k, v in dict(data.get("columns", {})).items()}
        return cls(
            columns=columns,
            weight_unit=WeightUnit(data.get("weight_unit", "kg")),
            distance_unit=str(data.get("distance_unit", "km")),
            date_order=str(data.get("date_order", "ymd")),
            saved=saved,
        )


def header_key(header: Iterable[str]) -> str:
    """A short fingerprint of a header, under which its column mapping is saved."""
    folded = "\x1f".join(" ".join(cell.lower().split()) for cell in header)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


def guess_columns(header: Sequence[str]) -> dict[Column, str]:
    """A first guess at the mapping from the header's words; the person corrects it."""
    guessed: dict[Column, str] = {}
    for cell in header:
        words = " ".join(re.findall(r"[a-z0-9]+", cell.lower()))
        for column, pattern in _GUESSES:
            if column not in guessed and re.search(pattern, words):
                guessed[column] = cell.strip()
                break
    return guessed


def parse_assignments(texts: Iterable[str]) -> dict[Column, str]:
    """`--column date=Day` options as a mapping; names what is allowed when one is wrong."""
    found: dict[Column, str] = {}
    for text in texts:
        name, sep, header = text.partition("=")
        try:
            column = Column(name.strip().lower())
        except ValueError:
            raise InvalidInput(
                "--column", f"{name.strip()!r} is not a field", [c.value for c in Column]
            ) from None
        if not sep or not header.strip():
            raise InvalidInput("--column", f"{text!r} names no column", "FIELD=HEADER")
        found[column] = header.strip()
    return found
