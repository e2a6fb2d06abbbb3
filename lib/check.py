"""`python -m lib.check [DATA_DIR]` prints every problem, exits 1 if any: frictionless's, as datapackage.json
describes the files, then the loader's, what no descriptor states (a sentence in its article, a point in its island),
then the editors' rules for the whole dataset: Wikipedia's share of the pages cited, and how the story is told."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from textwrap import shorten

import frictionless
import pandas as pd

from lib.model.cells import read_cell
from lib.model.dataset import Dataset
from lib.model.link import host_of
from lib.model.load import DATA_DIR, english_texts, read_dataset, read_table
from lib.model.problems import Problem
from lib.model.rules import Rows
from lib.model.schema import PACKAGE_FILE, STORY, TABLES, TRANSLATED, TRANSLATIONS

# What spreadsheets write and the app reads unchanged: an extra column (the descriptor's
# fieldsMatch "superset", which frictionless 5 does not apply) and blank lines.
ACCEPTED = {"extra-label", "extra-cell", "blank-row"}
Cell = tuple[str, int | None, str | None]  # a problem's file, row and column
_TABLES = {table.file: table for table in (*TABLES, *TRANSLATIONS.values())}
WIKIPEDIA_SHARE = 0.1  # of the distinct pages cited, at most; data/README.md lists each use and why
MOST_CHAPTER_WORDS = 80  # a chapter is read beside its map, on a phone too


def _on_a_blank_row(error: frictionless.Error) -> bool:
    """frictionless checks a blank line's keys too; the loader reads no record there."""
    return isinstance(error, frictionless.errors.RowError) and not any(error.cells)


def _already_used(value: object, note: str) -> str:
    """frictionless's note says "the same as in the row at position 4": the row a spreadsheet numbers 4."""
    return f"{value!r} is already used in row {''.join(filter(str.isdigit, note))}"


def _table_problem(file: str, labels: list[str], error: frictionless.Error) -> Problem:
    table = _TABLES.get(file)
    row = getattr(error, "row_number", None)
    if isinstance(error, frictionless.errors.CellError) and table and error.field_name in table.names:
        record = dict.fromkeys(table.names, "") | dict(zip(labels, map(str, error.cells), strict=False))
        try:  # in the loader's words when it agrees, else in frictionless's
            read_cell(table.field(error.field_name), record, set())
        except ValueError as problem:
            return Problem(file, row, error.field_name, str(problem))
        if error.type == "unique-error":
            return Problem(file, row, error.field_name, _already_used(error.cell, error.note))
        return Problem(file, row, error.field_name, f"is {error.cell!r}; {error.note}")
    if isinstance(error, frictionless.errors.ForeignKeyError):
        column = error.field_names[0]
        target = table.references[column][0] if table and column in table.references else error.reference_name
        return Problem(file, row, column, f"{error.field_cells[0]!r} is not an id in {target}")
    if isinstance(error, frictionless.errors.PrimaryKeyError) and table and table.primary_key:
        value = dict(zip(labels, error.cells, strict=False)).get(table.primary_key)
        return Problem(file, row, table.primary_key, _already_used(value, error.note))
    if isinstance(error, frictionless.errors.MissingLabelError):
        return Problem(file, 1, error.field_name, "the column is missing from the header")
    if isinstance(error, frictionless.errors.LabelError):
        return Problem(file, 1, error.field_name, f"the header has {error.label!r} where {error.field_name!r} belongs")
    return Problem(file, row, getattr(error, "field_name", None), error.message)


def package_problems(data_dir: Path) -> list[Problem]:
    """Every problem frictionless finds in the package under `data_dir`, in plain words."""
    report = frictionless.validate(data_dir / PACKAGE_FILE)
    problems = [Problem(PACKAGE_FILE, None, None, error.message) for error in report.errors]
    for task in report.tasks:
        labels = list(task.labels or [])
        errors = [error for error in task.errors if error.type not in ACCEPTED and not _on_a_blank_row(error)]
        problems += [_table_problem(task.place, labels, error) for error in errors]
    return problems


def translation_problems(data_dir: Path, dataset: Dataset, named: set[Cell]) -> Iterator[Problem]:
    """For each language: its file's problems, rows naming no text or an older English, texts no row translates."""
    texts = set(english_texts({name: getattr(dataset, name) for name in TRANSLATED}))
    keys = {key for key, _ in texts}
    for rows in (read_table(data_dir, table) for table in TRANSLATIONS.values()):
        yield from (p for p in rows.problems if (p.file, p.row, p.column) not in named)
        made = {number: ((r["table"], r["id"], r["field"]), r["english"]) for number, r in rows.rows}
        for number, (key, english) in made.items():
            if key not in keys:
                yield Problem(rows.table.file, number, "id", "{0}.{2} of {1!r} is no text of the dataset".format(*key))
            elif (key, english) not in texts:
                old = shorten(english, 80, placeholder=" …")
                yield Problem(rows.table.file, number, "english", f"translates an older English text: {old!r}")
        stale = {key for key, english in made.values() if key in keys and (key, english) not in texts}
        missing = sorted(key for key, _ in texts - set(made.values()) if key not in stale) if rows.readable else []
        for key in missing:
            yield Problem(rows.table.file, None, None, "no row translates {0}.{2} of {1!r}".format(*key))


def cited_urls(dataset: Dataset) -> set[str]:
    """Every distinct page the dataset cites, in any file's URL column."""
    return {
        url for table in TABLES for column in table.url_columns for url in getattr(dataset, table.name)[column] if url
    }


def wikipedia_problems(urls: set[str]) -> Iterator[Problem]:
    """Wikipedia is at most a tenth of the distinct pages cited: a newsroom cites the page that states a fact."""
    wikipedia = sorted(url for url in urls if host_of(url).endswith("wikipedia.org"))
    if len(wikipedia) > WIKIPEDIA_SHARE * len(urls):
        reason = (
            f"Wikipedia is {len(wikipedia)} of the {len(urls)} distinct pages cited, more than a tenth: {wikipedia}"
        )
        yield Problem(PACKAGE_FILE, None, None, reason)


def story_problems(chapters: Rows, events: pd.DataFrame) -> Iterator[Problem]:
    """Short chapters, quoting in “ ” (whose words the loader finds in the articles), each telling its events in
    date order, in date order themselves, from the first treaty to the latest event."""
    dates = events.set_index("id")["date"]
    told = sorted(chapters, key=lambda row: row[1]["order"])
    starts = []
    for number, chapter in told:
        text, chapter_dates = chapter["text"], pd.Series([dates.get(event) for event in chapter["events"]])
        if (words := len(text.split())) > MOST_CHAPTER_WORDS:
            yield Problem(STORY.file, number, "text", f"has {words} words; a chapter has at most {MOST_CHAPTER_WORDS}")
        if '"' in text or text.count("“") != text.count("”"):
            yield Problem(STORY.file, number, "text", "quotes in marks other than “ ”, which the loader does not check")
        if not chapter_dates.is_monotonic_increasing:
            yield Problem(STORY.file, number, "events", "are not in date order")
        starts.append(chapter_dates.iloc[0] if len(chapter_dates) else pd.NaT)
    if not pd.Series(starts, dtype="datetime64[ns]").is_monotonic_increasing:
        yield Problem(STORY.file, None, "order", "the chapters do not start in date order")
    if not told:
        return
    first_treaty = next(iter(events.loc[events["event_type"] == "treaty", "id"]), None)
    if first_treaty and first_treaty not in told[0][1]["events"]:
        yield Problem(
            STORY.file, told[0][0], "events", f"the first chapter does not tell the first treaty, {first_treaty!r}"
        )
    if (latest := next(iter(events["id"].iloc[-1:]), None)) and latest not in told[-1][1]["events"]:
        yield Problem(STORY.file, told[-1][0], "events", f"the last chapter does not tell the latest event, {latest!r}")


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else DATA_DIR
    problems = package_problems(data_dir)
    named = {(problem.file, problem.row, problem.column) for problem in problems}
    loaded = read_dataset(data_dir)
    # The loader's problems that name a cell frictionless did not.
    problems += [p for p in loaded.problems if (p.file, p.row, p.column) not in named]
    if loaded.dataset is not None:
        problems += translation_problems(data_dir, loaded.dataset, named)
        problems += wikipedia_problems(cited_urls(loaded.dataset))
        problems += story_problems(read_table(data_dir, STORY).rows, loaded.dataset.events)
    for problem in problems:
        print(problem)
    if problems or loaded.dataset is None:
        print(f"{len(problems)} problem(s) in {data_dir}", file=sys.stderr)
        return 1
    dataset = loaded.dataset
    print(
        f"OK: {len(dataset.sources)} source(s), {len(dataset.statements)} statements, {len(dataset.events)} events, "
        f"{len(dataset.islands)} islands, {len(dataset.story)} story chapters in {data_dir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
