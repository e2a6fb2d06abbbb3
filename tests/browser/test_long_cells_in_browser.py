"""A table cell too long to show whole (issue 23, item 6): Streamlit's grid draws at most a few
wrapped lines of it, and opens the whole text in an overlay on Enter (keyboard) or on a second tap
of the chosen cell (touch). A synthetic quote far longer than any cell, in a dataset the loader
accepts, is read whole both ways on the Statements page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from bench.synthetic import copy_dataset, read_rows, write_rows
from deploy.harness import Server, start_server, stop_server, wait_until_drawn
from tests.browser.conftest import focus_by_tab, open_app

pytestmark = pytest.mark.browser

LONG_QUOTE = (
    ", ".join(f"clause number {number} of a synthetic quote" for number in range(1, 41)) + ", and its last words"
)
CANVAS = '[data-testid="stDataFrame"] [data-testid="data-grid-canvas"]'
OVERLAY_TEXT = "#portal textarea"  # where the grid shows a cell's whole text
MAX_COLUMNS = 10


@pytest.fixture(scope="module")
def long_quote_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real data, its first statement's quote replaced by LONG_QUOTE inside a sentence of the article."""
    data = copy_dataset(tmp_path_factory.mktemp("long") / "data")
    fieldnames, statements = read_rows(data / "statements.csv")
    first = statements[0]
    first["quote"] = LONG_QUOTE
    first["evidence"] = f"A speaker said “{LONG_QUOTE}” in this sentence."
    write_rows(data / "statements.csv", fieldnames, statements)
    _, sources = read_rows(data / "sources.csv")
    article = data / next(source["path"] for source in sources if source["id"] == first["source_id"])
    article.write_text(f"{article.read_text(encoding='utf-8')}\n\n{first['evidence']}\n", encoding="utf-8")
    server = start_server(data)
    yield server
    stop_server(server)


def test_the_keyboard_opens_a_long_cell_whole(page: Page, long_quote_server: Server) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    open_app(page, f"{long_quote_server.url}/statements")
    wait_until_drawn(page)
    focus_by_tab(page, CANVAS)  # the grid chooses the first row's first cell
    overlay = page.locator(OVERLAY_TEXT)
    shown: list[str] = []
    for _ in range(MAX_COLUMNS):
        page.keyboard.press("Enter")
        expect(overlay).to_be_visible()
        shown.append(overlay.input_value())
        if shown[-1] == LONG_QUOTE:
            break
        page.keyboard.press("Escape")
        expect(overlay).to_have_count(0)
        page.keyboard.press("ArrowRight")
    assert shown[-1] == LONG_QUOTE, f"no cell of the first row opened the whole quote: {shown}"


def test_a_second_tap_opens_a_long_cell_whole(phone: Page, long_quote_server: Server) -> None:
    open_app(phone, f"{long_quote_server.url}/statements")
    wait_until_drawn(phone)
    canvas = phone.locator(CANVAS).first
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    assert box is not None
    # The first row's Quote cell: the second column, from about a third of the phone's width on.
    cell = (box["x"] + box["width"] * 0.6, box["y"] + 60)
    phone.touchscreen.tap(*cell)  # chooses the cell
    phone.touchscreen.tap(*cell)
    expect(phone.locator(OVERLAY_TEXT)).to_have_value(LONG_QUOTE)
