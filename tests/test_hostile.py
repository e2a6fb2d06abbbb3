"""The hostile dataset is valid, holds every attack in every table, and every page runs on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.model.load import read_dataset
from lib.ui.data import DATA_DIR_VARIABLE
from tests.apptest import PAGE_FILES, run_page
from tests.hostile import PAYLOADS, URLS


def test_the_hostile_dataset_passes_every_check(hostile_dir: Path) -> None:
    result = read_dataset(hostile_dir)
    assert result.problems == (), [str(problem) for problem in result.problems]


def test_every_attack_is_in_the_shown_text(hostile_dir: Path) -> None:
    dataset = read_dataset(hostile_dir).dataset
    assert dataset is not None
    shown = " ".join(
        [
            *dataset.statements[["speaker", "role", "quote"]].to_numpy().ravel(),
            *dataset.events[["title", "description"]].to_numpy().ravel(),
            *dataset.islands["name_en"],
            *dataset.publishers["name"],
        ]
    )
    for name, payload in PAYLOADS.items():
        assert payload in shown, name
    urls = set(dataset.statements["role_source_url"]) | set(dataset.event_sources["url"])
    assert set(URLS) <= urls


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_every_page_runs_on_hostile_data(page_file: str, hostile_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(hostile_dir))
    app = run_page(page_file)
    assert not app.exception
    assert not app.error, "the hostile dataset is valid: no error panel"
    assert app.title
