"""The dataset's texts in another language. translations/<language>.csv has a row per English text
(table, id, field) with its translation and the English it was made from: a translation is used only
while that English is the current text, so an edited English text shows in English, never beside an
out-of-date translation, and `python -m lib.check` names it (and every text left untranslated)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Mapping

import pandas as pd

from lib.model.problems import Problem
from lib.model.schema import TRANSLATED

Key = tuple[str, str, str]  # (table, id, field): the English text a translation's row names
Records = list[tuple[int, dict[str, str]]]  # a translation file's rows as text, by spreadsheet row number


def row_ids(table: str, frame: pd.DataFrame) -> pd.Series:
    """How a translation names a row: by its id; a reading, which has none, as "<event_id>:<side>"."""
    return frame["event_id"] + ":" + frame["side"] if table == "readings" else frame["id"]


def english_texts(frames: Mapping[str, pd.DataFrame]) -> list[tuple[Key, str]]:
    """Every English text a translation covers, in file order; a key names two when a side gives an
    event two readings."""
    return [
        ((table, row_id, field), text)
        for table, fields in TRANSLATED.items()
        for field in fields
        for row_id, text in zip(row_ids(table, frames[table]), frames[table][field], strict=True)
    ]


def _key(record: dict[str, str]) -> Key:
    return record["table"], record["id"], record["field"]


def translated(frames: Mapping[str, pd.DataFrame], records: Records) -> dict[str, pd.DataFrame]:
    """The translated tables: each text in translation where a row translates its current English."""
    found = {(*_key(record), record["english"]): record["text"] for _, record in records if record["text"].strip()}
    return {
        table: frames[table].assign(
            **{
                field: [
                    found.get((table, row_id, field, english), english)
                    for row_id, english in zip(row_ids(table, frames[table]), frames[table][field], strict=True)
                ]
                for field in fields
            }
        )
        for table, fields in TRANSLATED.items()
    }


def translation_problems(file: str, frames: Mapping[str, pd.DataFrame], records: Records) -> Iterator[Problem]:
    """A row naming no text, a row made from an English text since changed, and each text no row translates."""
    texts = english_texts(frames)
    current: dict[Key, set[str]] = {}
    for key, english in texts:
        current.setdefault(key, set()).add(english)
    translated_texts = {(_key(record), record["english"]) for _, record in records}
    for number, record in records:
        key = _key(record)
        if key not in current:
            yield Problem(file, number, "id", "table {}, id {!r}, field {} names no text of the dataset".format(*key))
        elif record["english"] not in current[key]:
            old = textwrap.shorten(record["english"], 80, placeholder=" …")
            yield Problem(
                file, number, "english", f"translates an older English text: {old!r}; translate the current one"
            )
    named = {_key(record) for _, record in records}
    for key, english in texts:
        if (key, english) not in translated_texts and (key not in named or len(current[key]) > 1):
            yield Problem(file, None, None, "no row translates table {}, id {!r}, field {}".format(*key))
