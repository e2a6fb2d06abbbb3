"""The real server on a free port on 127.0.0.1, driven by Debian's Chromium through Playwright."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FrameLocator, Page

from deploy.harness import CHROMIUM, CHROMIUM_LAUNCH, Server, start_server, stop_server, wait_for_app
from deploy.replicas import free_port
from deploy.serve import Deployment, serve


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.exists():
        pytest.fail(f"Browser tests need Debian's Chromium at {CHROMIUM}: apt-get install -y chromium")
    return {**browser_type_launch_args, **CHROMIUM_LAUNCH}


@pytest.fixture(scope="session")
def app_server() -> Iterator[Server]:
    server = start_server()
    yield server
    stop_server(server)


@pytest.fixture(scope="module")
def deployment() -> Iterator[Deployment]:
    """`python -m deploy --replicas 2` on a free port: two replicas of the app behind nginx, one per module."""
    output: list[str] = []
    with serve(2, free_port(), output=lambda number: output.append) as running:
        yield running


@contextmanager
def static_site(folder: Path) -> Iterator[str]:
    """`folder` served by Python's http.server on a free port of 127.0.0.1, another origin than the
    app's (an article's site); yields its origin."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


def island_point(frame: FrameLocator, island: str) -> tuple[float, float]:
    """Where the island's representative point is on screen: its label's icon has its corner there."""
    box = frame.locator(f".label-{island}").bounding_box()
    assert box is not None
    return box["x"], box["y"]


PHONE_WITH_TOUCH = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A page on a 390 x 844 touch screen."""
    context = browser.new_context(**PHONE_WITH_TOUCH)
    yield context.new_page()
    context.close()


def swipe(page: Page, x: float, y: float, dx: float, dy: float, steps: int = 8) -> None:
    """One finger down at (x, y), moved by (dx, dy) pixels in steps, then lifted, as a phone's browser receives it."""
    session = page.context.new_cdp_session(page)  # one session: a touch lives from its start to its end
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, steps + 1):
        point = {"x": x + dx * step / steps, "y": y + dy * step / steps}
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    session.detach()


_SCROLL_TOP_JS = (
    "Math.max(window.scrollY, ...[...document.querySelectorAll('[data-testid=stMain], .stMain')]"
    ".map((element) => element.scrollTop))"
)


def main_scroll_top(page: Page) -> float:
    """How far the page's content has scrolled."""
    return page.evaluate(f"() => {_SCROLL_TOP_JS}")


def wait_for_scroll(page: Page, beyond: float) -> None:
    """Wait until the page has scrolled past `beyond` pixels (a swipe's scroll lands after its last touch)."""
    page.wait_for_function(f"(beyond) => {_SCROLL_TOP_JS} > beyond", arg=beyond, timeout=10_000)


def focus_by_tab(page: Page, inside: str, presses: int = 300) -> None:
    """Press Tab until the focus is inside the element `inside` (a CSS selector): the keyboard alone."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => !!document.activeElement?.closest(selector)", inside):
            return
    raise AssertionError(f"Tab never reached {inside}")
