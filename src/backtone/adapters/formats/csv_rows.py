"""What every CSV codec shares: opening the text, numbering rows, units as apps spell them."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Protocol, TypeVar

from backtone.domain.errors import InvalidInput
from backtone.domain.importing import FormatError, RowOutcome, RowRead
from backtone.domain.training import WeightUnit

T = TypeVar("T")
Row = tuple[int, list[str]]

# Every spelling the apps write, folded by `_fold` (lower case, no trailing dot).
WEIGHT_UNITS: dict[str, WeightUnit] = {
    "kg": WeightUnit.KG, "kgs": WeightUnit.KG, "kilo": WeightUnit.KG, "kilos": WeightUnit.KG,
    "kilogram": WeightUnit.KG, "kilograms": WeightUnit.KG,
    "lb": WeightUnit.LB, "lbs": WeightUnit.LB, "pound": WeightUnit.LB, "pounds": WeightUnit.LB,
}  # fmt: skip
METRES_PER: dict[str, float] = {
    "m": 1.0, "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0,
    "km": 1000.0, "kms": 1000.0, "kilometer": 1000.0, "kilometers": 1000.0,
    "kilometre": 1000.0, "kilometres": 1000.0,
    "mi": 1609.344, "mile": 1609.344, "miles": 1609.344,
    "ft": 0.3048, "foot": 0.3048, "feet": 0.3048,
    "yd": 0.9144, "yds": 0.9144, "yard": 0.9144, "yards": 0.9144,
}  # fmt: skip


class TextSink(Protocol):
    def write(self, text: str, /) -> object: ...


class LineSource(Protocol):
    """A file that can be read from its start as often as needed (services.ports.TextSource)."""

    @property
    def name(self) -> str: ...

    def lines(self) -> Iterator[str]: ...


def fold_unit(text: str) -> str:
    """A unit as typed ('Mi.', ' LBS ') folded to look it up ('mi', 'lbs')."""
    return text.strip().lower().rstrip(".").strip()


def unit_of(text: str, field: str, known: Mapping[str, T], default: T) -> T:
    """The unit a cell names, or `default` for an empty cell; an unknown one is refused."""
    folded = fold_unit(text)
    if not folded:
        return default
    unit = known.get(folded)
    if unit is None:
        raise InvalidInput(field, f"{text.strip()!r} is not a known unit", ", ".join(known))
    return unit


def default_distance(options_unit: str | None, weight_unit: WeightUnit | None) -> float:
    """Metres per unit for distances in files that state none: km, or miles with pounds."""
    if options_unit is not None:
        return unit_of(options_unit, "distance unit", METRES_PER, 1000.0)
    return METRES_PER["mi"] if weight_unit is WeightUnit.LB else METRES_PER["km"]


def open_csv(lines: Iterable[str], expected: str) -> tuple[list[str], str, Iterator[Row]]:
    """The header, the separator and the numbered rows of a CSV text; shared by the codecs.

    The separator is whichever of ',', ';' or tab the header uses most. A BOM, an empty
    file, bytes that are not UTF-8 text and NUL bytes are caught here as FormatError.
    Each row comes with the line it starts on (a quoted field may span several lines).
    """
    text = text_lines(lines)
    first = next(text, "").lstrip("\ufeff")
    while first and not first.strip():  # blank lines before the header
        first = next(text, "")
    if not first.strip():
        raise FormatError(1, "the file is empty", f"{expected} with its header line")
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(itertools.chain([first], text), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as error:
        raise FormatError(1, f"cannot be read as a CSV header ({error})", expected) from None

    def rows() -> Iterator[Row]:
        previous = reader.line_num
        try:
            for row in reader:
                start, previous = previous + 1, reader.line_num
                if row and (len(row) > 1 or row[0].strip()):
                    yield start, row
        except csv.Error as error:
            raise FormatError(reader.line_num, f"cannot be read as CSV ({error})") from None

    return header, delimiter, rows()


def read_rows(
    rows: Iterator[Row], header: list[str], read_row: Callable[[int, list[str]], RowRead]
) -> Iterator[RowRead]:
    """Each numbered row read by `read_row`; a row that cannot be read becomes a problem
    with its line, a copy of the header (two files joined) is counted, and the rest go on."""
    first = header[0].strip().lower() if header else ""
    folded = [cell.strip().lower() for cell in header]
    for line, row in rows:
        if row[0].strip().lower() == first and [c.strip().lower() for c in row] == folded:
            yield RowRead(line, RowOutcome.HEADER)
            continue
        try:
            yield read_row(line, row)
        except InvalidInput as error:
            yield RowRead.failed(line, error)


def check_row_width(row: list[str], width: int, separator: str) -> None:
    """A row must have one value per header column."""
    if len(row) != width:
        raise InvalidInput(
            "row",
            f"has {len(row)} fields but the header has {width}",
            f"one value per column; quote text that holds {separator}",
        )


def text_lines(lines: Iterable[str]) -> Iterator[str]:
    """The lines, refusing binary files with the line where it shows."""
    number = 0
    iterator = iter(lines)
    while True:
        try:
            line = next(iterator)
        except StopIteration:
            return
        except UnicodeDecodeError:
            raise FormatError(
                number + 1, "is not UTF-8 text: a binary file, or text in another encoding",
                "a CSV export saved as UTF-8",
            ) from None  # fmt: skip
        number += 1
        if "\x00" in line:
            raise FormatError(number, "holds NUL bytes: a binary file, not a CSV export",
                              "a CSV export saved as UTF-8")  # fmt: skip
        yield line


def plain_number(value: float, places: int = 4) -> str:
    """A number the way people write it: '100', '42.5', '6.8039'; '' for zero."""
    rounded = round(float(value), places)
    if not rounded:
        return ""
    if rounded.is_integer():
        return str(int(rounded))
    return f"{rounded:.{places}f}".rstrip("0").rstrip(".")
