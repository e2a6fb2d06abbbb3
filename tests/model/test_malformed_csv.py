"""Malformed files, as people and programs really produce them: the loader names each one where it
is (file, row, column, reason), and what spreadsheets commonly write loads as if it were not there.

The error panel that shows these problems is tested once per page in tests/pages/test_pages.py,
and with a sample of these kinds through the real server in tests/browser/test_malformed_in_browser.py.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from lib.i18n import ENGLISH, use_language
from lib.model.load import DATA_DIR, Problem, read_dataset

Change = Callable[[bytes], bytes]


@dataclass(frozen=True)
class Malformed:
    file: str
    change: Change
    reason: str  # a phrase of the problem the reader is shown
    row: int | str | None = None  # a spreadsheet row number, or the id of the record whose row it is
    column: str | None = None


def _rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def _csv_bytes(rows: list[list[str]], **options: object) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, **options).writerows(rows)
    return out.getvalue().encode("utf-8")


def _every_data_line(data: bytes, suffix: bytes) -> bytes:
    lines = data.split(b"\n")
    return b"\n".join([lines[0], *(line + suffix if line else line for line in lines[1:])])


def _cell(row_id: str, column: str, value: str) -> Change:
    """Set one cell of the row with id `row_id`."""

    def change(data: bytes) -> bytes:
        rows = _rows_of(data)
        index = rows[0].index(column)
        for row in rows[1:]:
            if row and row[0] == row_id:
                row[index] = value
        return _csv_bytes(rows, lineterminator="\n")

    return change


def _row_of(file: str, row: int | str | None) -> int | None:
    """A row number as given, or the spreadsheet row number of the record with id `row` (header = row 1)."""
    if not isinstance(row, str):
        return row
    with (DATA_DIR / file).open(encoding="utf-8", newline="") as handle:
        return next(number for number, record in enumerate(csv.reader(handle), start=1) if record[0] == row)


DECLARATION = "1956-joint-declaration"
ZIP_HEADER = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"

KINDS: dict[str, Malformed] = {
    "empty file": Malformed("statements.csv", lambda b: b"", "the file is empty"),
    "header only": Malformed("statements.csv", lambda b: b.splitlines(keepends=True)[0], "header but no data rows"),
    "missing column": Malformed(
        "statements.csv", lambda b: b.replace(b"speaker,", b"", 1), "missing from the header", 1, "speaker"
    ),
    "wrong delimiter": Malformed("statements.csv", lambda b: b.replace(b",", b";"), "separated by commas", 1, "id"),
    "bytes that are not UTF-8": Malformed(
        "statements.csv", lambda b: b.replace(b"Chuichi Date", b"Chuichi \xff Date", 1), "not UTF-8", 2
    ),
    "unterminated quote": Malformed("statements.csv", lambda b: b + b'x,"never closed\n', "quote left open", 10),
    "file cut off mid-row": Malformed(
        "statements.csv",
        lambda b: b + b"cut-off-row,2018-07-23,day,Someone\n",
        "has 4 fields but the header has 12",
        10,
    ),
    "repeated column": Malformed("statements.csv", lambda b: b.replace(b"id,date,", b"id,id,", 1), "repeats 'id'", 1),
    "bad date": Malformed("events.csv", _cell(DECLARATION, "date", "19/10/1956"), "YYYY-MM-DD", DECLARATION, "date"),
    "duplicate id": Malformed(
        "statements.csv",
        _cell("date-trust-abe-putin", "id", "date-hopes-for-progress"),
        "is already used in row",
        "date-trust-abe-putin",
        "id",
    ),
    "unknown reference": Malformed(
        "statements.csv",
        _cell("date-trust-abe-putin", "source_id", "tass-1999"),
        "is not an id in sources.csv",
        "date-trust-abe-putin",
        "source_id",
    ),
    "UTF-16 text (a spreadsheet's 'Unicode text')": Malformed(
        "statements.csv", lambda b: b.decode("utf-8").encode("utf-16"), "byte 0xff is not UTF-8", 1
    ),
    "Windows-1252 text (an old spreadsheet's 'CSV')": Malformed(
        "statements.csv", lambda b: b.decode("utf-8").encode("cp1252", "replace"), "byte 0x92 is not UTF-8", 2
    ),
    "a workbook saved under a .csv name": Malformed(
        "events.csv", lambda b: ZIP_HEADER + bytes(range(256)), "is not UTF-8", 2
    ),
    "tab-separated": Malformed("statements.csv", lambda b: b.replace(b",", b"\t"), "separated by commas", 1, "id"),
    "a 'sep=,' line above the header": Malformed(
        "statements.csv", lambda b: b"sep=,\n" + b, "missing from the header", 1, "id"
    ),
    "a web page saved as CSV": Malformed(
        "events.csv",
        lambda b: b"<!DOCTYPE html><html><body><h1>404</h1></body></html>\n",
        "missing from the header",
        1,
        "id",
    ),
    "JSON instead of CSV": Malformed(
        "islands.csv", lambda b: b'[{"id": "iturup", "name_en": "Iturup"}]\n', "missing from the header", 1, "id"
    ),
    "capitalised column names": Malformed(
        "statements.csv", lambda b: b.replace(b"id,date,", b"ID,Date,", 1), "missing from the header", 1, "id"
    ),
    "only blank lines and spaces": Malformed("sources.csv", lambda b: b"  \n\t\n\n", "the file is empty"),
    "a comma after every data row": Malformed(
        "statements.csv", lambda b: _every_data_line(b, b","), "has 13 fields but the header has 12", 2
    ),
    "one row with a field too many": Malformed(
        "statements.csv",
        lambda b: b + b"extra-row,2018,year,A,B,Japan,Q,direct,,tass-2018-07-23,Q,,surplus\n",
        "has 13 fields but the header has 12",
        10,
    ),
    "text after a closing quote": Malformed(
        "statements.csv", lambda b: b.replace(b'"President (speaker)', b'"President" (speaker)', 1), "cannot be read", 2
    ),
    "typographic quotes from a word processor": Malformed(
        "statements.csv", lambda b: b.replace(b'"', "”".encode()), "fields but the header has 12", 2
    ),
    "decimal commas": Malformed(
        "islands.csv", lambda b: b.replace(b",45.0537,147.8391,", b",45,0537,147,8391,", 1), "has 21 fields", 2
    ),
    "a missing required value": Malformed(
        "events.csv", _cell(DECLARATION, "title", ""), "is empty but required", DECLARATION, "title"
    ),
    "a date a spreadsheet turned into a serial number": Malformed(
        "events.csv", _cell(DECLARATION, "date", "20746"), "YYYY", DECLARATION, "date"
    ),
}

OTHER_FILES: dict[str, tuple[Callable[[Path], None], Problem]] = {
    "a source text that is not UTF-8": (
        lambda data: next((data / "sources").iterdir()).write_bytes(b"Tokyo \xe9 Moscow"),
        Problem("sources.csv", 2, "path", "'sources/tass-2018-07-23-japan-hopes-for-progress.txt' is not UTF-8 text"),
    ),
    "a GeoJSON file that is not a FeatureCollection": (
        lambda data: (data / "islands.geojson").write_text(json.dumps({"type": "Feature"}), encoding="utf-8"),
        Problem("islands.geojson", None, None, "is not a GeoJSON FeatureCollection"),
    ),
}


def break_file(data: Path, kind: Malformed) -> None:
    path = data / kind.file
    path.write_bytes(kind.change(path.read_bytes()))


@pytest.mark.parametrize("kind", KINDS.values(), ids=KINDS.keys())
def test_each_kind_is_named_where_it_is(data_copy: Path, kind: Malformed) -> None:
    row = _row_of(kind.file, kind.row)
    break_file(data_copy, kind)
    result = read_dataset(data_copy)
    assert result.dataset is None
    assert any(
        (problem.file, problem.row, problem.column) == (kind.file, row, kind.column) and kind.reason in problem.reason
        for problem in result.problems
    ), [str(problem) for problem in result.problems]


@pytest.mark.parametrize("breakage", OTHER_FILES.values(), ids=OTHER_FILES.keys())
def test_a_broken_text_or_geojson_file_is_named(
    data_copy: Path, breakage: tuple[Callable[[Path], None], Problem]
) -> None:
    change, expected = breakage
    change(data_copy)
    assert expected in read_dataset(data_copy).problems


def _quote_everything(data: bytes) -> bytes:
    return _csv_bytes(_rows_of(data), quoting=csv.QUOTE_ALL, lineterminator="\r\n")


def _what_a_spreadsheet_on_windows_writes(data: bytes) -> bytes:
    rows = [[*row, "a note" if number else "notes"] for number, row in enumerate(_rows_of(data))]
    return b"\xef\xbb\xbf" + _csv_bytes(rows, lineterminator="\r\n")


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b.replace(b"\n", b"\r"),
        _quote_everything,
        _what_a_spreadsheet_on_windows_writes,
        lambda b: b.replace(b"id,date,date_precision", b"id , date ,date_precision", 1),
        lambda b: b.rstrip(b"\n"),
    ],
    ids=[
        "CR line ends (CSV for old Macs)",
        "every field quoted, CRLF",
        "byte-order mark, CRLF and an extra column at once",
        "spaces around column names",
        "no newline at the end",
    ],
)
def test_more_of_what_spreadsheets_write_loads_unchanged(data_copy: Path, change: Change) -> None:
    original = read_dataset(data_copy).dataset
    path = data_copy / "statements.csv"
    path.write_bytes(change(path.read_bytes()))
    changed = read_dataset(data_copy)
    assert changed.problems == (), [str(problem) for problem in changed.problems]
    assert changed.dataset is not None and original is not None
    pd.testing.assert_frame_equal(changed.dataset.statements, original.statements)


@pytest.fixture
def english_afterwards():
    yield
    use_language(ENGLISH)


@pytest.mark.usefixtures("english_afterwards")
@pytest.mark.parametrize(
    ("language", "reason"), [("ru", "равно 'maybe'; пишите true или false"), ("en", "is 'maybe'; write true or false")]
)
def test_a_problem_is_told_in_the_language_set_while_the_data_loads(
    data_copy: Path, edit_cell, language: str, reason: str
) -> None:
    row = edit_cell("events.csv", DECLARATION, "contested", "maybe")
    use_language(language)
    assert Problem("events.csv", row, "contested", reason) in read_dataset(data_copy).problems
