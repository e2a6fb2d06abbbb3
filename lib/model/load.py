"""Read and check the dataset under data/: a complete, typed `Dataset`, or every problem found (no row is dropped).
Rows are numbered as a spreadsheet numbers them: the header is row 1."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from lib.i18n import ENGLISH, _
from lib.model import rules
from lib.model.cells import dtype, empty, read_cell
from lib.model.dataset import Dataset
from lib.model.geojson import island_problems, read_geojson
from lib.model.problems import Problem
from lib.model.schema import DATA_DIR, SOURCES, TABLES, TRANSLATED, TRANSLATIONS, Table, constraints


@dataclass(frozen=True)
class LoadResult:
    dataset: Dataset | None
    problems: tuple[Problem, ...] = ()


@dataclass
class TableRows:
    """One CSV file's rows, typed, with the spreadsheet row number of each, and what was wrong."""

    table: Table
    rows: rules.Rows = dataclasses.field(default_factory=list)
    problems: list[Problem] = dataclasses.field(default_factory=list)
    readable: bool = True  # False when the file itself could not be read as this table

    def fail(self, row: int | None, column: str | None, reason: str) -> None:
        self.readable = False
        self.problems.append(Problem(self.table.file, row, column, reason))


def _decoded(path: Path, rows: TableRows) -> str | None:
    if not path.is_file():
        rows.fail(None, None, _("the file is missing"))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        rows.fail(line, None, _("byte 0x{byte:02x} is not UTF-8; save the file as UTF-8").format(byte=raw[error.start]))
        return None
    if not text.strip():
        rows.fail(None, None, _("the file is empty; it needs a header row and at least one data row"))
        return None
    return text


def _read_records(path: Path, rows: TableRows) -> list[tuple[int, dict[str, str]]]:
    """The file's records as text, by row number; none when the file cannot be read as its table."""
    text = _decoded(path, rows)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        reason = _("the CSV cannot be read ({error}); is a quote left open?").format(error=error)
        rows.fail(reader.line_num, None, reason)
        return []
    header = [column.strip() for column in records[0]]
    if duplicated := sorted({column for column in header if header.count(column) > 1}):
        rows.fail(1, None, _("the header repeats {columns}").format(columns=", ".join(map(repr, duplicated))))
    hint = _(" (columns must be separated by commas)") if len(header) == 1 and re.search(r"[;\t|]", header[0]) else ""
    for column in rows.table.names:
        if column not in header:
            rows.fail(1, column, _("the column is missing from the header{hint}").format(hint=hint))
    if not rows.readable:
        return []
    parsed = []
    for number, record in enumerate(records[1:], start=2):
        if record and len(record) != len(header):
            reason = _("has {count} fields but the header has {header}").format(count=len(record), header=len(header))
            rows.fail(number, None, reason)
        elif record:  # a blank line is not a record
            parsed.append((number, dict(zip(header, record, strict=True))))
    if not parsed and rows.readable:
        rows.fail(None, None, _("the file has a header but no data rows"))
    return parsed


def read_table(data_dir: Path, table: Table) -> TableRows:
    """The file's rows typed, with each cell's problem, then each key's that is used twice."""
    rows = TableRows(table)
    # Dates at a precision last: they are read at the precision of their row, checked first.
    fields = sorted(table.fields, key=lambda field: "precisionField" in field)
    for number, record in _read_records(data_dir / table.file, rows):
        typed: dict[str, Any] = {}
        broken: set[str] = set()
        for field in fields:
            try:
                typed[field["name"]] = read_cell(field, record, broken)
            except ValueError as error:
                rows.problems.append(Problem(table.file, number, field["name"], str(error)))
                typed[field["name"]] = empty(field)
                broken.add(field["name"])
        rows.rows.append((number, typed))
    unique = [field["name"] for field in table.fields if constraints(field).get("unique")]
    for name in filter(None, (table.primary_key, *unique)):
        seen: dict[Any, int] = {}
        for number, record in rows.rows:
            value = record[name]
            if not (pd.isna(value) or value == "") and (first := seen.setdefault(value, number)) != number:
                reason = _("{value!r} is already used in row {row}").format(value=value, row=first)
                rows.problems.append(Problem(table.file, number, name, reason))
    return rows


def _reference_problems(rows: TableRows, known: dict[tuple[str, str], set[Any]]) -> Iterator[Problem]:
    for name, target in rows.table.references.items():
        if target not in known:
            continue
        for number, record in rows.rows:
            for value in record[name] if isinstance(record[name], tuple) else (record[name],):
                if value and value not in known[target]:
                    reason = _("{value!r} is not an id in {file}").format(value=value, file=target[0])
                    yield Problem(rows.table.file, number, name, reason)


def _frame(rows: TableRows) -> pd.DataFrame:
    frame = pd.DataFrame([record for _, record in rows.rows], columns=list(rows.table.names), dtype=object)
    return frame.astype({field["name"]: dtype(field) for field in rows.table.fields if dtype(field)})


def _cross_problems(
    data_dir: Path, tables: dict[str, TableRows], today: pd.Timestamp
) -> tuple[dict[str, str], list[Problem]]:
    """Problems between files; a rule is not run on a file that could not be read, which has no rows."""
    known = {
        (rows.table.file, rows.table.primary_key): {record[rows.table.primary_key] for _, record in rows.rows}
        for rows in tables.values()
        if rows.table.primary_key and rows.readable
    }
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for number, record in tables["sources"].rows:
        if not record["path"]:
            continue
        try:
            # Bytes as stored, line ends included: evidence is compared with them verbatim.
            texts[record["id"]] = (data_dir / record["path"]).read_bytes().decode("utf-8")
        except FileNotFoundError:
            reason = _("{path!r} does not exist under data/").format(**record)
            problems.append(Problem(SOURCES.file, number, "path", reason))
        except UnicodeDecodeError:
            problems.append(Problem(SOURCES.file, number, "path", _("{path!r} is not UTF-8 text").format(**record)))
    for rows in tables.values():
        problems += _reference_problems(rows, known)
        problems += rules.date_rules(rows.table, rows.rows, today)
        problems += rules.year_rules(rows.table, rows.rows, today)
    sources, events = tables["sources"].rows, tables["events"].rows
    published = {record["id"]: record["published"] for _, record in sources if pd.notna(record["published"])}
    problems += rules.statement_rules(tables["statements"].rows, texts)
    problems += rules.story_rules(tables["story"].rows, texts)
    if tables["event_sources"].readable:
        problems += rules.event_source_rules(events, tables["event_sources"].rows, texts, published)
    if tables["readings"].readable:
        problems += rules.reading_rules(events, tables["readings"].rows)
    if tables["positions"].readable:
        problems += rules.position_rules(tables["positions"].rows)
    if tables["island_figures"].readable:
        problems += rules.figure_rules(tables["islands"].rows, tables["island_figures"].rows)
    if tables["publishers"].readable:
        cited = {rows.table: rows.rows for name, rows in tables.items() if name != "publishers"}
        problems += rules.publisher_rules(cited, tables["publishers"].rows)
    return texts, problems


def row_ids(table: str, frame: pd.DataFrame) -> pd.Series:
    """How a translation names a row: by its id; a reading, which has none, as "<event_id>:<side>"."""
    return frame["event_id"] + ":" + frame["side"] if table == "readings" else frame["id"]


def english_texts(frames: dict[str, pd.DataFrame]) -> list[tuple[tuple[str, str, str], str]]:
    """Each text a translation translates, as ((table, id, field), its English)."""
    return [
        ((table, row_id, field), text)
        for table, fields in TRANSLATED.items()
        for field in fields
        for row_id, text in zip(row_ids(table, frames[table]), frames[table][field], strict=True)
    ]


def _translate(frames: dict[str, pd.DataFrame], records: rules.Rows) -> None:
    """Each text translated where a row translates its current English; an edited one stays English till updated."""
    found = {(r["table"], r["id"], r["field"], r["english"]): r["text"] for _, r in records if r["text"].strip()}
    for table, fields in TRANSLATED.items():
        ids, frame = row_ids(table, frames[table]), frames[table]
        frames[table] = frame.assign(
            **{f: [found.get((table, i, f, text), text) for i, text in zip(ids, frame[f], strict=True)] for f in fields}
        )


def read_dataset(data_dir: Path = DATA_DIR, language: str = ENGLISH) -> LoadResult:
    """Read every file under `data_dir` and check every rule (dates against today's); all problems at once."""
    today = pd.Timestamp.today().normalize()
    tables = {table.name: read_table(data_dir, table) for table in TABLES}
    problems = [problem for rows in tables.values() for problem in rows.problems]
    texts, cross = _cross_problems(data_dir, tables, today)
    geojson, geo_problems = read_geojson(data_dir)
    problems += cross + geo_problems
    if geojson and tables["islands"].readable:
        problems += island_problems(geojson, tables["islands"].rows)
    if problems:
        return LoadResult(None, tuple(problems))
    frames = {name: _frame(rows) for name, rows in tables.items()}
    # Events in date order, each with its origin: "article" when an article states it, else "context".
    from_articles = frames["event_sources"].query("source_id != ''")["event_id"]
    origin = frames["events"]["id"].isin(from_articles).map({True: "article", False: "context"})
    frames["events"] = frames["events"].assign(origin=origin).sort_values(["date", "id"], ignore_index=True)
    frames["positions"] = frames["positions"].sort_values(["side", "order"], ignore_index=True)
    frames["story"] = frames["story"].sort_values("order", ignore_index=True)
    if language in TRANSLATIONS:
        _translate(frames, read_table(data_dir, TRANSLATIONS[language]).rows)
    return LoadResult(Dataset(**frames, geojson=geojson, texts=texts, language=language))
