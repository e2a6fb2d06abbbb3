"""Read and validate the dataset under data/: pure functions, no Streamlit.

`read_dataset` reads every file, checks every rule and returns either a complete, typed
`Dataset` or every problem found, each naming file, row, column and reason. Rows are
never dropped: one problem anywhere means no dataset, so nothing is drawn from broken data.
Row numbers are those a spreadsheet shows: the header is row 1, the first record row 2.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from lib.model.dataset import Dataset
from lib.model.dates import parse_partial_date
from lib.model.schema import EVENTS, GEOJSON_FILE, ISLANDS, SOURCES, STATEMENTS, Column, Table

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_INT = re.compile(r"-?\d+")
# Characters no text field should hold: C0 controls other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.reason}"


@dataclass(frozen=True)
class LoadResult:
    dataset: Dataset | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)


@dataclass
class _Rows:
    """Records of one CSV file as text, with the spreadsheet row number of each."""

    table: Table
    records: list[dict[str, str]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    readable: bool = True


def read_csv_records(path: Path, table: Table) -> tuple[_Rows, list[Problem]]:
    """Parse one CSV file into text records, reporting what makes rows unreadable."""
    rows = _Rows(table)
    name = table.file

    def fail(row: int | None, column: str | None, reason: str) -> tuple[_Rows, list[Problem]]:
        rows.readable = False
        return rows, [Problem(name, row, column, reason)]

    if not path.is_file():
        return fail(None, None, "the file is missing")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = raw[: error.start].count(b"\n") + 1
        return fail(row, None, f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")
    if not text.strip():
        return fail(None, None, "the file is empty; it needs a header row and at least one data row")

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    try:
        records = list(reader)
    except csv.Error as error:
        return fail(reader.line_num, None, f"the CSV cannot be read ({error}); is a quote left open?")

    header = [column.strip() for column in records[0]]
    missing = [column for column in table.names if column not in header]
    duplicated = sorted({column for column in header if header.count(column) > 1})
    if duplicated:
        problems.append(Problem(name, 1, None, f"the header repeats {', '.join(map(repr, duplicated))}"))
    if missing:
        hint = " (columns must be separated by commas)" if len(header) == 1 and re.search(r"[;\t|]", header[0]) else ""
        for column in missing:
            problems.append(Problem(name, 1, column, f"the column is missing from the header{hint}"))
    if problems:
        rows.readable = False
        return rows, problems

    for index, record in enumerate(records[1:], start=2):
        if not record:  # a blank line is not a record
            continue
        if len(record) != len(header):
            problems.append(Problem(name, index, None, f"has {len(record)} fields but the header has {len(header)}"))
            rows.readable = False
            continue
        rows.records.append(dict(zip(header, record, strict=True)))
        rows.row_numbers.append(index)
    if not rows.records and not problems:
        problems.append(Problem(name, None, None, "the file has a header but no data rows"))
        rows.readable = False
    return rows, problems


def _convert(column: Column, value: str, record: dict[str, str]) -> Any:
    """One CSV cell as its typed value; raises ValueError naming what is wrong."""
    if column.type == "text":
        if _CONTROL.search(value):
            raise ValueError("holds a control character (such as a NUL byte); remove it")
        return value
    value = value.strip()
    if column.type == "id":
        if not _ID.fullmatch(value):
            raise ValueError(f"is {value!r}; ids use lowercase letters, digits, '-' and '_'")
        return value
    if column.type == "enum":
        if value not in column.allowed:
            raise ValueError(f"is {value!r}; allowed values: {', '.join(column.allowed)}")
        return value
    if column.type == "list":
        items = tuple(item.strip() for item in value.split(";"))
        for item in items:
            if not item:
                raise ValueError(f"is {value!r}, which has an empty item; separate items with a single ';'")
            if column.allowed and item not in column.allowed:
                raise ValueError(f"has {item!r}; allowed values: {', '.join(column.allowed)}")
        return items
    if column.type == "date":
        return parse_partial_date(value, record.get("date_precision", "day").strip())
    if column.type == "int":
        if not _INT.fullmatch(value):
            raise ValueError(f"is {value!r}, not a whole number")
        return int(value)
    if column.type == "float":
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"is {value!r}, not a number") from None
        if not math.isfinite(number):
            raise ValueError(f"is {value!r}, not a finite number")
        return number
    if column.type == "bool":
        if value not in ("true", "false"):
            raise ValueError(f"is {value!r}; write true or false")
        return value == "true"
    if column.type == "url":
        parsed = urlparse(value)
        if parsed.scheme not in ("http", "https") or not parsed.netloc or re.search(r"\s", value):
            raise ValueError(f"is {value!r}, not an http(s) address")
        return value
    if column.type == "path":
        if not value or Path(value).is_absolute() or ".." in Path(value).parts:
            raise ValueError(f"is {value!r}; give a path inside data/")
        return value
    raise AssertionError(f"unknown column type {column.type}")


_EMPTY: dict[str, Any] = {"list": (), "date": pd.NaT, "int": pd.NA, "float": float("nan"), "bool": False}


def _typed_records(rows: _Rows) -> tuple[list[dict[str, Any]], list[Problem]]:
    typed: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for record, row in zip(rows.records, rows.row_numbers, strict=True):
        out: dict[str, Any] = {}
        bad: set[str] = set()
        # Dates last: they are read at the precision of their row, checked first.
        for column in sorted(rows.table.columns, key=lambda column: column.type == "date"):
            value = record[column.name]
            if column.type == "date" and "date_precision" in bad:
                out[column.name] = pd.NaT  # the precision is reported; a date cannot be read without it
                continue
            if not value.strip():
                if column.required and not (
                    column.type == "date" and record.get("date_precision", "").strip() == "unknown"
                ):
                    problems.append(Problem(rows.table.file, row, column.name, "is empty but required"))
                out[column.name] = _EMPTY.get(column.type, "")
                continue
            try:
                out[column.name] = _convert(column, value, record)
            except ValueError as error:
                problems.append(Problem(rows.table.file, row, column.name, str(error)))
                out[column.name] = _EMPTY.get(column.type, "")
                bad.add(column.name)
        typed.append(out)
    return typed, problems


def _unique_ids(table: Table, typed: list[dict[str, Any]], rows: _Rows) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for record, row in zip(typed, rows.row_numbers, strict=True):
        key = record["id"]
        if key in seen:
            problems.append(Problem(table.file, row, "id", f"{key!r} is already used in row {seen[key]}"))
        elif key:
            seen[key] = row
    return problems


def _check_references(
    table: Table, typed: list[dict[str, Any]], rows: _Rows, known: dict[str, set[str]]
) -> list[Problem]:
    problems = []
    for column in table.columns:
        if column.references is None or column.references not in known:
            continue
        target = column.references.rsplit(".", 1)[0]
        for record, row in zip(typed, rows.row_numbers, strict=True):
            values = record[column.name]
            for value in values if isinstance(values, tuple) else (values,):
                if value and value not in known[column.references]:
                    problems.append(Problem(table.file, row, column.name, f"{value!r} is not an id in {target}"))
    return problems


def _row_rules(table: Table, typed: list[dict[str, Any]], rows: _Rows, texts: dict[str, str]) -> Iterable[Problem]:
    """Rules that relate the columns of one row: date order, origin and provenance."""
    for record, row in zip(typed, rows.row_numbers, strict=True):
        end = record.get("end_date")
        if end is not None and not pd.isna(end) and not pd.isna(record["date"]) and end < record["date"]:
            yield Problem(table.file, row, "end_date", "is before date")
        origin = record.get("origin")
        if origin == "context" and not record["source_url"]:
            yield Problem(
                table.file, row, "source_url", "is empty, but a context row needs the page it was checked against"
            )
        if table is STATEMENTS or origin == "article":
            for column in ("source_id", "evidence"):
                if not record[column]:
                    yield Problem(table.file, row, column, "is empty, but a row from an article needs it")
            text = texts.get(record["source_id"])
            if text is not None and record["evidence"] and record["evidence"] not in text:
                yield Problem(
                    table.file, row, "evidence", f"is not found verbatim in the text of {record['source_id']!r}"
                )
        quote = record.get("quote")
        if quote and record["evidence"] and quote not in record["evidence"]:
            yield Problem(table.file, row, "quote", "is not found verbatim inside its evidence sentence")


def _read_texts(data_dir: Path, typed: list[dict[str, Any]], rows: _Rows) -> tuple[dict[str, str], list[Problem]]:
    texts: dict[str, str] = {}
    problems = []
    for record, row in zip(typed, rows.row_numbers, strict=True):
        if not record["path"]:
            continue
        path = data_dir / record["path"]
        try:
            # Bytes as stored, line ends included: evidence is compared with them verbatim.
            texts[record["id"]] = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            problems.append(Problem(SOURCES.file, row, "path", f"{record['path']!r} does not exist under data/"))
        except UnicodeDecodeError:
            problems.append(Problem(SOURCES.file, row, "path", f"{record['path']!r} is not UTF-8 text"))
    return texts, problems


def _read_geojson(
    data_dir: Path, island_ids: set[str] | None, islands: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[Problem]]:
    name = GEOJSON_FILE
    path = data_dir / name
    if not path.is_file():
        return {}, [Problem(name, None, None, "the file is missing")]
    try:
        geojson = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return {}, [Problem(name, None, None, f"is not valid UTF-8 JSON ({error})")]
    features = geojson.get("features") if isinstance(geojson, dict) else None
    if geojson.get("type") != "FeatureCollection" or not isinstance(features, list):
        return {}, [Problem(name, None, None, "is not a GeoJSON FeatureCollection")]
    problems = []
    seen: set[str] = set()
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") or {}
        geometry = feature.get("geometry") or {}
        feature_id = properties.get("id")
        if geometry.get("type") not in ("Point", "Polygon", "MultiPolygon"):
            problems.append(
                Problem(name, number, "geometry", f"feature {feature_id!r} has no point or polygon geometry")
            )
        if not isinstance(feature_id, str) or not feature_id:
            problems.append(Problem(name, number, "properties.id", "the feature has no id"))
            continue
        if feature_id in seen:
            problems.append(Problem(name, number, "properties.id", f"{feature_id!r} is used by another feature"))
        seen.add(feature_id)
        is_context = str(properties.get("feature_kind", "")).startswith("context")
        if island_ids is not None and not is_context and feature_id not in island_ids:
            problems.append(Problem(name, number, "properties.id", f"{feature_id!r} is not an id in islands.csv"))
    for record in islands:
        if record["kind"] != "island_group" and record["id"] and record["id"] not in seen:
            problems.append(Problem(ISLANDS.file, None, "id", f"{record['id']!r} has no feature in {name}"))
    return geojson, problems


def _frame(table: Table, typed: list[dict[str, Any]]) -> pd.DataFrame:
    # Text stays as Python strings (object), not pandas' Arrow-backed "str": filtering then copies
    # references to the strings, where an Arrow column copied all its text on every run (tens of ms
    # at 1000 times today's rows, and erratic, as each copy allocated megabytes afresh).
    frame = pd.DataFrame(typed, columns=list(table.names), dtype=object)
    for column in table.columns:
        if column.type == "date":
            frame[column.name] = pd.to_datetime(frame[column.name])
        elif column.type == "int":
            frame[column.name] = frame[column.name].astype("Int64")
        elif column.type == "float":
            frame[column.name] = frame[column.name].astype("float64")
        elif column.type == "bool":
            frame[column.name] = frame[column.name].astype(bool)
        elif column.type == "list":
            # Few distinct lists, many rows: as categories, a filter tests each list once (lib.model.frames).
            frame[column.name] = frame[column.name].astype("category")
    return frame


def read_dataset(data_dir: Path = DATA_DIR) -> LoadResult:
    """Read every file under `data_dir` and check every rule; all problems at once."""
    problems: list[Problem] = []
    typed: dict[str, list[dict[str, Any]]] = {}
    rows: dict[str, _Rows] = {}
    for table in (SOURCES, ISLANDS, STATEMENTS, EVENTS):
        table_rows, read_problems = read_csv_records(data_dir / table.file, table)
        problems += read_problems
        rows[table.file] = table_rows
        typed[table.file], type_problems = _typed_records(table_rows)
        problems += type_problems
        problems += _unique_ids(table, typed[table.file], table_rows)

    known = {
        f"{table.file}.id": {record["id"] for record in typed[table.file] if record["id"]}
        for table in (SOURCES, ISLANDS)
        if rows[table.file].readable
    }
    texts, text_problems = _read_texts(data_dir, typed[SOURCES.file], rows[SOURCES.file])
    problems += text_problems
    for table in (ISLANDS, STATEMENTS, EVENTS):
        problems += _check_references(table, typed[table.file], rows[table.file], known)
        problems += _row_rules(table, typed[table.file], rows[table.file], texts)
    geojson, geo_problems = _read_geojson(data_dir, known.get("islands.csv.id"), typed[ISLANDS.file])
    problems += geo_problems

    if problems:
        return LoadResult(None, tuple(problems))
    frames = {table.file: _frame(table, typed[table.file]) for table in (SOURCES, ISLANDS, STATEMENTS, EVENTS)}
    dataset = Dataset(
        sources=frames[SOURCES.file],
        islands=frames[ISLANDS.file],
        statements=frames[STATEMENTS.file],
        events=frames[EVENTS.file].sort_values(["date", "id"], ignore_index=True),
        geojson=geojson,
        texts=texts,
    )
    return LoadResult(dataset, ())
