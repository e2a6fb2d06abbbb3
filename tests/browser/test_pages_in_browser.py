"""Every page by its URL in headless Chromium: it renders, with no exception element."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from deploy.harness import Server, start_server, stop_server
from tests.browser.conftest import open_app

pytestmark = pytest.mark.browser

PAGES = [
    ("", "Russia–Japan peace-treaty talks"),
    ("story", "The story of the negotiations"),
    ("map", "Map"),
    ("timeline", "Timeline"),
    ("statements", "Statements"),
]


@pytest.mark.parametrize(("path", "heading"), PAGES, ids=[p or "home" for p, _ in PAGES])
def test_every_page_opens_by_its_url(page: Page, app_server: Server, path: str, heading: str) -> None:
    open_app(page, f"{app_server.url}/{path}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.get_by_text("Filters", exact=True)).to_be_visible()  # app.py ran before the page


def test_a_deep_link_as_the_first_request_still_goes_through_app_py(page: Page) -> None:
    """A fresh server whose first visitor opens a shared link to a page, not the home page."""
    server = start_server()
    try:
        open_app(page, f"{server.url}/statements?country=Japan")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Statements")
        expect(page.get_by_role("radio", name="Japan")).to_be_checked()
    finally:
        stop_server(server)
