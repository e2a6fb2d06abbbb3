"""Shared links in headless Chromium: each opens in a fresh browser context, as it would for the
person it was sent to, with its filters applied; the address bar follows every change."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from deploy.harness import Server, wait_until_drawn
from tests.browser.conftest import PHONE_WITH_TOUCH, open_app, wait_for_app
from tests.pages.test_home_page import csv_rows, matching_rows

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
NOTICE = "Part of this link could not be used"
# The year inputs' ends: the first and last year any event or statement names.
DATED_YEARS = [
    int(row[column][:4])
    for name in ("events.csv", "statements.csv")
    for row in csv_rows(name)
    for column in ("date", "end_date")
    if row.get(column)
]
ALL_YEARS = (min(DATED_YEARS), max(DATED_YEARS))

FreshPage = Callable[..., Page]


@pytest.fixture
def fresh_page(browser: Browser) -> Iterator[FreshPage]:
    """Pages in new browser contexts: no cookies, storage or session of any earlier test."""
    contexts: list[BrowserContext] = []

    def open_page(**options: object) -> Page:
        contexts.append(browser.new_context(**options))
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()


def sidebar(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar")


def expect_filters(page: Page, country: str, years: tuple[int, int], island: str) -> None:
    expect(sidebar(page).get_by_role("radio", name=country)).to_be_checked()
    expect(sidebar(page).get_by_role("spinbutton", name="From")).to_have_value(str(years[0]))
    expect(sidebar(page).get_by_role("spinbutton", name="To")).to_have_value(str(years[1]))
    expect(sidebar(page).get_by_role("combobox", name="Island")).to_have_value(island)


def share_link(page: Page) -> Locator:
    return sidebar(page).get_by_test_id("stMarkdownContainer").get_by_role("link")


def test_a_shared_link_opens_with_its_filters_and_counts(fresh_page: FreshPage, app_server: Server) -> None:
    link = f"{app_server.url}/?country=Japan&from=1950&to=2000"
    page = fresh_page()
    open_app(page, link)
    expect_filters(page, "Japan", (1950, 2000), "All islands")
    events = matching_rows("events.csv", "Japan", 1950, 2000)
    statements = matching_rows("statements.csv", "Japan", 1950, 2000)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("link", name=re.compile("Timeline"))).to_have_text(
        re.compile(f"Timeline: {events} of {len(csv_rows('events.csv'))} events")
    )
    expect(main.get_by_role("link", name=re.compile("Statements"))).to_have_text(
        re.compile(f"Statements: {statements} of {len(csv_rows('statements.csv'))} statements")
    )
    expect(share_link(page)).to_have_text(link)
    expect(share_link(page)).to_have_attribute("href", link)
    expect(page).to_have_url(link)
    expect(page).to_have_title("Overview · Southern Kurils dispute")


def test_the_filters_go_from_page_to_page_and_a_page_s_own_choices_stay_with_it(
    fresh_page: FreshPage, app_server: Server
) -> None:
    page = fresh_page()
    open_app(page, f"{app_server.url}/statements?island=shikotan&q=Russia")
    expect(page).to_have_title("Statements · Southern Kurils dispute")
    expect_filters(page, "Both", ALL_YEARS, "Shikotan")
    for name, path in [("Timeline", "/timeline"), ("Map", "/map"), ("Overview", "/")]:
        sidebar(page).get_by_role("link", name=name, exact=True).click()
        # As a reader does, go on once the page is drawn: its chart, its map.
        wait_until_drawn(page)
        # The search belongs to the Statements page: it does not ride along where it does nothing.
        expect(page).to_have_url(f"{app_server.url}{path}?island=shikotan")
        expect(page).to_have_title(f"{name} · Southern Kurils dispute")
        expect_filters(page, "Both", ALL_YEARS, "Shikotan")
        expect(share_link(page)).to_have_text(f"{app_server.url}{path}?island=shikotan")
    sidebar(page).get_by_role("link", name="Statements", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("textbox", name="Search quotes, speakers and roles")).to_have_value("Russia")
    expect(page).to_have_url(f"{app_server.url}/statements?island=shikotan&q=Russia")


def test_a_link_to_an_event_opens_the_timeline_with_it_chosen(fresh_page: FreshPage, app_server: Server) -> None:
    link = f"{app_server.url}/timeline?country=Japan&event=1973-tanaka-brezhnev-summit"
    page = fresh_page()
    open_app(page, link)
    details = page.locator(".st-key-timeline_details")
    expect(details).to_contain_text("7–10 Oct 1973")
    expect(page.get_by_role("combobox", name="Event")).to_have_value(re.compile("^7–10 Oct 1973 · "))
    expect(share_link(page)).to_have_text(link)
    expect(page).to_have_url(link)
    sidebar(page).get_by_role("link", name="Map", exact=True).click()
    wait_for_app(page)
    expect(page).to_have_url(f"{app_server.url}/map?country=Japan")  # the choice belongs to its page
    expect(share_link(page)).to_have_text(f"{app_server.url}/map?country=Japan")


def test_changing_a_filter_updates_the_address_bar_and_the_share_link(
    fresh_page: FreshPage, app_server: Server
) -> None:
    page = fresh_page()
    open_app(page, f"{app_server.url}/timeline")
    sidebar(page).get_by_text("Russia", exact=True).click()
    wait_for_app(page)
    expect(page).to_have_url(f"{app_server.url}/timeline?country=Russia")
    start = sidebar(page).get_by_role("spinbutton", name="From")
    start.fill(str(ALL_YEARS[0] + 1))
    start.press("Enter")
    wait_for_app(page)
    expect(page).to_have_url(f"{app_server.url}/timeline?country=Russia&from={ALL_YEARS[0] + 1}")
    expect(share_link(page)).to_have_text(f"{app_server.url}/timeline?country=Russia&from={ALL_YEARS[0] + 1}")


def test_a_bad_link_says_what_it_ignored_even_on_a_phone(fresh_page: FreshPage, app_server: Server) -> None:
    page = fresh_page(viewport=PHONE)
    open_app(page, f"{app_server.url}/timeline?country=France&from=abc&island=kunashir")
    notice = page.get_by_test_id("stMain").get_by_test_id("stAlert").filter(has_text=NOTICE)
    expect(notice).to_be_visible()  # above the page: a phone keeps the sidebar closed
    expect(notice).to_contain_text("country=France")
    expect(notice).to_contain_text("from=abc")
    expect(page).to_have_url(f"{app_server.url}/timeline?island=kunashir")  # the good parameter stays
    page.get_by_test_id("stExpandSidebarButton").click()
    sidebar(page).get_by_text("Japan", exact=True).click()
    wait_for_app(page)
    expect(page).to_have_url(f"{app_server.url}/timeline?country=Japan&island=kunashir")
    expect(notice).to_have_count(0)


def test_the_home_page_shows_the_islands_on_a_small_map(fresh_page: FreshPage, app_server: Server) -> None:
    page = fresh_page()
    open_app(page, f"{app_server.url}/?island=kunashir")
    home_map = page.frame_locator(MAP_FRAME)
    for island in csv_rows("islands.csv"):
        if island["id"] == island["group"] and island["claimed_by"]:
            expect(home_map.get_by_text(island["name_en"], exact=True)).to_be_visible()
    expect(home_map.locator(".leaflet-interactive").first).to_be_visible()


# Records what a page writes to the clipboard, so that a test can read it back.
_RECORD_CLIPBOARD_JS = """
window.copiedTexts = [];
const write = navigator.clipboard.writeText.bind(navigator.clipboard);
navigator.clipboard.writeText = (text) => { window.copiedTexts.push(text); return write(text); };
"""


@pytest.mark.parametrize("options", [{}, PHONE_WITH_TOUCH], ids=["1280px", "390px touch"])
def test_one_tap_copies_the_share_link_and_says_so(
    fresh_page: FreshPage, app_server: Server, options: dict[str, object]
) -> None:
    page = fresh_page(permissions=["clipboard-read", "clipboard-write"], **options)
    page.add_init_script(_RECORD_CLIPBOARD_JS)
    open_app(page, f"{app_server.url}/timeline?country=Japan&from=1956")
    if options:
        page.get_by_test_id("stExpandSidebarButton").click()
    button = sidebar(page).get_by_role("button", name="Copy link")
    box = button.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44, "a finger-sized target"
    if options:
        button.tap()
    else:
        button.click()
    expect(sidebar(page).get_by_role("status")).to_have_text("Link copied.", timeout=30_000)
    link = f"{app_server.url}/timeline?country=Japan&from=1956"
    assert page.evaluate("() => window.copiedTexts") == [link]
    expect(share_link(page)).to_have_text(link)
