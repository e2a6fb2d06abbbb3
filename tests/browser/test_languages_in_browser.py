"""The dashboard in Japanese and Russian in headless Chromium: lang= in the link, or the browser's own
language, sets every page's words; the switch changes them; the share link keeps the language; dates
are written as each language writes them, the chart's toolbar and the map's own controls are titled in the
language; a language the app lacks gets a notice and English."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from deploy.harness import MAP_FRAME, Server
from lib.site import PAGES, SitePage
from tests.browser.conftest import open_app

pytestmark = pytest.mark.browser

SCRIPTS = {
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),  # Hiragana, Katakana, CJK ideographs
    "ru": re.compile(r"[\u0400-\u04ff]"),  # Cyrillic
}
NOTICE = "Part of this link could not be used"

OpenPage = Callable[..., Page]


@pytest.fixture
def open_page(browser: Browser, app_server: Server) -> Iterator[OpenPage]:
    """`path` opened in a new browser context (`options`, e.g. its locale): a session of its own."""
    contexts: list[BrowserContext] = []

    def opened(path: str, **options: object) -> Page:
        contexts.append(browser.new_context(**options))
        page = contexts[-1].new_page()
        open_app(page, f"{app_server.url}/{path}")
        return page

    yield opened
    for context in contexts:
        context.close()


def sidebar(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar")


def expect_sidebar_in(page: Page, language: str) -> None:
    """The sidebar's heading and every widget's label (language, country, years, island) in `language`'s script."""
    expect(sidebar(page).get_by_role("heading", level=2).first).to_have_text(SCRIPTS[language])
    labels = sidebar(page).get_by_test_id("stWidgetLabel")
    expect(labels).to_have_count(5)
    for label in labels.all():
        expect(label).to_have_text(SCRIPTS[language])


@pytest.mark.parametrize("language", ["ja", "ru"])
@pytest.mark.parametrize("site_page", PAGES, ids=[page.module for page in PAGES])
def test_every_page_opens_in_the_link_s_language(open_page: OpenPage, site_page: SitePage, language: str) -> None:
    page = open_page(f"{site_page.url_path}?lang={language}")
    expect_sidebar_in(page, language)
    expect(page).to_have_title(SCRIPTS[language])
    expect(page.get_by_role("heading", level=1)).to_have_text(SCRIPTS[language])


@pytest.mark.parametrize(("locale", "language"), [("ja-JP", "ja"), ("ru-RU", "ru")])
def test_a_browser_set_to_a_language_gets_it_without_lang_in_the_link(
    open_page: OpenPage, locale: str, language: str
) -> None:
    page = open_page("timeline", locale=locale)
    expect_sidebar_in(page, language)
    expect(page).to_have_url(re.compile(rf"[?&]lang={language}\b"))


def test_the_share_link_keeps_the_language_and_the_filters(open_page: OpenPage, app_server: Server) -> None:
    page = open_page("map?lang=ja&country=Japan")
    link = sidebar(page).get_by_test_id("stMarkdownContainer").get_by_role("link")
    expect(link).to_have_text(f"{app_server.url}/map?lang=ja&country=Japan")
    expect(sidebar(page).get_by_role("radio", name="日本", exact=True)).to_be_checked()


@pytest.mark.parametrize(
    ("language", "date"), [("ja", r"1956年10月19日"), ("ru", r"19\s?октября\s?1956\s?г\.")], ids=["ja", "ru"]
)
def test_the_timeline_dates_the_1956_declaration_as_the_language_writes_it(
    open_page: OpenPage, language: str, date: str
) -> None:
    page = open_page(f"timeline?lang={language}&event=1956-joint-declaration")
    expect(page.get_by_test_id("stMain").get_by_text(re.compile(date)).first).to_be_visible()


def test_the_chart_s_toolbar_is_titled_in_japanese(open_page: OpenPage) -> None:
    page = open_page("timeline?lang=ja")
    page.locator(".js-plotly-plot").first.hover()  # Plotly shows its toolbar on hover
    download = page.locator(".modebar-btn").first
    expect(download).to_have_attribute("data-title", SCRIPTS["ja"])
    expect(download).not_to_have_attribute("data-title", re.compile("Download"))


@pytest.mark.parametrize("language", ["ru", "ja"])
def test_the_map_s_own_controls_are_titled_in_the_language(open_page: OpenPage, language: str) -> None:
    frame = open_page(f"map?lang={language}").frame_locator(MAP_FRAME)
    for zoom in (".leaflet-control-zoom-in", ".leaflet-control-zoom-out"):
        expect(frame.locator(zoom)).to_have_attribute("title", SCRIPTS[language])
        expect(frame.locator(zoom)).to_have_attribute("aria-label", SCRIPTS[language])
    expect(frame.locator(".leaflet-control-layers-toggle")).to_have_attribute("title", SCRIPTS[language])
    expect(frame.locator(".leaflet-control-attribution a").first).to_have_attribute("title", SCRIPTS[language])
    frame.locator(".island-shape").first.press("Enter")  # chooses the island as a click does: its popup opens
    expect(frame.locator(".leaflet-popup-close-button")).to_have_attribute("aria-label", SCRIPTS[language])


def test_the_switch_changes_the_language_and_the_address(open_page: OpenPage) -> None:
    page = open_page("statements?country=Russia")
    expect(page).not_to_have_title(SCRIPTS["ja"])
    sidebar(page).get_by_text("日本語", exact=True).click()
    expect(page).to_have_title(SCRIPTS["ja"])
    expect(page).to_have_url(re.compile(r"\?lang=ja&country=Russia$"))
    expect_sidebar_in(page, "ja")


def test_a_language_the_app_lacks_gets_a_notice_and_english(open_page: OpenPage) -> None:
    page = open_page("timeline?lang=xx")
    expect(page.get_by_text(NOTICE)).to_be_visible()
    expect(page.get_by_text(re.compile(r"“lang=xx” is not one of en, ja, ru; showing English\."))).to_be_visible()
    expect(sidebar(page).get_by_role("heading", name="Filters", exact=True)).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"lang="))


# Every link and button label on the page whose text overflows its box: Streamlit keeps a page link's or a
# button's label on one line and hides what does not fit.
_CUT_LABELS_JS = """() => [...document.querySelectorAll(
    '[data-testid="stPageLink"] p, [data-testid="stDownloadButton"] p, [data-testid="stBaseButton-secondary"] p')]
  .filter((label) => {
    for (let box = label; box && !box.matches('[data-testid="stPageLink"], button'); box = box.parentElement) {
      if (box.scrollWidth > box.clientWidth + 1) return true;
    }
    return false;
  })
  .map((label) => label.textContent)"""


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_overview_s_links_and_buttons_show_their_labels_whole(
    open_page: OpenPage, language: str, width: int
) -> None:
    page = open_page(f"?lang={language}", viewport={"width": width, "height": 900})
    expect(page.get_by_test_id("stPageLink").last).to_be_visible()
    assert page.evaluate(_CUT_LABELS_JS) == []
