"""A view put in an article, in headless Chromium: the sidebar's embed snippet, pasted into a plain
HTML page served from another origin, frames the view without the sidebar at a desktop's and a
phone's width, with a working link to the same view in the full dashboard; and the citation is
copied in one tap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from deploy.harness import Server
from lib.views.embed import FULL_VIEW_TEXT
from tests.browser.conftest import open_app, static_site, wait_for_app
from tests.browser.test_accessibility import BLOCKING, axe_violations, is_streamlits_own

pytestmark = pytest.mark.browser

VIEW = "/timeline?country=Japan"
RECORD_CLIPBOARD_JS = """
window.copiedTexts = [];
const write = navigator.clipboard.writeText.bind(navigator.clipboard);
navigator.clipboard.writeText = (text) => { window.copiedTexts.push(text); return write(text); };
"""


@pytest.fixture(scope="module")
def article_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A folder served by Python's http.server on 127.0.0.1, another origin than the app's: the article's site."""
    folder = tmp_path_factory.mktemp("article")
    with static_site(folder) as site:
        yield folder, site


def click_when_bound(button: Locator) -> None:
    """Click a copy button once its script has bound it (the script loads after the button is drawn).
    Its status line may then wait on the clipboard for seconds on a loaded machine."""
    expect(button).to_have_attribute("data-bound", "", timeout=30_000)
    button.click()


def copied_snippet(browser: Browser, app_server: Server) -> str:
    """The sidebar's embed snippet of the view, copied with its button."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.add_init_script(RECORD_CLIPBOARD_JS)
        open_app(page, f"{app_server.url}{VIEW}")
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_text("Embed this view").click()
        click_when_bound(sidebar.get_by_role("button", name="Copy embed code"))
        expect(sidebar.get_by_role("status").filter(has_text="Embed code copied.")).to_be_visible(timeout=30_000)
        [snippet] = page.evaluate("() => window.copiedTexts")
        return snippet
    finally:
        context.close()


@pytest.mark.parametrize("width", [1000, 390])
def test_a_framed_view_has_no_sidebar_and_opens_the_full_view(
    browser: Browser, app_server: Server, article_folder: tuple[Path, str], width: int
) -> None:
    snippet = copied_snippet(browser, app_server)
    assert f'src="{app_server.url}/timeline?country=Japan&amp;embed=true"' in snippet
    folder, site = article_folder
    (folder / f"article-{width}.html").write_text(
        f"<!doctype html><meta charset=utf-8><title>An article</title><h1>An article</h1>{snippet}<p>The end.</p>",
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{site}/article-{width}.html")
        frame = page.frame_locator("iframe")
        link = frame.get_by_role("link", name=FULL_VIEW_TEXT)
        expect(link).to_be_visible(timeout=60_000)
        expect(frame.get_by_role("heading", name="Timeline of the negotiations")).to_be_visible()
        expect(frame.get_by_test_id("stSidebar")).to_have_count(0)
        expect(frame.get_by_test_id("stExpandSidebarButton")).to_have_count(0)
        # No filter to change inside the article.
        expect(frame.get_by_role("spinbutton")).to_have_count(0)
        expect(frame.get_by_role("radio", name="Japan", exact=True)).to_have_count(0)
        expect(frame.get_by_role("combobox", name="Island")).to_have_count(0)
        box = page.locator("iframe").bounding_box()
        assert box is not None and box["height"] == pytest.approx(760, abs=2)
        full_view = f"{app_server.url}{VIEW}"
        expect(link).to_have_attribute("href", full_view)
        expect(link).to_have_attribute("target", "_blank")
        expect(link).to_have_attribute("rel", "noopener noreferrer")
        with context.expect_page() as opened:
            link.click()
        dashboard: Page = opened.value
        wait_for_app(dashboard)
        expect(dashboard).to_have_url(full_view)
        sidebar = dashboard.get_by_test_id("stSidebar")
        expect(sidebar.get_by_role("radio", name="Japan")).to_be_checked()
    finally:
        context.close()


def test_the_citation_is_copied_in_one_tap(browser: Browser, app_server: Server) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.add_init_script(RECORD_CLIPBOARD_JS)
        open_app(page, f"{app_server.url}/statements?q=impetus")
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_text("Cite this view").click()
        click_when_bound(sidebar.get_by_role("button", name="Copy BibTeX"))
        expect(sidebar.get_by_role("status").filter(has_text="BibTeX entry copied.")).to_be_visible(timeout=30_000)
        [entry] = page.evaluate("() => window.copiedTexts")
        assert entry.startswith("@misc{kurils-statements-")
        assert f"url = {{{app_server.url}/statements?q=impetus}}" in entry
    finally:
        context.close()


def blocking_violations(page: Page) -> list[str]:
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}: {node['html'][:200]}"
        for violation in axe_violations(page)
        if violation["impact"] in BLOCKING
        for node in violation["nodes"]
        if not is_streamlits_own(page, violation["id"], node["target"])
    ]


def test_the_open_embed_and_cite_panels_and_an_embedded_view_pass_axe(page: Page, app_server: Server) -> None:
    open_app(page, f"{app_server.url}/statements?country=Russia&q=impetus")
    sidebar = page.get_by_test_id("stSidebar")
    for panel in ("Embed this view", "Cite this view"):
        sidebar.get_by_text(panel).click()
    expect(sidebar.get_by_role("button", name="Copy BibTeX")).to_be_visible()
    assert blocking_violations(page) == []
    open_app(page, f"{app_server.url}/timeline?country=Japan&embed=true")
    expect(page.get_by_role("link", name=FULL_VIEW_TEXT)).to_be_visible()
    assert blocking_violations(page) == []
