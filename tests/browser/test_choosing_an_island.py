"""Choosing an island without a mouse (issue 23, items 4 and 8): on a 390 px touch screen, a Habomai
islet (a few pixels wide on the map) from the page's own Filters panel; and with the keyboard alone,
an island on the map itself."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from deploy.harness import MAP_FRAME, Server
from tests.browser.conftest import focus_by_tab, open_app
from tests.browser.test_filters_on_a_phone import BUTTON
from tests.browser.test_map_in_browser import FEATURES, TIMEOUT_MS, ScriptRuns, island_box
from tests.pages.test_home_page import csv_rows

pytestmark = pytest.mark.browser

ISLET = next(row for row in csv_rows("islands.csv") if row["group"] == "habomai" and row["kind"] == "islet")
ISLAND = next(row for row in csv_rows("islands.csv") if row["id"] == "kunashir")
# The accessible name of what has the focus inside the map's frame: its label, or its own text. The
# map's container is left out: its text is every name on the map.
_FOCUSED_NAME_JS = """() => {
  const focused = document.activeElement;
  if (!focused || focused.matches('.leaflet-container, body')) return '';
  return focused.getAttribute('aria-label') || focused.getAttribute('title') || focused.textContent || '';
}"""
MAX_TABS_IN_THE_MAP = 60


def test_on_a_phone_a_habomai_islet_is_chosen_from_the_filters_panel(phone: Page, app_server: Server) -> None:
    open_app(phone, f"{app_server.url}/map")
    button = phone.locator(BUTTON)
    button.tap()
    panel = phone.get_by_role("dialog")
    panel.get_by_test_id("stSelectbox").tap()
    phone.get_by_role("option", name=ISLET["name_en"], exact=True).tap()

    expect(phone).to_have_url(re.compile(rf"island={ISLET['id']}(&|$)"))
    expect(panel).to_be_hidden()
    heading = phone.get_by_role("heading", name=ISLET["name_en"], level=3)
    expect(heading).to_be_visible(timeout=TIMEOUT_MS)
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_in_viewport()
    expect(button).to_contain_text(ISLET["name_en"])  # the control names the filter in use


def test_the_keyboard_alone_chooses_an_island_on_the_map(page: Page, app_server: Server) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    runs = ScriptRuns()
    page.on("websocket", runs.watch)
    open_app(page, f"{app_server.url}/map")
    map_frame = page.frame_locator(MAP_FRAME)
    expect(map_frame.locator("path.island-shape")).to_have_count(len(FEATURES), timeout=TIMEOUT_MS)
    runs.wait_until_map_value_handled(TIMEOUT_MS)  # the map's first value, sent once drawn
    expect(page).not_to_have_url(re.compile(r"island="))

    focus_by_tab(page, MAP_FRAME)
    inside = page.locator(MAP_FRAME).content_frame
    for _ in range(MAX_TABS_IN_THE_MAP):
        if ISLAND["name_en"] in inside.locator("body").evaluate(f"({_FOCUSED_NAME_JS})"):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"Tab reached nothing named {ISLAND['name_en']} on the map")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"island={ISLAND['id']}(&|$)"), timeout=TIMEOUT_MS)
    expect(page.get_by_role("heading", name=ISLAND["name_en"], level=3)).to_be_visible()
    expect(island_box(page)).to_have_value(ISLAND["name_en"])
