"""The Story page in headless Chromium: Next works by keyboard (Enter and Space) and by touch, each
step changes the chapter and the address, a shared chapter link opens on its chapter, and on a phone
the chapter reads top to bottom: its text, then its map, then its events, and a reader reads the whole
story pressing the Next at each chapter's end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from deploy.harness import MAP_FRAME, Server, wait_until_drawn
from lib.model.load import read_dataset
from tests.browser.conftest import open_app, wait_for_app

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MAX_TABS = 60

_story = read_dataset().dataset
assert _story is not None
CHAPTERS = _story.story.to_dict("records")  # in the story's order


def chapter_heading(page: Page) -> Locator:
    return page.get_by_test_id("stMain").get_by_role("heading", level=2)


def expect_chapter(page: Page, number: int) -> None:
    """The page shows the chapter `number` (from 1) and its address names it."""
    chapter = CHAPTERS[number - 1]
    expect(page).to_have_url(re.compile(rf"[?&]chapter={re.escape(chapter['id'])}(&|$)"))
    expect(chapter_heading(page)).to_have_text(chapter["title"])
    expect(page.get_by_text(f"Chapter {number} of {len(CHAPTERS)}")).to_be_visible()
    wait_for_app(page)


def tab_to(page: Page, button: Locator) -> None:
    """Press Tab until `button` has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if button.evaluate("(element) => element === document.activeElement"):
            return
    raise AssertionError("Tab never reached the button")


def next_button(page: Page, where: str = "") -> Locator:
    """The Next at the chapter's top; with where="_end", the one at its end."""
    return page.locator(f".st-key-story_next{where}").get_by_role("button", name="Next")


def test_next_works_from_the_keyboard_with_enter_and_space(page: Page, app_server: Server) -> None:
    open_app(page, f"{app_server.url}/story")
    expect_chapter(page, 1)
    tab_to(page, next_button(page))
    page.keyboard.press("Enter")
    expect_chapter(page, 2)
    tab_to(page, next_button(page))
    page.keyboard.press("Space")
    expect_chapter(page, 3)
    tab_to(page, page.locator(".st-key-story_previous").get_by_role("button", name="Previous"))
    page.keyboard.press("Enter")
    expect_chapter(page, 2)


@pytest.fixture
def touch_page(browser: Browser) -> Iterator[Page]:
    """A phone: a touch screen, no mouse to hover with."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_next_works_by_touch_on_a_phone(touch_page: Page, app_server: Server) -> None:
    open_app(touch_page, f"{app_server.url}/story")
    next_button(touch_page).tap()
    expect_chapter(touch_page, 2)
    next_button(touch_page).tap()
    expect_chapter(touch_page, 3)


def test_a_shared_chapter_link_opens_on_that_chapter(page: Page, app_server: Server) -> None:
    number = len(CHAPTERS) // 2 + 1
    chapter = CHAPTERS[number - 1]
    open_app(page, f"{app_server.url}/story?chapter={chapter['id']}&country=Japan")
    expect_chapter(page, number)
    expect(page).to_have_url(re.compile(r"[?&]country=Japan"))
    expect(page.get_by_text(chapter["text"][:60])).to_be_visible()
    expect(page.locator('[data-testid="stAlert"]')).to_have_count(0)


def test_on_a_phone_the_chapter_reads_text_then_map_then_events(page: Page, app_server: Server) -> None:
    page.set_viewport_size(PHONE)
    open_app(page, f"{app_server.url}/story")
    wait_until_drawn(page)
    text = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text=CHAPTERS[0]["text"][:60])
    parts = [text, page.locator(MAP_FRAME), page.get_by_role("heading", name="Events in this chapter")]
    boxes = [part.bounding_box() for part in parts]
    assert all(found is not None for found in boxes)
    tops = [found["y"] for found in boxes]
    assert tops == sorted(tops) and len(set(tops)) == 3, tops
    for above, below in pairwise(boxes):
        assert above["y"] + above["height"] <= below["y"], "one column: each part below the one before"
    assert all(found["width"] > PHONE["width"] * 0.8 for found in boxes[:2]), "each as wide as the phone allows"
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "nothing runs off the side of the screen"


def test_on_a_phone_the_next_at_each_chapters_end_reads_the_whole_story(touch_page: Page, app_server: Server) -> None:
    assert len(CHAPTERS) >= 12
    open_app(touch_page, f"{app_server.url}/story")
    expect_chapter(touch_page, 1)
    for number in range(2, len(CHAPTERS) + 1):
        bottom = next_button(touch_page, "_end")
        events = touch_page.get_by_role("heading", name="Events in this chapter")
        bottom.scroll_into_view_if_needed()
        below, heading = bottom.bounding_box(), events.bounding_box()
        assert below is not None and heading is not None
        assert below["y"] > heading["y"], "the pair is at the chapter's end, after its events"
        bottom.tap()
        expect_chapter(touch_page, number)
    expect(next_button(touch_page, "_end")).to_be_disabled()
    expect(next_button(touch_page)).to_be_disabled()


def test_the_story_in_russian_on_a_phone_steps_on_keeping_its_language_and_fits_the_screen(
    touch_page: Page, app_server: Server
) -> None:
    open_app(touch_page, f"{app_server.url}/story?lang=ru")
    expect(touch_page.get_by_role("heading", level=1)).to_have_text(re.compile("[\u0400-\u04ff]"))
    back = touch_page.locator(".st-key-story_previous").get_by_role("button")
    onward = touch_page.locator(".st-key-story_next").get_by_role("button")
    expect(back).to_have_text(re.compile("[\u0400-\u04ff]"))
    expect(onward).to_have_text(re.compile("[\u0400-\u04ff]"))
    assert abs(back.bounding_box()["y"] - onward.bounding_box()["y"]) < 2, "Previous and Next share their row"
    onward.tap()
    expect(touch_page).to_have_url(re.compile(rf"[?&]chapter={re.escape(CHAPTERS[1]['id'])}(&|$)"))
    expect(touch_page).to_have_url(re.compile(r"[?&]lang=ru(&|$)"))
    expect(touch_page.get_by_text(re.compile(rf"^Глава 2 из {len(CHAPTERS)}$"))).to_be_visible()
    wait_for_app(touch_page)
    assert touch_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scroll"
