"""Tables on a phone: a 390 x 844 touch screen. A swipe sideways over the Map page's table of islands
scrolls its columns, and the first column, the islands' names, stays where it was."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from deploy.harness import Server, wait_until_drawn
from tests.browser.conftest import open_app, swipe

pytestmark = pytest.mark.browser

TABLE = '.st-key-islands_table [data-testid="stDataFrame"]'
SCROLLER = f"{TABLE} .dvn-scroller"  # the grid's own scrolling element


def names_in_view(page: Page) -> list[str]:
    """The islands named in the cells a screen reader is given: the grid's cells drawn in view."""
    text = page.locator(f"{TABLE} table").inner_text()
    return [name for name in ("Iturup", "Kunashir", "Shikotan") if name in text]


def first_column_picture(page: Page) -> bytes:
    """A picture of the start of the table's first column, below Streamlit's header."""
    box = page.locator(TABLE).bounding_box()
    assert box is not None
    return page.screenshot(clip={"x": box["x"] + 2, "y": box["y"] + 40, "width": 100, "height": 300})


def test_a_sideways_swipe_over_the_islands_table_keeps_the_names_in_view(phone: Page, app_server: Server) -> None:
    open_app(phone, f"{app_server.url}/map")
    wait_until_drawn(phone)
    table = phone.locator(TABLE)
    table.evaluate("(table) => table.scrollIntoView({block: 'center'})")  # its top well below the header
    table.evaluate(
        "(table) => document.querySelector('[data-testid=stMain]').scrollBy(0, table.getBoundingClientRect().top - 150)"
    )
    names = names_in_view(phone)
    assert names == ["Iturup", "Kunashir", "Shikotan"]
    before = first_column_picture(phone)
    box = table.bounding_box()
    assert box is not None
    # Lower down than the picture: the row under the finger is drawn as hovered.
    swipe(phone, box["x"] + box["width"] - 20, box["y"] + 550, -250, 0, steps=10)
    # The grid has scrolled sideways: its columns after the first have moved under the finger.
    phone.wait_for_function("(s) => document.querySelector(s).scrollLeft > 100", arg=SCROLLER, timeout=10_000)
    wait_until_drawn(phone)
    assert names_in_view(phone) == names
    assert first_column_picture(phone) == before
