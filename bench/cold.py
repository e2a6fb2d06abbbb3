"""Cold renders: a new browser context opens a page and waits until it is fully drawn, in interleaved
rounds over each page's reference and every page of the app at every scale; and a fresh server's first
view, from the start of its process to its page fully drawn."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page

from deploy.harness import Server, start_server, stop_server, wait_for_app, wait_until_drawn
from lib.site import PAGES, SitePage

VIEWPORT = {"width": 1280, "height": 900}
DRAW_TIMEOUT_MS = 180_000
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'

# Each page of the app written plainly (bench/pages/like_<module>.py), at the app's addresses, inside a
# plain sidebar; and the smallest Streamlit page.
REFERENCE_APP = "bench/pages/like_app.py"
BARE = "bench/pages/bare.py"
# The languages besides English whose every page is measured, at today's scale, against its reference in the same
# language (?lang= draws the reference's data and words in it).
LANGUAGES: tuple[str, ...] = ("ja", "ru")
# Whose fresh server's first view (of the overview) is measured; the app is judged against the reference.
FIRST_VIEWS = {"the app": "app.py", "its reference": REFERENCE_APP, "bare one-line page": BARE}


def page_name(path: str) -> str:
    return path or "home"


def reference_page(page: SitePage) -> str:
    return f"bench/pages/like_{page.module}.py"


@dataclass
class Target:
    """One URL whose cold render is measured each round."""

    label: str
    url: str
    times_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else float("nan")


def page_targets(label: str, server_url: str, query: str = "") -> dict[str, Target]:
    """By page path, each page of the app at `server_url`, named by `label` ("{name} in ja")."""
    return {
        page.url_path: Target(label.format(name=page_name(page.url_path)), f"{server_url}/{page.url_path}{query}")
        for page in PAGES
    }


def new_page(browser: Browser) -> Page:
    return browser.new_context(viewport=VIEWPORT).new_page()


def cold_render(browser: Browser, target: Target, url: str | None = None, started: float | None = None) -> None:
    """Open the target (or `url`) in a new browser context, once, and record how long it took to be fully
    drawn: from the start of the navigation, or from `started` (a time.perf_counter())."""
    page = new_page(browser)
    try:
        page.on("pageerror", lambda error: target.failures.append(str(error)))
        page.goto(url or target.url)
        drawn_ms = wait_until_drawn(page, DRAW_TIMEOUT_MS)
        target.times_ms.append(drawn_ms if started is None else (time.perf_counter() - started) * 1000)
        if page.locator(ERRORS).count():
            target.failures.append("the page shows an error")
    finally:
        page.context.close()


def first_view(browser: Browser, target: Target, script: str) -> None:
    """A fresh server of `script`: from the start of its process until its page is fully drawn."""
    started = time.perf_counter()
    server = start_server(script=script)
    try:
        cold_render(browser, target, server.url, started)
    finally:
        stop_server(server)


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


@dataclass
class ColdFigures:
    references: dict[str, Target]  # by page path
    pages: dict[int, dict[str, Target]]  # by scale, then page path
    first_views: dict[str, Target]  # by the names of FIRST_VIEWS
    in_languages: dict[str, dict[str, Target]]  # by language, then page path: today's data, ?lang=…
    references_in_languages: dict[str, dict[str, Target]]  # by language, then page path: ?lang=…


def measure_cold_renders(
    browser: Browser, data_dirs: dict[int, Path], rounds: int, log: Callable[[str], None]
) -> ColdFigures:
    """Each round measures every reference page and every page at every scale once, in turn, so that
    the machine's load falls on all alike (the first visit to each server comes before the rounds),
    then each first view of FIRST_VIEWS."""
    specs: dict[str, tuple[str, Path | None]] = {"reference": (REFERENCE_APP, None)}
    specs |= {f"app-{scale}": ("app.py", folder) for scale, folder in data_dirs.items()}
    first_views = {name: Target(f"first view of {name}", "") for name in FIRST_VIEWS}
    with servers(specs) as running:
        references = page_targets("reference of {name}", running["reference"].url)
        references_in_languages = {
            language: page_targets(
                f"reference of {{name}} in {language}", running["reference"].url, f"?lang={language}"
            )
            for language in LANGUAGES
        }
        pages = {scale: page_targets(f"{{name}} ×{scale}", running[f"app-{scale}"].url) for scale in data_dirs}
        today = running[f"app-{min(data_dirs)}"].url
        in_languages = {
            language: page_targets(f"{{name}} in {language}", today, f"?lang={language}") for language in LANGUAGES
        }
        every = [
            *references.values(),
            *(
                target
                for by_path in [*references_in_languages.values(), *pages.values(), *in_languages.values()]
                for target in by_path.values()
            ),
        ]
        log(f"warming up {len(running)} servers")
        for server in running.values():
            warm_up(browser, server.url)
        for number in range(1, rounds + 1):
            started = time.perf_counter()
            for target in every:
                cold_render(browser, target)
            for name, script in FIRST_VIEWS.items():
                first_view(browser, first_views[name], script)
            log(f"round {number}/{rounds} of cold renders and first views: {time.perf_counter() - started:.0f} s")
    return ColdFigures(references, pages, first_views, in_languages, references_in_languages)
