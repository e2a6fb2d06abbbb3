"""Valid datasets made from data/: the same files with the events and statements repeated.

Used by the benchmark (10, 100 and 1000 times today's rows) and by tests that need a
dataset of their own; the CSV helpers are shared with the hostile test dataset.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from lib.model.load import DATA_DIR

# The tables that grow as articles are added, each with the column naming its rows; islands and
# sources stay as they are.
SCALED_FILES: dict[str, str] = {
    "events.csv": "id",
    "statements.csv": "id",
    "event_sources.csv": "event_id",
    "readings.csv": "event_id",  # a contested event's copy needs its readings too
}


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the records of one CSV file, as text."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or ()), rows


def write_rows(path: Path, fieldnames: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def copy_dataset(target: Path, source: Path = DATA_DIR) -> Path:
    """A writable copy of a data folder (data/ keeps some files read-only)."""
    shutil.copytree(source, target, copy_function=shutil.copyfile)
    return target


def scaled_rows(rows: list[dict[str, str]], factor: int, key: str = "id") -> list[dict[str, str]]:
    """Each row `factor` times: the original, then copies whose `key` names a copy, with the same content.

    The copies keep their evidence, so every one still passes the provenance check.
    """
    copies = [{**row, key: f"{row[key]}-copy-{number}"} for number in range(1, factor) for row in rows]
    return rows + copies


def write_scaled_dataset(target: Path, factor: int, source: Path = DATA_DIR) -> Path:
    """Write a copy of `source` into `target` with `factor` times its events and statements."""
    if factor < 1:
        raise ValueError(f"factor must be at least 1, not {factor}")
    copy_dataset(target, source)
    for file, key in SCALED_FILES.items():
        fieldnames, rows = read_rows(source / file)
        write_rows(target / file, fieldnames, scaled_rows(rows, factor, key))
    return target
