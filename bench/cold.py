"""Cold renders: a new browser context opens a page and waits until it is fully drawn, in interleaved
rounds over every reference page and every page of the app at every scale."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page

from deploy.harness import MAP_FRAME, Server, start_server, stop_server, wait_for_app, wait_until_drawn
from lib.site import PAGES

VIEWPORT = {"width": 1280, "height": 900}
DRAW_TIMEOUT_MS = 180_000
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'

# Reference pages, written plainly in bench/pages/, named by the components they show; the app draws
# the navigation and the filter sidebar around every page, so each has a twin inside a plain sidebar.
REFERENCES: dict[str, str] = {
    "bare": "bench/pages/bare.py",
    "plotly": "bench/pages/plotly_one.py",
    "folium": "bench/pages/folium_one.py",
    "dataframe": "bench/pages/dataframe_one.py",
    "dataframe+folium": "bench/pages/map_dataframe_one.py",
    "sidebar: bare": "bench/pages/sidebar_bare.py",
    "sidebar: plotly": "bench/pages/sidebar_plotly.py",
    "sidebar: folium": "bench/pages/sidebar_folium.py",
    "sidebar: dataframe": "bench/pages/sidebar_dataframe.py",
    "sidebar: dataframe+folium": "bench/pages/sidebar_map_dataframe.py",
}
SIDEBAR = "sidebar: "


def page_name(path: str) -> str:
    return path or "home"


@dataclass
class Target:
    """One URL whose cold render is measured each round."""

    label: str
    url: str
    times_ms: list[float] = field(default_factory=list)
    components: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else float("nan")


def reference_for(components: set[str], references: dict[str, Target], sidebar: bool) -> str:
    """The reference page showing just these components (inside the plain sidebar or not); where
    there is none, the one of their single components whose page is slowest."""
    prefix = SIDEBAR if sidebar else ""
    exact = prefix + ("+".join(sorted(components)) or "bare")
    if exact in references:
        return exact
    return max((prefix + name for name in components | {"bare"}), key=lambda name: references[name].median_ms)


def components_on(page: Page) -> set[str]:
    """The heavy components the page shows: 'plotly', 'folium', 'dataframe'."""
    selectors = {
        "plotly": '[data-testid="stPlotlyChart"]',
        "folium": MAP_FRAME,
        "dataframe": '[data-testid="stDataFrame"]',
    }
    return {name for name, selector in selectors.items() if page.locator(selector).count()}


def new_page(browser: Browser) -> Page:
    return browser.new_context(viewport=VIEWPORT).new_page()


def cold_render(browser: Browser, target: Target) -> None:
    """Open the target in a new browser context, once, and record how long it took to be fully drawn."""
    page = new_page(browser)
    try:
        page.on("pageerror", lambda error: target.failures.append(str(error)))
        page.goto(target.url)
        target.times_ms.append(wait_until_drawn(page, DRAW_TIMEOUT_MS))
        if page.locator(ERRORS).count():
            target.failures.append("the page shows an error")
        target.components |= components_on(page)
    finally:
        page.context.close()


def warm_up(browser: Browser, url: str) -> None:
    """One visit, until its script has run: the server has imported the app and read the data."""
    page = new_page(browser)
    try:
        page.goto(url)
        wait_for_app(page, DRAW_TIMEOUT_MS)
    finally:
        page.context.close()


@contextmanager
def servers(specs: dict[str, tuple[str, Path | None]]) -> Iterator[dict[str, Server]]:
    """Start one server per spec (script, data folder); stop them all at the end."""
    started: dict[str, Server] = {}
    try:
        for name, (script, data_dir) in specs.items():
            started[name] = start_server(data_dir, script=script)
        yield started
    finally:
        for server in started.values():
            stop_server(server)


def measure_cold_renders(
    browser: Browser, data_dirs: dict[int, Path], rounds: int, log: Callable[[str], None]
) -> tuple[dict[str, Target], dict[int, dict[str, Target]]]:
    """Each round measures every reference page and every page at every scale once, in turn, so that
    the machine's load falls on all alike; the first visit to each server comes before the rounds."""
    specs: dict[str, tuple[str, Path | None]] = {name: (script, None) for name, script in REFERENCES.items()}
    specs |= {f"app-{scale}": ("app.py", folder) for scale, folder in data_dirs.items()}
    with servers(specs) as running:
        references = {name: Target(name, running[name].url) for name in REFERENCES}
        pages = {
            scale: {
                page.url_path: Target(
                    f"{page_name(page.url_path)} ×{scale}", f"{running[f'app-{scale}'].url}/{page.url_path}"
                )
                for page in PAGES
            }
            for scale in data_dirs
        }
        every = [*references.values(), *(target for by_path in pages.values() for target in by_path.values())]
        log(f"warming up {len(running)} servers")
        for server in running.values():
            warm_up(browser, server.url)
        for number in range(1, rounds + 1):
            started = time.perf_counter()
            for target in every:
                cold_render(browser, target)
            log(f"round {number}/{rounds} of cold renders: {time.perf_counter() - started:.0f} s")
    return references, pages
