"""The dataset every session sees, read and checked once per version of the files, or the panel of its problems."""

from __future__ import annotations

import os
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import streamlit as st

from lib.i18n import _, current_language, format_number
from lib.model.dataset import Dataset
from lib.model.load import DATA_DIR, LoadResult, Problem, read_dataset

# Tests and benchmarks point the app at another data folder through this variable.
DATA_DIR_VARIABLE = "KURILS_DATA_DIR"
# A table row this high holds three lines: st.dataframe wraps a cell's text only in rows over 4rem (64 px).
WRAPPED_ROW_PX = 68

Fingerprint = tuple[tuple[str, int, int], ...]


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_VARIABLE) or DATA_DIR)


def _fingerprint(folder: Path) -> Fingerprint:
    """Changes whenever a data file does, so edits show without restarting the server; () with no folder."""
    return tuple(
        (str(path.relative_to(folder)), path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    )


# cache_resource, not cache_data: every session shares the one validated copy instead of unpickling
# its own on every rerun. Nothing writes to it, and a test runs every page and checks the shared copy
# is unchanged afterwards. One per language (the run's) and version of the files: 3 languages × 2 versions.
@st.cache_resource(show_spinner=False, max_entries=6)
def _cached_dataset(folder: str, fingerprint: Fingerprint, language: str) -> LoadResult:
    return read_dataset(Path(folder), language)


def load_dataset() -> LoadResult:
    """The validated dataset in the run's language, read and checked once per change of the files."""
    folder = data_dir()
    return _cached_dataset(str(folder), _fingerprint(folder), current_language())


def problems_frame(problems: tuple[Problem, ...]) -> pd.DataFrame:
    headers = {"file": _("file"), "row": _("row"), "column": _("column"), "reason": _("problem")}
    frame = pd.DataFrame([asdict(problem) for problem in problems], columns=list(headers)).astype({"row": "Int64"})
    return frame.fillna({"column": ""}).rename(columns=headers)


def show_problems(problems: tuple[Problem, ...]) -> None:
    # Translators: {count} is the number of problems, 1 or more: word it to fit any number ("Проблем: {count}").
    message = _(
        "The dataset has {count} problem(s), so nothing is drawn from it until they are fixed. "
        "Run `python -m lib.check` to list them in a terminal."
    )
    st.error(message.format(count=format_number(len(problems))), icon=":material/error:")
    # A dataframe shows every reason as plain text, whatever the CSV holds.
    # Its rows over 64 px high wrap each reason, and the file stays in view when swiped sideways.
    st.dataframe(
        problems_frame(problems),
        hide_index=True,
        width="stretch",
        row_height=WRAPPED_ROW_PX,
        column_config={
            _("file"): st.column_config.TextColumn(pinned=True),
            _("problem"): st.column_config.TextColumn(width="large"),
        },
    )


def dataset_or_stop() -> Dataset:
    result = load_dataset()
    if result.dataset is None:
        show_problems(result.problems)
        st.stop()
    return result.dataset
