"""Every page runs on the hostile dataset (tests/hostile.py), which is valid: no error panel, no exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.ui.data import DATA_DIR_VARIABLE
from tests.apptest import PAGE_FILES, run_page


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_every_page_runs_on_hostile_data(page_file: str, hostile_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(hostile_dir))
    app = run_page(page_file)
    assert not app.exception
    assert not app.error, "the hostile dataset is valid: no error panel"
    assert app.title
