"""Translation files for a test's data folder, in the format the translators write: one row per
English text, with the English it translates."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import read_rows

# Written out by hand, as the translators' format states it: the texts each table's rows translate.
TRANSLATED = {"events": ("title", "description"), "story": ("title", "text"), "positions": ("summary", "speaker")}
TRANSLATED |= {"readings": ("reading",)}
HEADER = ["table", "id", "field", "text", "english"]


def row_id(table: str, record: dict[str, str]) -> str:
    return f"{record['event_id']}:{record['side']}" if table == "readings" else record["id"]


def translation_rows(folder: Path, translate: Callable[[str], str]) -> list[list[str]]:
    return [
        [table, row_id(table, record), field, translate(record[field]), record[field]]
        for table, fields in TRANSLATED.items()
        for record in read_rows(folder / f"{table}.csv")[1]
        for field in fields
    ]


def write_translation_rows(folder: Path, language: str, rows: list[list[str]]) -> Path:
    path = folder / "translations" / f"{language}.csv"
    path.parent.mkdir(exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([HEADER, *rows])
    return path


def write_translations(folder: Path, language: str, translate: Callable[[str], str]) -> Path:
    """translations/<language>.csv in `folder`, every text of its English files translated by `translate`."""
    return write_translation_rows(folder, language, translation_rows(folder, translate))
