"""Attack strings in every free-text field, and in the link, render as inert text on every page.

A watcher installed in every frame before any script runs records each element that data could
have injected (a script or event handler carrying the canary, a `javascript:` address, markup
from the payloads rendered as markup); the test also listens for dialogs and script errors and
reads the canary each payload would set.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from deploy.harness import MAP_FRAME, Server, start_server, stop_server, wait_until_drawn
from lib.site import PAGES as SITE_PAGES
from tests.browser.conftest import island_point, open_app, wait_for_app
from tests.browser.test_timeline_in_browser import DETAILS as TIMELINE_DETAILS
from tests.hostile import CANARY, PAYLOADS, write_hostile_dataset

pytestmark = pytest.mark.browser

PAGES = [page.url_path for page in SITE_PAGES]
MAX_HOVERED = 40
# A shared link is as hostile as the data: every parameter carries a payload.
HOSTILE_QUERY = {
    "country": "markdown link",
    "island": "img onerror",
    "from": "script",
    "q": "closing double quote",
    "event": "javascript link",
    "statement": "closing single quote",
    "chapter": "template",
}

_WATCHER_JS = """
((canary) => {
  const findings = [];
  window.hostileFindings = findings;
  window.hostileTextShown = 0;
  const showsCanary = (text) => !text.parentElement?.closest('script, style') && text.data.includes(canary);
  const markup = {
    B: /^(closed|end)$/, STRONG: /^bold$/, EM: /^em$/, DEL: /^gone$/, LI: /^a list item/,
    BLOCKQUOTE: /^a quote/, A: /^read more$/, MARQUEE: /./,
  };
  const check = (el) => {
    for (const attr of el.attributes || []) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on') && attr.value.includes(canary)) findings.push(`${el.tagName}[${name}]`);
      if (/(href|src|action|data)$/.test(name) && value.startsWith('javascript:')) findings.push(`${el.tagName}[${name}] javascript:`);
    }
    if (el.tagName === 'SCRIPT' && el.textContent.includes(canary)) findings.push('SCRIPT with the canary');
    if (el.tagName === 'STYLE' && el.textContent.includes('display:none!important')) findings.push('STYLE from data');
    if (el.tagName === 'IMG' && /(^x$|\\/p\\.png$)/.test(el.getAttribute('src') || '')) findings.push('IMG from data');
    if (el.classList && el.classList.contains('katex')) findings.push('LaTeX from data');
    const pattern = markup[el.tagName];
    if (pattern && pattern.test((el.textContent || '').trim())) findings.push(`${el.tagName} from data`);
  };
  const scan = (node) => {
    if (node.nodeType === 3 && showsCanary(node)) window.hostileTextShown += 1;
    if (node.nodeType !== 1) return;
    check(node);
    node.querySelectorAll('*').forEach(check);
    const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) if (showsCanary(texts.currentNode)) window.hostileTextShown += 1;
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') check(record.target);
      else record.addedNodes.forEach(scan);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
})"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(write_hostile_dataset(tmp_path_factory.mktemp("hostile") / "data"))
    yield server
    stop_server(server)


@pytest.fixture
def watched_page(page: Page) -> tuple[Page, list[str]]:
    """A page that records dialogs and uncaught script errors, with the watcher in every frame."""
    incidents: list[str] = []
    page.on("dialog", lambda dialog: (incidents.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: incidents.append(f"script error: {error}"))
    page.add_init_script(f"({_WATCHER_JS})('{CANARY}');")
    return page, incidents


def open_data_views(page: Page, path: str) -> None:
    """Show what only a pointer shows: hover every map shape and chart mark, then click one of each,
    and open every tab (a tab's content may be drawn only once it is open).

    Each click is followed by a wait for what it draws, as the page is still "not running" just
    after the click, before the rerun it causes has begun.
    """
    for index in range(page.locator(MAP_FRAME).count()):
        frame = page.frame_locator(MAP_FRAME).nth(index)
        shapes = frame.locator(".leaflet-interactive")
        for shape in shapes.all()[:MAX_HOVERED]:
            shape.hover(force=True)
        if shapes.count():
            page.mouse.click(*island_point(frame, "shikotan"))
            expect(frame.locator(".leaflet-popup-content")).to_be_visible()
            if path == "map":  # there a click also picks the island, and the page shows its details
                expect(page).to_have_url(re.compile(r"[?&]island="))
            wait_until_drawn(page)
    marks = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .point')
    for mark in marks.all()[:MAX_HOVERED]:
        mark.hover(force=True)
    if marks.count():
        marks.first.click(force=True)
        expect(page.locator(TIMELINE_DETAILS)).to_be_visible()
        wait_until_drawn(page)
    for tab in page.locator('[data-testid="stTabs"] [role="tab"][aria-selected="false"]').all():
        tab.click()
        expect(page.locator('[role="tabpanel"]:visible [data-testid="stElementContainer"]').first).to_be_visible()
        wait_for_app(page)


def text_shown(page: Page) -> int:
    """How many pieces of text carrying the canary were drawn as text, in every frame."""
    return sum(frame.evaluate("() => window.hostileTextShown ?? 0") for frame in page.frames)


def assert_inert(page: Page, incidents: list[str]) -> None:
    for frame in page.frames:
        assert frame.evaluate(f"() => window.{CANARY} ?? null") is None, f"a payload ran in {frame.url}"
        findings = frame.evaluate("() => window.hostileFindings ?? []")
        assert findings == [], f"injected into {frame.url}: {findings}"
    assert incidents == []
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


@pytest.mark.parametrize("path", PAGES, ids=[path or "home" for path in PAGES])
def test_hostile_data_renders_as_inert_text(
    watched_page: tuple[Page, list[str]], hostile_server: Server, path: str
) -> None:
    page, incidents = watched_page
    open_app(page, f"{hostile_server.url}/{path}")
    wait_until_drawn(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator('[data-testid="stAlertContentError"]')).to_have_count(0)  # the data is valid
    open_data_views(page, path)
    assert_inert(page, incidents)
    assert text_shown(page) > 0, "the attack strings are drawn, as text"


@pytest.mark.parametrize("path", PAGES, ids=[path or "home" for path in PAGES])
def test_a_hostile_link_renders_as_inert_text(
    watched_page: tuple[Page, list[str]], app_server: Server, path: str
) -> None:
    page, incidents = watched_page
    query = urlencode({key: PAYLOADS[payload] for key, payload in HOSTILE_QUERY.items()})
    open_app(page, f"{app_server.url}/{path}?{query}")
    wait_until_drawn(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_inert(page, incidents)
