"""The map page in headless Chromium with the network closed: every request that does not go to
127.0.0.1 is aborted, so the map must draw from the app's own files."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    Frame,
    FrameLocator,
    Locator,
    Page,
    Request,
    Route,
    ViewportSize,
    WebSocket,
    expect,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from deploy.harness import Server, start_server, stop_server
from lib.model.load import read_dataset
from lib.views.islands import format_area, format_population
from lib.views.map.build import OSM_LAYER_NAME
from tests.browser.conftest import (
    PHONE_WITH_TOUCH,
    island_point,
    main_scroll_top,
    open_app,
    swipe,
    wait_for_app,
    wait_for_scroll,
)
from tests.conftest import ROOT
from tests.hostile import CANARY, write_hostile_dataset
from tests.pages.test_home_page import csv_rows

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MAP_VALUE_KEY = "last_object_clicked_count"  # a key of every value the Map page's map sends
FEATURES = json.loads((ROOT / "data" / "islands.geojson").read_text(encoding="utf-8"))["features"]
TIMEOUT_MS = 30_000
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}

# Records the values the map component sends to the app (each one reruns the script).
_SENT_VALUES_JS = """
window.mapValuesSent = [];
window.addEventListener("message", (event) => {
  if (event.data && event.data.type === "streamlit:setComponentValue") window.mapValuesSent.push(event.data.value);
});
"""


@dataclass
class ScriptRuns:
    """The script runs as Streamlit's WebSocket carries them, in order: "rerun" (the page asks for a
    run), "map rerun" (one that carries the map's value) and "finished" (the server ended a run).

    Read from the messages, not from the page's "running" state: the rerun a value causes may take a
    few milliseconds, and the browser may then draw its start and its end at once, so that the page
    never shows it running (the cause of rare timeouts here, seen in CI).
    """

    log: list[str] = field(default_factory=list)
    socket: WebSocket | None = None

    def watch(self, socket: WebSocket) -> None:
        self.socket = socket
        socket.on("framesent", self._sent)
        socket.on("framereceived", self._received)

    def _sent(self, payload: str | bytes) -> None:
        if not isinstance(payload, bytes):
            return
        message = BackMsg.FromString(payload)
        if message.WhichOneof("type") == "rerun_script":
            states = message.rerun_script.widget_states.widgets
            self.log.append("map rerun" if any(MAP_VALUE_KEY in state.json_value for state in states) else "rerun")

    def _received(self, payload: str | bytes) -> None:
        if not isinstance(payload, bytes):
            return
        message = ForwardMsg.FromString(payload)
        # A run cut short by a newer request reports FINISHED_EARLY_FOR_RERUN: the newer run is still to end.
        if (
            message.WhichOneof("type") == "script_finished"
            and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
        ):
            self.log.append("finished")

    def map_value_handled(self) -> bool:
        """The map's value has reached the app, and every run asked for since has ended."""
        return "map rerun" in self.log and self.log[-1] == "finished"

    def wait_until_map_value_handled(self, timeout_ms: float) -> None:
        deadline = time.monotonic() + timeout_ms / 1000
        while not self.map_value_handled():
            assert self.socket is not None, "the page opened no WebSocket"
            remaining_ms = (deadline - time.monotonic()) * 1000
            assert remaining_ms > 0, f"the map's value was not handled: {self.log}"
            self.socket.wait_for_event("framereceived", timeout=remaining_ms)


@dataclass
class Traffic:
    blocked: list[tuple[str, str]] = field(default_factory=list)  # (url, url of the frame that asked)
    served: list[str] = field(default_factory=list)
    runs: ScriptRuns = field(default_factory=ScriptRuns)


@pytest.fixture
def offline(page: Page) -> Iterator[Traffic]:
    """The page with every request outside 127.0.0.1 aborted, as on a laptop with no network."""
    traffic = Traffic()

    def route(route: Route, request: Request) -> None:
        if request.url.startswith("http://127.0.0.1:"):
            traffic.served.append(request.url)
            route.continue_()
        else:
            traffic.blocked.append((request.url, request.frame.url))
            route.abort()

    page.route("**/*", route)
    page.add_init_script(_SENT_VALUES_JS)
    page.on("websocket", traffic.runs.watch)
    yield traffic
    page.unroute_all(behavior="ignoreErrors")


def open_map(page: Page, url: str, runs: ScriptRuns) -> FrameLocator:
    open_app(page, url)
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator("path.island-shape")).to_have_count(len(FEATURES), timeout=TIMEOUT_MS)
    # The map sends one value once drawn; hover and click only after the rerun it causes has ended.
    runs.wait_until_map_value_handled(TIMEOUT_MS)
    return frame


# Names the first view shows (not the islets', shown only when zoomed in) that the map's edge cuts
# off, that its attribution line or legend hides, or that lie on another name: each such name.
_NAMES_HIDDEN_JS = """(body) => {
  const within = (r, box) => r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const map = body.querySelector('.leaflet-container').getBoundingClientRect();
  const covers = [...body.querySelectorAll('.leaflet-control-attribution, .island-legend-box')]
    .map((control) => control.getBoundingClientRect());
  const shown = [...body.querySelectorAll('.island-label:not(.islet-name)')].filter((label) => label.offsetParent);
  return shown
    .filter((label) => {
      const r = label.getBoundingClientRect();
      const others = shown.filter((other) => other !== label).map((other) => other.getBoundingClientRect());
      return !within(r, map) || covers.some((cover) => overlaps(r, cover)) || others.some((o) => overlaps(r, o));
    })
    .map((label) => label.textContent);
}"""


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize("path", ["", "map"], ids=["home", "map"])
def test_the_first_view_shows_every_disputed_island_s_name_whole(
    page: Page, offline: Traffic, app_server: Server, path: str, viewport: ViewportSize, language: str
) -> None:
    page.set_viewport_size(viewport)
    open_app(page, f"{app_server.url}/{path}?lang={language}")
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator("path.island-shape")).to_have_count(len(FEATURES), timeout=TIMEOUT_MS)
    expect(frame.locator(".label-habomai .badge")).to_have_count(1)
    expect(frame.locator(".leaflet-container.first-view-set")).to_have_count(1)
    # Leaflet places the names as the first view settles: wait for them to settle, then name any hidden.
    content = page.locator(MAP_FRAME).element_handle().content_frame()
    with contextlib.suppress(PlaywrightTimeoutError):
        content.wait_for_function(f"({_NAMES_HIDDEN_JS})(document.body).length === 0", timeout=TIMEOUT_MS)
    assert frame.locator("body").evaluate(_NAMES_HIDDEN_JS) == []


def island_box(page: Page) -> Locator:
    """The sidebar's Island filter, which every page shares."""
    return page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Island")


def test_the_map_draws_with_the_network_closed(page: Page, offline: Traffic, app_server: Server) -> None:
    frame = open_map(page, f"{app_server.url}/map", offline.runs)
    expect(frame.locator(".label-iturup")).to_contain_text("Iturup")
    expect(frame.locator(".island-legend")).to_contain_text("promised to Japan after a peace treaty")
    expect(frame.locator(".leaflet-tile")).to_have_count(0)  # the coasts alone, no tile server
    assert any(url.endswith("/app/static/leaflet/leaflet.js") for url in offline.served)
    assert any(url.endswith("/app/static/leaflet/leaflet.css") for url in offline.served)
    from_the_map = [url for url, frame_url in offline.blocked if "/component/" in frame_url]
    assert from_the_map == [], "the map asked for something outside the app"


def test_hovering_kunashir_shows_its_three_names(page: Page, offline: Traffic, app_server: Server) -> None:
    frame = open_map(page, f"{app_server.url}/map", offline.runs)
    page.mouse.move(*island_point(frame, "kunashir"))
    tooltip = frame.locator(".leaflet-tooltip")
    for name in ("Kunashir", "Kunashiri-tō", "国後島", "Кунашир"):
        expect(tooltip).to_contain_text(name)


def test_clicking_shikotan_shows_its_details_and_selects_it(page: Page, offline: Traffic, app_server: Server) -> None:
    frame = open_map(page, f"{app_server.url}/map", offline.runs)
    page.mouse.click(*island_point(frame, "shikotan"))
    popup = frame.locator(".leaflet-popup-content")
    shikotan = next(row for row in csv_rows("islands.csv") if row["id"] == "shikotan")
    expect(popup).to_contain_text(format_area(float(shikotan["area_km2"])))
    expect(popup).to_contain_text("Promised to Japan after a peace treaty")
    expect(page.get_by_role("heading", name="Shikotan", level=3)).to_be_visible(timeout=TIMEOUT_MS)
    population = format_population(int(shikotan["population"]), int(shikotan["population_year"]))
    expect(page.get_by_text(f"Population: {population}")).to_be_visible()  # in the details, not the table
    expect(island_box(page)).to_have_value("Shikotan")
    expect(page).to_have_url(f"{app_server.url}/map?island=shikotan")


def test_the_selection_is_kept_for_the_other_pages(page: Page, offline: Traffic, app_server: Server) -> None:
    frame = open_map(page, f"{app_server.url}/map", offline.runs)
    page.mouse.click(*island_point(frame, "kunashir"))
    expect(page.get_by_role("heading", name="Kunashir", level=3)).to_be_visible(timeout=TIMEOUT_MS)
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Timeline").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Timeline", timeout=TIMEOUT_MS)
    expect(island_box(page)).to_have_value("Kunashir")
    expect(page).to_have_url(f"{app_server.url}/timeline?island=kunashir")


def map_window(page: Page) -> Frame:
    """The map component's frame, as an object that stops working if the map is redrawn from scratch."""
    handle = page.locator(MAP_FRAME).element_handle()
    assert handle is not None
    frame = handle.content_frame()
    assert frame is not None
    return frame


def until_the_view_settles(frame: Frame, action: Callable[[], None]) -> None:
    """Do `action` (a pan or a zoom) and wait for Leaflet's moveend, after any animation or glide.
    `window.map` is the Leaflet map streamlit-folium publishes."""
    frame.evaluate(
        "() => { window.viewSettled = false; window.map.once('moveend', () => { window.viewSettled = true; }); }"
    )
    action()
    frame.wait_for_function("() => window.viewSettled === true", timeout=TIMEOUT_MS)


def drag(page: Page, start: tuple[float, float], by: tuple[float, float]) -> None:
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] + by[0], start[1] + by[1], steps=8)
    page.mouse.up()


def test_panning_and_zooming_never_rerun_the_app(page: Page, offline: Traffic, app_server: Server) -> None:
    page.set_viewport_size({"width": 1280, "height": 1000})
    frame = open_map(page, f"{app_server.url}/map", offline.runs)
    window = map_window(page)
    until_the_view_settles(window, frame.get_by_role("button", name="Zoom in").click)
    # Up and left: Shikotan, below the centre, stays in view once zoomed in.
    until_the_view_settles(window, lambda: drag(page, island_point(frame, "iturup"), (-40, -160)))
    zoom = window.evaluate("() => window.map.getZoom()")
    window.evaluate("() => { window.sameMap = true; }")

    page.mouse.click(*island_point(frame, "shikotan"))
    expect(page.get_by_role("heading", name="Shikotan", level=3)).to_be_visible(timeout=TIMEOUT_MS)
    sent = page.evaluate("window.mapValuesSent")
    # Whatever the map sends holds only what a click changes, never the view: a pan or a zoom alone
    # changes nothing it sends, so it cannot rerun the app.
    assert all(set(value) == {"last_active_drawing", "last_object_clicked_count"} for value in sent)
    assert sent[-1]["last_active_drawing"]["properties"]["id"] == "shikotan"
    # The click's rerun added the selection outline without redrawing the map: same map, same view.
    expect(frame.locator("path.selected-outline")).to_have_count(1)
    assert window.evaluate("() => window.sameMap") is True
    assert window.evaluate("() => window.map.getZoom()") == zoom


def test_openstreetmap_is_offered_with_its_attribution(page: Page, offline: Traffic, app_server: Server) -> None:
    frame = open_map(page, f"{app_server.url}/map", offline.runs)
    frame.locator(".leaflet-control-layers").hover()
    osm = frame.get_by_label(OSM_LAYER_NAME)
    expect(osm).not_to_be_checked()
    osm.check()
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("OpenStreetMap contributors")
    expect(frame.locator("path.island-shape")).to_have_count(len(FEATURES))  # still drawn over the tiles


def test_on_a_phone_the_legend_starts_folded(page: Page, offline: Traffic, app_server: Server) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    frame = open_map(page, f"{app_server.url}/map", offline.runs)
    legend = frame.locator(".island-legend")
    expect(legend).not_to_have_attribute("open", "")
    legend.locator("summary").click()
    expect(legend.get_by_text("Shikotan, Habomai Islands")).to_be_visible()


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile_dataset(tmp_path_factory.mktemp("hostile") / "data")


@pytest.fixture(scope="module")
def hostile_server(hostile_data: Path) -> Iterator[Server]:
    server = start_server(hostile_data)
    yield server
    stop_server(server)


def test_hostile_names_in_popups_stay_text(
    page: Page, offline: Traffic, hostile_data: Path, hostile_server: Server
) -> None:
    islands = read_dataset(hostile_data).dataset.islands.set_index("id")  # type: ignore[union-attr]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    frame = open_map(page, f"{hostile_server.url}/map", offline.runs)
    page.mouse.click(*island_point(frame, "iturup"))
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text(islands.loc["iturup", "name_en"])  # the attack, shown as text
    assert popup.locator("script, img, iframe, svg, style, marquee").count() == 0
    assert map_window(page).evaluate(f"() => window.{CANARY} ?? null") is None
    assert dialogs == []


MAP_CENTER_JS = "() => { const map = Object.values(window).find((value) => value instanceof L.Map); return [map.getCenter().lat, map.getCenter().lng, map.getZoom()]; }"


def test_on_a_phone_a_swipe_over_the_map_scrolls_the_page_and_one_tap_opens_an_island(
    browser: Browser, app_server: Server
) -> None:
    context = browser.new_context(**PHONE_WITH_TOUCH)
    try:
        page = context.new_page()
        open_app(page, f"{app_server.url}/map")
        frame = page.frame_locator(MAP_FRAME)
        expect(frame.locator(".leaflet-container.first-view-set")).to_have_count(1, timeout=TIMEOUT_MS)
        page.locator(MAP_FRAME).scroll_into_view_if_needed()
        page.touchscreen.tap(*island_point(frame, "shikotan"))
        expect(frame.locator(".leaflet-popup-content")).to_contain_text("Promised to Japan after a peace treaty")
        expect(frame.locator(".leaflet-tooltip")).to_have_count(0)  # no tooltip over the popup
        expect(page).to_have_url(f"{app_server.url}/map?island=shikotan", timeout=TIMEOUT_MS)
        wait_for_app(page)
        leaflet = frame.locator(".leaflet-container")
        view = leaflet.evaluate(f"(element) => ({MAP_CENTER_JS})()")
        box = page.locator(MAP_FRAME).bounding_box()
        assert box is not None
        before = main_scroll_top(page)
        swipe(page, box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.7, 0, -300)
        wait_for_scroll(page, beyond=before + 100)
        assert leaflet.evaluate(f"(element) => ({MAP_CENTER_JS})()") == view, "the map did not move"
    finally:
        context.close()
