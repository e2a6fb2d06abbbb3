"""Accessibility in the browser: axe-core on every page, keyboard use, text alternatives.

axe-core (through axe-playwright-python) checks every page at desktop and phone width, inside the
map's frame too. A serious or critical violation fails the test, unless it sits inside Streamlit's
own interface and is listed, rule and selector, in STREAMLIT_OWN below and in README.md
(section Accessibility).
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from deploy.harness import MAP_FRAME, Server, wait_until_drawn
from lib.model.load import read_dataset
from lib.site import PAGES as SITE_PAGES
from tests.browser.conftest import PHONE_WITH_TOUCH, focus_by_tab, open_app, wait_for_app

pytestmark = pytest.mark.browser

PAGES = [page.url_path for page in SITE_PAGES]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKING = {"serious", "critical"}

# Violations inside Streamlit's own interface: (rule id, selector of the Streamlit element it is in).
# Each one is listed in README.md, section Accessibility; nothing else is excused.
STREAMLIT_OWN: tuple[tuple[str, str], ...] = ()

# What a keyboard user must be able to reach with Tab: every widget and every link the pages draw.
CONTROLS = ", ".join(
    [
        '[data-testid="stSidebarNavLink"]',
        '[data-testid="stPageLink-NavLink"]',
        '[data-testid="stRadio"]',
        '[data-testid="stNumberInput"] input',
        '[data-testid="stSelectbox"]',
        '[data-testid="stMultiSelect"]',
        '[data-testid="stTextInput"]',
        '[data-testid="stButton"]',
        '[data-testid="stDownloadButton"]',
        '[data-testid="stLinkButton"]',
        '[data-testid="stCheckbox"]',
        '[data-testid="stToggle"]',
        '[data-testid="stTabs"] [role="tablist"]',
        '[data-testid="stExpander"] summary',
        '[data-testid="stDataFrame"]',
        '[data-testid="stMarkdownContainer"] a[href]',
        '[data-testid="stCaptionContainer"] a[href]',
        MAP_FRAME,
    ]
)
MAX_TABS = 300

_axe = Axe()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's violations on the page and inside its frames."""
    for frame in page.frames[1:]:
        frame.evaluate(_axe.axe_script)
    return _axe.run(page).response["violations"]


def is_streamlits_own(page: Page, rule: str, target: list[str]) -> bool:
    selectors = [selector for own_rule, selector in STREAMLIT_OWN if own_rule == rule]
    return bool(selectors) and page.evaluate(
        "([target, selectors]) => { const el = document.querySelector(target);"
        " return !!el && selectors.some((selector) => el.closest(selector)); }",
        [target[0], selectors],
    )


# Every page, and the statements page's second tab, whose content is drawn only once it is opened.
VIEWS = {**{path or "home": (path, None) for path in PAGES}, "article": ("statements", "The article, annotated")}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize(("path", "tab"), VIEWS.values(), ids=VIEWS.keys())
def test_no_serious_or_critical_accessibility_violation(
    page: Page, app_server: Server, path: str, tab: str | None, viewport
) -> None:
    page.set_viewport_size(viewport)
    open_app(page, f"{app_server.url}/{path}")
    wait_until_drawn(page)
    if tab:
        page.get_by_role("tab", name=tab).click()
        expect(page.locator(".kd-article")).to_be_visible()
        wait_for_app(page)
    blocking = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}: {node['html'][:200]}"
        for violation in axe_violations(page)
        if violation["impact"] in BLOCKING
        for node in violation["nodes"]
        if not is_streamlits_own(page, violation["id"], node["target"])
    ]
    assert blocking == [], "\n".join(blocking)


def tab_through(page: Page) -> tuple[int, set[int]]:
    """Press Tab until every control was focused once or MAX_TABS; the controls and those reached."""
    total = page.evaluate(
        # A disabled control, or a button's wrapper around its disabled button, is rightly skipped by Tab.
        "(selector) => { const controls = [...document.querySelectorAll(selector)]"
        "  .filter((el) => el.checkVisibility() && !el.closest('[disabled]')"
        "    && !el.querySelector(':scope > button:disabled'));"
        "  controls.forEach((el, index) => el.setAttribute('data-keyboard-check', index));"
        "  return controls.length; }",
        CONTROLS,
    )
    reached: set[int] = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        index = page.evaluate(
            "() => document.activeElement?.closest('[data-keyboard-check]')?.getAttribute('data-keyboard-check')"
        )
        if index is not None:
            reached.add(int(index))
        if len(reached) == total:
            break
    return total, reached


@pytest.mark.parametrize("path", PAGES, ids=[path or "home" for path in PAGES])
def test_every_control_can_be_reached_with_the_tab_key(page: Page, app_server: Server, path: str) -> None:
    open_app(page, f"{app_server.url}/{path}")
    wait_until_drawn(page)
    total, reached = tab_through(page)
    missed = page.evaluate(
        "(reached) => [...document.querySelectorAll('[data-keyboard-check]')]"
        "  .filter((el) => !reached.includes(Number(el.getAttribute('data-keyboard-check'))))"
        "  .map((el) => el.outerHTML.slice(0, 160))",
        sorted(reached),
    )
    assert total > 0
    assert missed == []


def test_the_sidebar_filters_work_from_the_keyboard(page: Page, app_server: Server) -> None:
    open_app(page, f"{app_server.url}/timeline")
    sidebar = page.get_by_test_id("stSidebar")

    focus_by_tab(page, '[data-testid="stSidebar"] .st-key-filter_country [role="radiogroup"]')
    page.keyboard.press("ArrowRight")
    expect(sidebar.get_by_role("radio", name="Japan")).to_be_checked()
    # The address changes while the rerun runs; keys pressed before it ends can go to a widget it redraws.
    expect(page).to_have_url(re.compile(r"country=Japan"))
    wait_for_app(page)

    focus_by_tab(page, '[data-testid="stSidebar"] [data-testid="stNumberInput"] input')
    page.keyboard.press("Control+A")
    page.keyboard.type("1991")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"from=1991"))
    wait_for_app(page)
    focus_by_tab(page, '[data-testid="stSidebar"] [aria-label="To"]')
    page.keyboard.press("ArrowDown")  # a step down from the last year
    expect(page).to_have_url(re.compile(r"to=\d{4}"))
    wait_for_app(page)

    focus_by_tab(page, '[data-testid="stSidebar"] [data-testid="stSelectbox"]')
    page.keyboard.type("Shikotan")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"island=shikotan"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Timeline")


def test_maps_and_charts_have_text_alternatives(page: Page, app_server: Server) -> None:
    """Each chart has a sentence beside it; the text of a page with a map names every disputed island,
    and the Map page has the table of every island it draws."""
    dataset = read_dataset().dataset
    assert dataset is not None
    islands = dataset.islands
    disputed = islands[(islands["claimed_by"] != "") & (islands["group"] == islands["id"])]["name_en"]
    assert not disputed.empty
    charts = maps = 0
    for path in PAGES:
        open_app(page, f"{app_server.url}/{path}")
        wait_until_drawn(page)
        for chart in page.locator('[data-testid="stElementContainer"]:has([data-testid="stPlotlyChart"])').all():
            charts += 1
            beside = chart.locator("xpath=preceding-sibling::*[1] | following-sibling::*[1]")
            assert any(len(text.split()) >= 5 for text in beside.all_inner_texts()), f"a chart on /{path}"
        if page.locator(MAP_FRAME).count():
            maps += 1
            # Text and tables (a dataframe's cells are a table for screen readers); not the map's frame.
            text = page.get_by_test_id("stMain").text_content() or ""
            assert [name for name in disputed if name not in text] == [], f"the map on /{path}"
    tables = page.locator('[data-testid="stDataFrame"], [data-testid="stTable"]')
    open_app(page, f"{app_server.url}/map")
    for name in islands["name_en"]:
        expect(tables.filter(has_text=name).first).to_be_attached()
    assert charts and maps, "the dashboard has charts and a map to check"


# On a touch screen: what a reader taps to open the filters and set them.
TAP_TARGETS = (
    '[data-testid="stExpandSidebarButton"]',
    '[data-testid="stSidebar"] [data-testid="stRadio"] [role="radiogroup"] label',
    '[data-testid="stSidebar"] [data-testid="stNumberInputStepUp"]',
    '[data-testid="stSidebar"] [data-testid="stNumberInputStepDown"]',
    '[data-testid="stSidebar"] button.copy-link:visible',  # the share link's; the others are in closed expanders
)


def test_on_a_touch_screen_every_filter_control_is_a_finger_wide(browser: Browser, app_server: Server) -> None:
    context = browser.new_context(**PHONE_WITH_TOUCH)
    try:
        page = context.new_page()
        open_app(page, f"{app_server.url}/timeline")
        toggle = page.locator(TAP_TARGETS[0])
        sizes = {TAP_TARGETS[0]: toggle.bounding_box()}
        toggle.tap()
        expect(page.locator(TAP_TARGETS[-1])).to_be_visible()
        # Measured once the sidebar has slid in.
        page.wait_for_function(
            "() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().left >= 0"
        )
        for selector in TAP_TARGETS[1:]:
            for element in page.locator(selector).all():
                sizes[f"{selector} {element.inner_text()[:20]}"] = element.bounding_box()
        # Half a pixel of slack for layout rounding: 43.99998 px is 44 on screen.
        small = {name: box for name, box in sizes.items() if not box or min(box["width"], box["height"]) < 43.5}
        assert small == {}
        assert len(sizes) >= len(TAP_TARGETS) + 2  # three radios, two of each step button
    finally:
        context.close()
