"""The app through nginx (`python -m deploy`): bytes per cold view of each page, served directly, through
nginx, and its reference page through the same nginx; and cold views per second that one replica and
two serve."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Browser

from bench.cold import DRAW_TIMEOUT_MS, LANGUAGES, REFERENCE_APP, new_page, warm_up
from bench.views import ViewPlan, record_plan, views_per_second
from deploy.harness import start_server, stop_server, wait_until_drawn
from deploy.replicas import free_port
from deploy.serve import serve
from lib.i18n import ENGLISH
from lib.site import PAGES

VIEWS = 48
CONCURRENCY = 6


@dataclass(frozen=True)
class ViewBytes:
    """Bytes a cold view received: HTTP responses as sent (compressed or not, headers included), and
    WebSocket messages (their payload)."""

    http: int
    websocket: int

    @property
    def total(self) -> int:
        return self.http + self.websocket


def _frame_bytes(frame: dict) -> int:
    payload = frame["response"]["payloadData"]
    return len(base64.b64decode(payload)) if frame["response"]["opcode"] == 2 else len(payload.encode())


def cold_view_bytes(browser: Browser, url: str) -> ViewBytes:
    """What a new browser context receives until the page at `url` is fully drawn."""
    page = new_page(browser)
    received = {"http": 0, "websocket": 0}
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.loadingFinished", lambda event: received.update(http=received["http"] + event["encodedDataLength"]))
    cdp.on(
        "Network.webSocketFrameReceived",
        lambda event: received.update(websocket=received["websocket"] + _frame_bytes(event)),
    )
    try:
        page.goto(url)
        wait_until_drawn(page, DRAW_TIMEOUT_MS)
    finally:
        page.context.close()
    return ViewBytes(received["http"], received["websocket"])


def served_views(browser: Browser, base: str, plans: list[ViewPlan] | None = None) -> tuple[float, list[ViewPlan]]:
    """Cold views per second at `base`, and the plans used (recorded there when not given)."""
    warm_up(browser, base)
    plans = plans or [record_plan(browser, base, page.url_path) for page in PAGES]
    return views_per_second(base, plans, VIEWS, CONCURRENCY), plans


@dataclass(frozen=True)
class ProxyFigures:
    """Bytes by page path (through nginx: by language, English first, then page path), and views per second."""

    bytes_direct: dict[str, ViewBytes]
    bytes_proxied: dict[str, dict[str, ViewBytes]]
    bytes_reference: dict[str, dict[str, ViewBytes]]  # each page's reference (bench/pages/like_app.py) through nginx
    views_per_second: dict[str, float]


def proxied_bytes(browser: Browser, replicas: int, script: str = "app.py") -> dict[str, dict[str, ViewBytes]]:
    """Bytes per cold view of each page of `script` served by that many replicas behind nginx, in English and
    in each of LANGUAGES (?lang=…)."""
    queries = {ENGLISH: "", **{language: f"?lang={language}" for language in LANGUAGES}}
    with serve(replicas, free_port(), output=lambda number: lambda line: None, script=script) as deployment:
        warm_up(browser, deployment.url)  # nginx compresses and keeps Streamlit's bundles on a first view
        return {
            language: {
                page.url_path: cold_view_bytes(browser, f"{deployment.url}/{page.url_path}{query}") for page in PAGES
            }
            for language, query in queries.items()
        }


def measure_proxy(browser: Browser, log: Callable[[str], None]) -> ProxyFigures:
    """Bytes per cold view, directly and through nginx, and of each page's reference through nginx;
    views per second of 1 replica directly and of 1 and 2 replicas through nginx. Each server is fresh
    and visited once first."""
    rates: dict[str, float] = {}
    server = start_server()
    try:
        warm_up(browser, server.url)
        direct = {page.url_path: cold_view_bytes(browser, f"{server.url}/{page.url_path}") for page in PAGES}
        rates["1 replica, direct"], plans = served_views(browser, server.url)
    finally:
        stop_server(server)
    log("measured the app served directly")
    for replicas in (1, 2):
        with serve(replicas, free_port(), output=lambda number: lambda line: None) as deployment:
            rates[f"{replicas} replica{'s' * (replicas > 1)} behind nginx"], _ = served_views(
                browser, deployment.url, plans
            )
        log(f"measured {replicas} replica(s) behind nginx")
    proxied, reference = proxied_bytes(browser, 2), proxied_bytes(browser, 2, REFERENCE_APP)
    log("measured the bytes of the app and of its reference behind nginx")
    return ProxyFigures(direct, proxied, reference, rates)
