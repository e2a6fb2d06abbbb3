"""Cold views without a browser, to count how many a server serves per second on this machine.

A browser would spend most of this two-core machine's CPU drawing the pages; this client does what a
new reader's browser asks of the server and nothing else: it fetches the page and every file a real
cold view fetched (recorded once in Chromium), with a browser's Accept-Encoding, keeping the body
compressed, then opens Streamlit's WebSocket and asks for the page's script run until it has finished.
"""

from __future__ import annotations

import http.client
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

from playwright.sync_api import Browser
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

from bench.cold import DRAW_TIMEOUT_MS, new_page
from deploy.harness import wait_until_drawn

BROWSER_ENCODINGS = "gzip, deflate, br, zstd"
TIMEOUT_S = 120


@dataclass(frozen=True)
class ViewPlan:
    """What a new reader's browser fetches for one page: its path, then these files, then the WebSocket."""

    path: str
    files: tuple[str, ...]


def record_plan(browser: Browser, base: str, path: str) -> ViewPlan:
    """The files a cold view of `path` fetches from the server, as Chromium fetched them."""
    page = new_page(browser)
    files: list[str] = []
    page.on("request", lambda request: files.append(request.url) if request.method == "GET" else None)
    try:
        page.goto(f"{base}/{path}")
        wait_until_drawn(page, DRAW_TIMEOUT_MS)
    finally:
        page.context.close()
    wanted = [urlsplit(url) for url in files if url.startswith(base) and url != f"{base}/{path}"]
    paths = [f"{url.path}?{url.query}" if url.query else url.path for url in wanted]
    return ViewPlan(path, tuple(dict.fromkeys(p for p in paths if not p.startswith(("/_stcore/stream", "/media/")))))


def cold_view(base: str, plan: ViewPlan) -> None:
    """One new reader's view: every file over one kept-alive connection, then the script's run."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=TIMEOUT_S)
    cookies = SimpleCookie()
    try:
        for file in (f"/{plan.path}", *plan.files):
            headers = {
                "Accept-Encoding": BROWSER_ENCODINGS,
                "Cookie": "; ".join(f"{k}={m.value}" for k, m in cookies.items()),
            }
            connection.request("GET", file, headers=headers)
            response = connection.getresponse()
            response.read()
            for cookie in response.headers.get_all("Set-Cookie") or []:
                cookies.load(cookie)
    finally:
        connection.close()
    run_script(base, plan.path, "; ".join(f"{k}={m.value}" for k, m in cookies.items()))


def run_script(base: str, path: str, cookie: str) -> None:
    """Open Streamlit's WebSocket as the browser does and wait for the page's first script run to finish."""
    request = BackMsg(rerun_script=ClientState(query_string="", page_name=path))
    with connect(
        f"ws{base.removeprefix('http')}/_stcore/stream",
        subprotocols=["streamlit"],
        additional_headers={"Cookie": cookie, "Origin": base},
        max_size=None,
        open_timeout=TIMEOUT_S,
    ) as websocket:
        websocket.send(request.SerializeToString())
        while not ForwardMsg.FromString(websocket.recv(timeout=TIMEOUT_S)).HasField("script_finished"):
            continue


def views_per_second(base: str, plans: list[ViewPlan], views: int, concurrency: int) -> float:
    """`views` cold views, the plans in turn, `concurrency` at a time: completed views per second."""
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as readers:
        list(readers.map(lambda number: cold_view(base, plans[number % len(plans)]), range(views)))
    return views / (time.perf_counter() - started)
