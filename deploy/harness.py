"""The harness the benchmark, the browser tests and `python -m deploy.previews` share: a Streamlit
server on a free port of 127.0.0.1, Debian's Chromium, and when a page is drawn, as the browser sees it.

It waits on what the page says of itself (its script's state, its placeholders) and never sleeps.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

from deploy.replicas import free_port, start_streamlit, stop
from lib.ui.data import DATA_DIR_VARIABLE

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's launch arguments: Debian's Chromium (Playwright's own download is not used), headless.
CHROMIUM_LAUNCH = {
    "executable_path": str(CHROMIUM),
    "args": [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ],
}
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    log: list[str]


def start_server(data_dir: Path | None = None, script: str = "app.py") -> Server:
    """Start `streamlit run <script>` (the app unless told) and return once it says it is listening."""
    port = free_port()
    log: list[str] = []
    env = {} if data_dir is None else {DATA_DIR_VARIABLE: str(data_dir)}
    return Server(f"http://127.0.0.1:{port}", start_streamlit(port, script, env, log.append), log)


def stop_server(server: Server) -> None:
    stop(server.process)


# Run: the script has finished and no lazy element is a placeholder. Drawn, besides: the main area
# shows an element, every Plotly chart has its SVG, every dataframe its canvas, every st_folium map
# its Leaflet shapes or markers. Returns performance.now(): milliseconds since the navigation started.
_DRAWN_JS = """
({mapFrame, drawn}) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  if (!drawn) return performance.now();
  if (!document.querySelector('[data-testid="stMain"] [data-testid="stElementContainer"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.js-plotly-plot .main-svg')) return false;
  }
  for (const grid of document.querySelectorAll('[data-testid="stDataFrame"]')) {
    if (!grid.querySelector('[data-testid="data-grid-canvas"]')) return false;
  }
  for (const frame of document.querySelectorAll(mapFrame)) {
    const map = frame.contentDocument;
    if (!map || !map.querySelector('.leaflet-overlay-pane path, .leaflet-marker-pane > *')) return false;
  }
  return performance.now();
}
"""


def wait_until_drawn(page: Page, timeout_ms: float = 60_000, *, drawn: bool = True) -> float:
    """Wait until the page is fully drawn (with `drawn=False`: until its script has run and no
    placeholder is left); return the milliseconds since its navigation started."""
    arg = {"mapFrame": MAP_FRAME, "drawn": drawn}
    return float(page.wait_for_function(_DRAWN_JS, arg=arg, timeout=timeout_ms).json_value())


def wait_for_app(page: Page, timeout_ms: float = 60_000) -> None:
    """Wait until the page's script has finished and no lazy element is still a placeholder."""
    wait_until_drawn(page, timeout_ms, drawn=False)
