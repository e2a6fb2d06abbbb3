"""data/datapackage.json is the schema: frictionless accepts the package, and a broken copy of each
file (a wrong type, a missing required value, a dangling foreign key, a duplicate key, a value out
of range) is named by file, row and column both by the app's loader and by lib.check's
frictionless pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lib.check import package_problems
from lib.model.load import DATA_DIR, read_dataset
from lib.model.schema import TABLES, TRANSLATED, TRANSLATIONS, vocabulary
from tests.conftest import ROOT, EditCell
from tests.translations import TRANSLATED as AGREED
from tests.translations import translation_rows, write_translation_rows

# (file, id of the row to break, column, value); the value replaces the cell.
BROKEN_CELLS = {
    "a wrong type: a latitude in words": ("islands.csv", "kunashir", "lat", "north"),
    "a wrong type: a chapter's order in words": ("story.csv", "war-1945", "order", "third"),
    "a wrong type: a figure in words": ("island_figures.csv", "iturup", "value", "many"),
    "a wrong type: a publication day as written in a letter": (
        "sources.csv",
        "tass-2018-07-23",
        "published",
        "23 July",
    ),
    "a missing required value: an event's title": ("events.csv", "1956-joint-declaration", "title", ""),
    "a missing required value: a publisher's name": ("publishers.csv", "tass.com", "name", ""),
    "a missing required value: the evidence of an event": (
        "event_sources.csv",
        "1855-treaty-of-shimoda",
        "evidence",
        "",
    ),
    "a dangling foreign key: a statement's source": (
        "statements.csv",
        "date-trust-abe-putin",
        "source_id",
        "tass-1999",
    ),
    "a dangling foreign key: an event source's event": (
        "event_sources.csv",
        "1855-treaty-of-shimoda",
        "event_id",
        "1855-atlantis",
    ),
    "a dangling foreign key: a figure's island": ("island_figures.csv", "iturup", "island_id", "atlantis"),
    "a dangling foreign key: an island's group": ("islands.csv", "kunashir", "group", "kurils"),
    "a value out of range: an area of zero": ("islands.csv", "kunashir", "area_km2", "0"),
    "a value out of range: a year before 1800": ("islands.csv", "urup", "population_year", "1700"),
    "a value out of range: a negative figure": ("island_figures.csv", "iturup", "value", "-5"),
    "a value out of range: a chapter's order of 0": ("story.csv", "war-1945", "order", "0"),
    "a value outside the vocabulary: an event type": ("events.csv", "1956-joint-declaration", "event_type", "party"),
    "a value outside the vocabulary: a publisher's kind": ("publishers.csv", "tass.com", "kind", "blog"),
    "a value outside the pattern: a host with its scheme": ("publishers.csv", "tass.com", "host", "https://tass.com"),
    "a value outside the pattern: an address that is not http(s)": (
        "statements.csv",
        "date-trust-abe-putin",
        "role_source_url",
        "javascript:alert(1)",
    ),
}

# (file, id of the first row, id of the row given the same key, key column).
DUPLICATE_KEYS = {
    "a statement's id": ("statements.csv", "date-hopes-for-progress", "date-trust-abe-putin", "id"),
    "an event's id": ("events.csv", "1855-treaty-of-shimoda", "1875-treaty-of-saint-petersburg", "id"),
    "a publisher's host": ("publishers.csv", "articles.baltimoresun.com", "betsukai.jp", "host"),
}


def where(problems) -> set[tuple[str, int | None, str | None]]:
    return {(problem.file, problem.row, problem.column) for problem in problems}


def assert_named_by_both(data_copy: Path, place: tuple[str, int, str]) -> None:
    loader = read_dataset(data_copy).problems
    assert place in where(loader), [str(problem) for problem in loader]
    frictionless = package_problems(data_copy)
    assert place in where(frictionless), [str(problem) for problem in frictionless]


def test_frictionless_accepts_the_package() -> None:
    assert package_problems(DATA_DIR) == []


def test_the_frictionless_command_a_data_editor_runs_accepts_the_package() -> None:
    command = [sys.executable, "-m", "frictionless", "validate", "data/datapackage.json"]
    assert subprocess.run(command, cwd=ROOT, capture_output=True).returncode == 0


def test_the_app_reads_the_data_without_importing_frictionless() -> None:
    pages = ", ".join(f"pages.{path.stem}" for path in (ROOT / "pages").glob("*.py"))
    code = f"import sys, lib.ui.app, lib.ui.data, {pages}; print('frictionless' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_every_csv_file_under_data_is_described() -> None:
    assert {table.file for table in TABLES} == {path.name for path in DATA_DIR.glob("*.csv")}
    assert {table.file for table in TRANSLATIONS.values()} == {"translations/ja.csv", "translations/ru.csv"}


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_a_translation_file_may_name_only_the_texts_marked_translated(language: str) -> None:
    table = TRANSLATIONS[language]
    assert set(vocabulary(table, "table")) == TRANSLATED.keys()
    assert set(vocabulary(table, "field")) == {field for fields in TRANSLATED.values() for field in fields}
    assert TRANSLATED == AGREED, "the columns the translators' format names"


@pytest.mark.parametrize(
    ("row", "column"),
    [(["islands", "kunashir", "name_en", "国後島", "Kunashir"], "table"), (["events", "x", "date", "y", "z"], "field")],
)
def test_frictionless_names_a_translation_of_a_column_not_translated(data_copy: Path, row, column: str) -> None:
    write_translation_rows(data_copy, "ja", [*translation_rows(data_copy, str), row])
    place = ("translations/ja.csv", len(translation_rows(data_copy, str)) + 2, column)
    assert place in where(package_problems(data_copy))


@pytest.mark.parametrize("cell", BROKEN_CELLS.values(), ids=BROKEN_CELLS.keys())
def test_a_broken_cell_is_named_by_the_loader_and_by_frictionless(
    data_copy: Path, edit_cell: EditCell, cell: tuple[str, str, str, str]
) -> None:
    file, row_id, column, value = cell
    row = edit_cell(file, row_id, column, value)
    assert_named_by_both(data_copy, (file, row, column))


@pytest.mark.parametrize("key", DUPLICATE_KEYS.values(), ids=DUPLICATE_KEYS.keys())
def test_a_duplicate_key_is_named_by_the_loader_and_by_frictionless(
    data_copy: Path, edit_cell: EditCell, key: tuple[str, str, str, str]
) -> None:
    file, first, second, column = key
    first_row = edit_cell(file, first, column, first)
    row = edit_cell(file, second, column, first)
    assert_named_by_both(data_copy, (file, row, column))
    assert any(f"already used in row {first_row}" in problem.reason for problem in package_problems(data_copy))


def test_a_repeated_chapter_order_is_named_by_both(data_copy: Path, edit_cell: EditCell) -> None:
    edit_cell("story.csv", "first-border-1855", "order", "7")
    row = edit_cell("story.csv", "exchange-1875", "order", "7")
    assert_named_by_both(data_copy, ("story.csv", row, "order"))


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b"\xef\xbb\xbf" + b"\r\n".join(line + (b",a note" if line else b"") for line in b.split(b"\n")),
        lambda b: b + b"\n\n",
    ],
    ids=["byte-order mark, CRLF and an extra column", "trailing blank lines"],
)
def test_the_frictionless_pass_accepts_what_spreadsheets_write(data_copy: Path, change) -> None:
    path = data_copy / "statements.csv"
    path.write_bytes(change(path.read_bytes()))
    assert package_problems(data_copy) == []
