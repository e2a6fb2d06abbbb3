"""The timeline on a phone: a 390 x 844 touch screen. A vertical swipe over the chart scrolls the page
and leaves the chart's range as it was; one tap on a row of the list of events in view opens its
details (marks are not tappable on a touch screen: the chart is a picture the page scrolls past);
one tap on a period jumps to it; and what the page offers to tap is at least 44 x 44 px."""

from __future__ import annotations

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from deploy.harness import Server
from tests.browser.conftest import open_app, swipe
from tests.browser.test_timeline_in_browser import CHART, DETAILS, box

pytestmark = pytest.mark.browser

SCROLLER = '[data-testid="stMain"]'  # the element that scrolls the page
ROWS = ".st-key-timeline_rows"  # the list of events in view
PERIODS = ".st-key-timeline_period"
STRIP = ".st-key-timeline_chart"  # on a phone, the strip a sideways swipe scrolls
# The strip opens on its right end (right to left), so its scrollLeft runs from 0 down to its start.
AT_STRIP_START = (
    "(strip) => { const s = document.querySelector(strip); return s.scrollWidth + s.scrollLeft <= s.clientWidth; }"
)
MIN_TAP_PX = 44
SWIPE_PX = 300
SWIPE_STEPS = 10
MAX_SIDEWAYS_SWIPES = 10


def open_timeline(page: Page, server: Server, query: str = "") -> None:
    open_app(page, f"{server.url}/timeline{query}")
    expect(page.locator(f"{CHART} .cartesianlayer .point").first).to_be_attached()


def chart_ranges(page: Page) -> list[list[object]]:
    return page.evaluate(
        "(chart) => { const layout = document.querySelector(chart)._fullLayout;"
        " return [layout.xaxis.range, layout.yaxis.range]; }",
        CHART,
    )


def test_a_vertical_swipe_over_the_chart_scrolls_the_page_and_leaves_the_chart_as_it_was(
    phone: Page, app_server: Server
) -> None:
    open_timeline(phone, app_server)
    plot = phone.locator(f"{CHART} .nsewdrag").first  # the plot area, between the lanes and the dates
    plot.scroll_into_view_if_needed()
    area = box(plot)
    viewport = phone.viewport_size
    assert viewport is not None
    x, y = viewport["width"] / 2, area["y"] + area["height"] * 0.9  # the plot is wider than the screen
    assert y - SWIPE_PX > 0 and y < viewport["height"], "the swipe starts on the chart"
    before = phone.evaluate("(scroller) => document.querySelector(scroller).scrollTop", SCROLLER)
    ranges = chart_ranges(phone)
    swipe(phone, x, y, 0, -SWIPE_PX, SWIPE_STEPS)
    phone.wait_for_function(
        "([scroller, before, distance]) => document.querySelector(scroller).scrollTop >= before + distance / 2",
        arg=[SCROLLER, before, SWIPE_PX],
    )
    assert chart_ranges(phone) == ranges
    expect(phone.get_by_text("Double-click to zoom back out")).to_have_count(0)


def test_one_tap_on_a_row_of_the_list_opens_its_event(phone: Page, app_server: Server) -> None:
    open_timeline(phone, app_server)
    row = phone.locator(ROWS).get_by_text("Kawana summit")
    row.scroll_into_view_if_needed()
    row.tap()
    details = phone.locator(DETAILS)
    expect(details).to_contain_text("Kawana summit: Hashimoto floats a border plan")
    expect(details).to_contain_text("18–19 Apr 1998")
    expect(phone).to_have_url(f"{app_server.url}/timeline?event=1998-kawana-summit")
    expect(phone.get_by_role("combobox", name="Event")).to_have_value(
        "18–19 Apr 1998 · Kawana summit: Hashimoto floats a border plan"
    )


def test_one_tap_on_a_period_shows_its_years(phone: Page, app_server: Server) -> None:
    open_timeline(phone, app_server)
    phone.locator(PERIODS).get_by_role("radio", name="1991–2012").tap()
    expect(phone).to_have_url(f"{app_server.url}/timeline?from=1991&to=2012")
    expect(phone.get_by_text("Showing", exact=False).first).to_contain_text("1991–2012")
    start, end = (pd.Timestamp(value) for value in chart_ranges(phone)[0])
    first, after_last = pd.Timestamp("1991-01-01"), pd.Timestamp("2013-01-01")
    assert start < first < after_last < end, "the dates across cover those years"
    assert (end - start) < (after_last - first) * 1.1, "and little more"


def test_what_the_page_offers_to_tap_is_at_least_44_px_square(phone: Page, app_server: Server) -> None:
    open_timeline(phone, app_server)
    periods = phone.locator(PERIODS).get_by_role("radio").all()
    rows = phone.locator(ROWS).locator('label[data-testid="stRadioOption"]').all()
    assert periods and rows
    for target in (*periods, *rows):
        rect = box(target)
        assert rect["width"] >= MIN_TAP_PX and rect["height"] >= MIN_TAP_PX, (target.inner_text(), rect)


def test_the_chart_opens_on_recent_years_and_a_sideways_swipe_reaches_the_first(
    phone: Page, app_server: Server
) -> None:
    open_timeline(phone, app_server)
    phone.locator(CHART).first.scroll_into_view_if_needed()
    first_year, last_year = (pd.Timestamp(value).year for value in chart_ranges(phone)[0])
    shown = [year for year in range(first_year, last_year + 1) if year % 20 == 0]
    in_view = year_ticks_in_view(phone, shown)
    assert max(shown) in in_view and min(shown) not in in_view, in_view
    viewport = phone.viewport_size
    assert viewport is not None
    area = box(phone.locator(f"{CHART} .nsewdrag").first)
    x, y = viewport["width"] / 2, area["y"] + area["height"] / 2
    for _ in range(MAX_SIDEWAYS_SWIPES):
        swipe_until_still(phone, x, y, SWIPE_PX)  # a finger moving right shows earlier years
        if min(shown) in year_ticks_in_view(phone, shown):
            break
    in_view = year_ticks_in_view(phone, shown)
    assert min(shown) in in_view and max(shown) not in in_view, in_view


def test_a_sideways_swipe_past_the_first_year_stays_on_the_page(phone: Page, app_server: Server) -> None:
    open_timeline(phone, app_server)
    phone.locator(CHART).first.scroll_into_view_if_needed()
    viewport = phone.viewport_size
    assert viewport is not None
    area = box(phone.locator(f"{CHART} .nsewdrag").first)
    x, y = viewport["width"] / 2, area["y"] + area["height"] / 2
    for _ in range(MAX_SIDEWAYS_SWIPES):
        swipe_until_still(phone, x, y, SWIPE_PX)
        if phone.evaluate(AT_STRIP_START, STRIP):
            break
    swipe(phone, x, y, SWIPE_PX, 0, SWIPE_STEPS)  # once more, from the strip's start
    expect(phone.locator(CHART)).to_be_visible()
    assert phone.url == f"{app_server.url}/timeline"


def swipe_until_still(page: Page, x: float, y: float, dx: float) -> None:
    """A sideways swipe over the chart's strip, then wait until its glide has ended. Swiping again while
    the strip still glides towards its end would start at the end, where the browser takes a swipe
    for "back" and leaves the page."""
    page.evaluate(
        "(strip) => { window.stripStill = false; document.querySelector(strip)"
        ".addEventListener('scrollend', () => { window.stripStill = true; }, { once: true }); }",
        STRIP,
    )
    swipe(page, x, y, dx, 0, SWIPE_STEPS)
    page.wait_for_function("() => window.stripStill")


def year_ticks_in_view(page: Page, years: list[int]) -> list[int]:
    """The years among `years` whose tick label on the chart's time axis lies within the screen's width."""
    ticks = page.locator(f"{CHART} .xtick text").evaluate_all(
        "(ticks) => ticks.map((tick) => [tick.textContent, tick.getBoundingClientRect().x])"
    )
    width = page.viewport_size["width"]
    return [int(text) for text, x in ticks if text.isdigit() and int(text) in years and 0 <= x < width]


# The chosen event's ring: the last trace's marker, as Plotly draws it.
RING = f"{CHART} .scatterlayer .trace:last-of-type path.point"


@pytest.mark.parametrize("event", ["1956-joint-declaration", "1855-treaty-of-shimoda"])
def test_a_link_to_an_early_event_opens_the_strip_on_its_ring(phone: Page, app_server: Server, event: str) -> None:
    open_timeline(phone, app_server, f"?event={event}")
    phone.locator(CHART).first.scroll_into_view_if_needed()
    viewport = phone.viewport_size
    assert viewport is not None
    ring = phone.locator(RING)
    expect(ring).to_have_count(1)
    phone.wait_for_function(
        "([ring, width]) => { const r = document.querySelector(ring).getBoundingClientRect();"
        " return r.left >= 0 && r.right <= width; }",
        arg=[RING, viewport["width"]],
    )
    assert 0 <= box(ring)["x"] <= viewport["width"]
