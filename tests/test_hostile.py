"""Every page runs on the hostile dataset (tests/hostile.py), which is valid: no error panel, no exception,
in English and on its hostile Japanese translations."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.ui.data import DATA_DIR_VARIABLE
from tests.apptest import PAGE_FILES, run_page


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_every_page_runs_on_hostile_data(
    page_file: str, language: str, hostile_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(hostile_dir))
    app = run_page(page_file, lang=language)
    assert not app.exception
    assert not app.error, "the hostile dataset is valid: no error panel"
    assert app.title
