"""A sample of the malformed files of tests/test_malformed_csv.py, in the real server and browser.

One server reads a data folder that each test breaks in its own way; the loader notices the change
of the files, so every test sees its own breakage. Each page shows the error panel with the reason,
and no traceback.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bench.synthetic import copy_dataset
from deploy.harness import Server, start_server, stop_server
from tests.browser.conftest import open_app
from tests.model.test_malformed_csv import KINDS, break_file

pytestmark = pytest.mark.browser

# A kind per page, so that every page is seen failing in the browser.
SAMPLE = {
    "": "bytes that are not UTF-8",
    "map": "unterminated quote",
    "timeline": "a web page saved as CSV",
    "statements": "UTF-16 text (a spreadsheet's 'Unicode text')",
}


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("malformed") / "data"


@pytest.fixture(scope="module")
def malformed_server(data_folder: Path) -> Iterator[Server]:
    copy_dataset(data_folder)
    server = start_server(data_folder)
    yield server
    stop_server(server)


@pytest.mark.parametrize(("path", "kind"), SAMPLE.items(), ids=SAMPLE.values())
def test_a_malformed_file_shows_the_error_panel(
    page: Page, malformed_server: Server, data_folder: Path, path: str, kind: str
) -> None:
    shutil.rmtree(data_folder)
    copy_dataset(data_folder)
    break_file(data_folder, KINDS[kind])
    open_app(page, f"{malformed_server.url}/{path}")
    expect(page.get_by_text("nothing is drawn from it until they are fixed")).to_be_visible()
    expect(page.locator('[data-testid="stDataFrame"]')).to_contain_text(KINDS[kind].reason)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_have_count(0)
    assert "Traceback" not in page.content()
