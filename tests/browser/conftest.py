"""The real server on a free port on 127.0.0.1, driven by Debian's Chromium through Playwright."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import FrameLocator, Page, expect

from bench.server import CHROMIUM, CHROMIUM_ARGS, Server, start_server, stop_server
from deploy.replicas import free_port
from deploy.serve import Deployment, serve


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.exists():
        pytest.fail(f"Browser tests need Debian's Chromium at {CHROMIUM}: apt-get install -y chromium")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


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


def wait_for_app(page: Page) -> None:
    """Wait until the script has finished and no lazy element is still a placeholder."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=30_000)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


def island_point(frame: FrameLocator, island: str) -> tuple[float, float]:
    """Where the island's representative point is on screen: its label's icon has its corner there."""
    box = frame.locator(f".label-{island}").bounding_box()
    assert box is not None
    return box["x"], box["y"]
