"""Shared fixtures: a writable copy of the real data folder to break in each test."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from lib.model.dataset import Dataset
from lib.model.load import DATA_DIR, read_dataset
from tests.hostile import write_hostile_dataset

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The real dataset, read once for the tests that only read it."""
    result = read_dataset()
    assert result.dataset is not None, result.problems
    return result.dataset


@pytest.fixture(scope="session")
def statement(dataset: Dataset) -> Callable[[str], pd.Series]:
    """A statement of the real data, by id: a copy, free to change."""
    rows = dataset.statements.set_index("id", drop=False)
    return lambda statement_id: rows.loc[statement_id].copy()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


EditCell = Callable[[str, str, str, str], int]


@pytest.fixture
def edit_cell(data_copy: Path) -> EditCell:
    """Set one cell of a CSV in the copy, by the row's first cell (its id); returns its spreadsheet number."""

    def edit(file: str, row_id: str, column: str, value: str) -> int:
        path = data_copy / file
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        fieldnames = list(rows[0])
        index = next(i for i, row in enumerate(rows) if row[fieldnames[0]] == row_id)
        rows[index][column] = value
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return index + 2

    return edit


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose every free-text field is an attack string (tests/hostile.py); read only."""
    return write_hostile_dataset(tmp_path_factory.mktemp("hostile") / "data")
