"""When a Streamlit page is fully drawn, as seen in the browser; shared by the benchmark and the tests."""

from __future__ import annotations

from playwright.sync_api import Page

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'

# Fully drawn: the script has finished, no lazy element is a placeholder, every Plotly chart has
# its SVG, every st_folium map has Leaflet shapes or markers, every dataframe has its canvas.
# Returns performance.now() at that moment: milliseconds since the navigation started.
_DRAWN_JS = """
(mapFrame) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
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


def wait_until_drawn(page: Page, timeout_ms: float = 60_000) -> float:
    """Wait until the page is fully drawn; return the milliseconds since its navigation started."""
    return float(page.wait_for_function(_DRAWN_JS, arg=MAP_FRAME, timeout=timeout_ms).json_value())


def components_on(page: Page) -> set[str]:
    """The heavy components the page shows: 'plotly', 'folium', 'dataframe'."""
    selectors = {
        "plotly": '[data-testid="stPlotlyChart"]',
        "folium": MAP_FRAME,
        "dataframe": '[data-testid="stDataFrame"]',
    }
    return {name for name, selector in selectors.items() if page.locator(selector).count()}
