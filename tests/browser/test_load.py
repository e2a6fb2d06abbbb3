"""Twenty browser sessions opened in quick succession against one server on 127.0.0.1.

Every session must render its page without an error, and the server holding all twenty must fit
in 690 MB, the smallest memory Streamlit Community Cloud gives an app. Memory is a resource bound,
not a timing, and a regression (data copied per session, say) should fail the build, so it is
asserted here; the benchmark reports the figures per session beside a bare Streamlit page.
"""

from __future__ import annotations

from collections.abc import Iterator

import psutil
import pytest
from playwright.sync_api import Browser, Page, expect

from deploy.harness import Server, start_server, stop_server, wait_until_drawn
from lib.site import PAGES as SITE_PAGES

pytestmark = pytest.mark.browser

PAGES = [page.url_path for page in SITE_PAGES]
SESSIONS = 20
MEMORY_LIMIT_BYTES = 690 * 2**20


@pytest.fixture(scope="module")
def fresh_server() -> Iterator[Server]:
    """A server of its own, so its memory is that of these sessions alone."""
    server = start_server()
    yield server
    stop_server(server)


def test_twenty_sessions_render_and_fit_in_the_smallest_cloud_memory(browser: Browser, fresh_server: Server) -> None:
    contexts = [browser.new_context() for _ in range(SESSIONS)]
    try:
        pages: list[tuple[str, Page, list[str]]] = []
        for number, context in enumerate(contexts):
            path = PAGES[number % len(PAGES)]
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            page.goto(f"{fresh_server.url}/{path}", wait_until="commit")
            pages.append((path, page, errors))
        for path, page, errors in pages:
            wait_until_drawn(page)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            expect(page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')).to_have_count(0)
            assert errors == [], f"/{path}: {errors}"
        memory = psutil.Process(fresh_server.process.pid).memory_info().rss
        assert memory <= MEMORY_LIMIT_BYTES, f"{memory / 2**20:.0f} MB for {SESSIONS} open sessions"
    finally:
        for context in contexts:
            context.close()
