"""The filters on a phone: a 390 x 844 touch screen, where Streamlit folds the sidebar away behind an
unlabelled ». The page's own button, labelled with the filters in use, opens them in one tap; a choice
closes the panel and the page shows its result, with no panel left over it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from deploy.harness import Server, wait_until_drawn
from tests.browser.conftest import open_app

pytestmark = pytest.mark.browser

BUTTON = '.st-key-page_filters_bar [data-testid="stPopoverButton"]'
MIN_TAP_PX = 43.5  # 44 px, with half a pixel of slack for layout rounding


def tap_size(locator: Locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return min(box["width"], box["height"])


def nothing_covers(page: Page, locator: Locator) -> bool:
    """Whether the element at the centre of `locator` is the element itself or inside it."""
    box = locator.bounding_box()
    assert box is not None
    return page.evaluate(
        "([x, y, element]) => element.contains(document.elementFromPoint(x, y))",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, locator.element_handle()],
    )


def test_a_labelled_button_in_the_page_changes_a_filter_and_the_page_shows_the_result(
    phone: Page, app_server: Server
) -> None:
    open_app(phone, f"{app_server.url}/statements")
    wait_until_drawn(phone)
    button = phone.locator(BUTTON)
    expect(button).to_be_visible()
    expect(button).to_have_text(re.compile(r"Filters: none in use"))
    assert tap_size(button) >= MIN_TAP_PX
    count = phone.get_by_text(re.compile(r"^Showing all \d+ statements"))
    expect(count).to_be_visible()

    button.tap()
    panel = phone.get_by_role("dialog")
    japan = panel.get_by_role("radiogroup").locator("label").filter(has_text=re.compile(r"^Japan$"))
    expect(japan).to_be_visible()
    steps = panel.locator('[data-testid="stNumberInputStepUp"], [data-testid="stNumberInputStepDown"]')
    expect(steps).to_have_count(4)  # the panel's widgets appear one after another: wait for the year inputs
    for control in (japan, *steps.all()):
        assert tap_size(control) >= MIN_TAP_PX
    japan.tap()

    expect(phone).to_have_url(re.compile(r"country=Japan"))
    expect(button).to_have_text(re.compile(r"Filters: Japan"))
    expect(panel).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    wait_until_drawn(phone)
    shown = phone.get_by_text(re.compile(r"^Showing \d+ of \d+ statements"))
    expect(shown).to_be_visible()
    expect(phone.get_by_test_id("stSidebar")).not_to_be_in_viewport()
    assert nothing_covers(phone, shown)
    # The sidebar's own radio holds the same choice: one set of filters.
    expect(phone.get_by_test_id("stSidebar").get_by_role("radio", name="Japan")).to_be_checked()


def test_the_island_chosen_in_the_page_filters_every_page(phone: Page, app_server: Server) -> None:
    open_app(phone, f"{app_server.url}/map")
    phone.locator(BUTTON).tap()
    panel = phone.get_by_role("dialog")
    panel.get_by_test_id("stSelectbox").tap()
    phone.get_by_role("option", name="Shikotan").tap()
    expect(phone).to_have_url(re.compile(r"island=shikotan"))
    expect(phone.get_by_role("heading", name="Shikotan")).to_be_visible()
    expect(panel).to_be_hidden()


def test_wide_screens_keep_the_filters_in_the_sidebar_only(browser: Browser, app_server: Server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        open_app(page, f"{app_server.url}/timeline")
        expect(page.get_by_test_id("stSidebar").get_by_role("radio", name="Japan")).to_be_attached()
        expect(page.locator(BUTTON)).to_be_hidden()
    finally:
        context.close()
