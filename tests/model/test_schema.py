"""lib.model.schema: the tables describe themselves consistently, so the loader and the docs can trust them."""

from __future__ import annotations

import pytest

from lib.model.schema import TABLES, Column, Table

COLUMNS = [(table, column) for table in TABLES for column in table.columns]
BY_FILE = {table.file: table for table in TABLES}


def test_every_file_is_described_once() -> None:
    assert len(BY_FILE) == len(TABLES)


@pytest.mark.parametrize("table", TABLES, ids=[table.file for table in TABLES])
def test_each_table_starts_with_what_its_rows_are_about_and_names_each_column_once(table: Table) -> None:
    first = table.columns[0]
    assert first.required and first.type in ("id", "host")
    assert first.name == "id" or first.references or first.type == "host"
    assert len(set(table.names)) == len(table.names)


@pytest.mark.parametrize(("table", "column"), COLUMNS, ids=[f"{t.file}:{c.name}" for t, c in COLUMNS])
def test_each_column_says_what_it_means_and_what_it_may_hold(table: Table, column: Column) -> None:
    assert column.meaning.strip().endswith(".")
    if column.type == "enum":
        assert column.allowed, "an enum without a vocabulary would refuse every value"
    if column.allowed:
        assert column.type in ("enum", "list")
        assert len(set(column.allowed)) == len(column.allowed)
    if column.bounds != (None, None) or column.positive:
        assert column.type in ("int", "float"), "only numbers have a range"


@pytest.mark.parametrize(
    ("table", "column"),
    [(t, c) for t, c in COLUMNS if c.references],
    ids=[f"{t.file}:{c.name}" for t, c in COLUMNS if c.references],
)
def test_each_reference_names_an_id_column_of_a_described_file(table: Table, column: Column) -> None:
    assert column.references is not None
    file, _, name = column.references.rpartition(".")
    assert file in BY_FILE
    [target] = [c for c in BY_FILE[file].columns if c.name == name]
    assert target.type == "id"
