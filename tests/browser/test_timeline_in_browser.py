"""The timeline in headless Chromium: the chart draws, a click shows the event's details, nothing
overlaps on a phone-sized window, and past MAX_EVENT_MARKS events a click on a gathered mark lists
its events."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
from playwright.sync_api import FloatRect, Locator, Page, expect

from bench.server import Server, start_server, stop_server
from bench.synthetic import write_scaled_dataset
from lib.views.timeline.marks import MAX_EVENT_MARKS
from tests.browser.conftest import open_app
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
DETAILS = ".st-key-timeline_details"  # the bordered container of the chosen event's details
PHONE = {"width": 390, "height": 900}
DESKTOP = {"width": 1280, "height": 900}

with (ROOT / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
    EVENT_ROWS = list(csv.DictReader(handle))
SINGLE_DAYS = [row for row in EVENT_ROWS if row["date_precision"] == "day" and not row["end_date"]]

# The SVG marker of one event: its trace among the chart's scatter traces, and its index there.
_FIND_MARKER = """([chart, eventId]) => {
    const figure = document.querySelector(chart);
    const scatters = figure.data.filter((trace) => trace.type === "scatter");
    for (const [traceNumber, trace] of scatters.entries()) {
        const pointNumber = trace.customdata.findIndex((row) => row[0] === eventId);
        if (pointNumber >= 0) return [traceNumber, pointNumber];
    }
    return null;
}"""


def marker(page: Page, event_id: str) -> Locator:
    found = page.evaluate(_FIND_MARKER, [CHART, event_id])
    assert found is not None, f"{event_id} has no marker"
    trace_number, point_number = found
    return page.locator(f"{CHART} .scatterlayer .trace").nth(trace_number).locator("path.point").nth(point_number)


def point_at(page: Page, event_id: str) -> tuple[float, float]:
    """The middle of an event's marker: Plotly's drag layer takes the pointer, so the mouse goes there."""
    found = marker(page, event_id)
    found.scroll_into_view_if_needed()
    rect = box(found)
    return rect["x"] + rect["width"] / 2, rect["y"] + rect["height"] / 2


def box(locator: Locator) -> FloatRect:
    rect = locator.bounding_box()
    assert rect is not None
    return rect


def overlap(a: FloatRect, b: FloatRect) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def open_timeline(page: Page, server: Server, viewport: dict[str, int], query: str = "") -> None:
    page.set_viewport_size(viewport)
    open_app(page, f"{server.url}/timeline{query}")
    expect(page.locator(f"{CHART} .cartesianlayer .point").first).to_be_visible()


def test_the_chart_draws_a_marker_per_single_day_and_a_bar_per_span(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP)
    expect(page.locator(f"{CHART} .scatterlayer path.point")).to_have_count(len(SINGLE_DAYS))
    expect(page.locator(f"{CHART} .barlayer .point path")).to_have_count(len(EVENT_ROWS) - len(SINGLE_DAYS))
    expect(page.locator(f"{CHART} .legend")).to_contain_text("from the article")
    expect(page.locator(f"{CHART} .annotation").filter(has_text="Soviet Union")).to_be_visible()
    expect(page.locator(f"{CHART} .annotation").filter(has_text="19 Oct 1956")).to_be_visible()


def test_hovering_an_event_shows_its_title_date_countries_and_source(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP)
    page.mouse.move(*point_at(page, "1956-joint-declaration"))
    hover = page.locator(f"{CHART} .hoverlayer .hovertext")
    expect(hover).to_contain_text("Soviet-Japanese Joint Declaration")
    expect(hover).to_contain_text("19 Oct 1956")
    expect(hover).to_contain_text("Japan, USSR")
    expect(hover).to_contain_text("Source: TASS")


def test_an_apostrophe_in_a_hover_reads_as_one(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP)
    page.mouse.move(*point_at(page, "2024-ishiba-first-policy-speech"))
    hover = page.locator(f"{CHART} .hoverlayer .hovertext")
    expect(hover).to_contain_text("Ishiba's first policy")
    expect(hover).not_to_contain_text("&#")


def test_clicking_an_event_shows_its_details(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP)
    page.mouse.click(*point_at(page, "1956-joint-declaration"))
    details = page.locator(DETAILS)
    expect(details).to_contain_text("In 1956, the Soviet Union and Japan signed a joint declaration")
    expect(details).to_contain_text("Article 9")
    expect(details.get_by_role("link", name="Shikotan")).to_have_attribute("href", "map?island=shikotan")
    expect(details.get_by_role("link", name="Habomai Islands")).to_have_attribute("href", "map?island=habomai")
    expect(details.get_by_role("link", name="TASS", exact=False)).to_have_attribute(
        "href", "https://tass.com/world/1014523"
    )
    expect(page.get_by_role("combobox", name="Event")).to_have_value(
        "19 Oct 1956 · Soviet-Japanese Joint Declaration signed in Moscow"
    )


def test_clicking_the_article_s_meeting_lists_what_was_said_that_day(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP, "?from=2018&to=2018")
    page.mouse.click(*point_at(page, "2018-date-matviyenko-meeting"))
    details = page.locator(DETAILS)
    expect(details).to_contain_text("Said on 23 Jul 2018")
    expect(details.locator("li")).to_have_count(6)
    expect(details).to_contain_text("Valentina Matviyenko")


def test_clicking_a_bar_shows_its_event(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP, "?from=1973&to=1973")
    bar = page.locator(f"{CHART} .barlayer .point path").first
    bar.scroll_into_view_if_needed()
    rect = box(bar)
    page.mouse.click(rect["x"] + rect["width"] / 2, rect["y"] + rect["height"] / 2)
    expect(page.locator(DETAILS)).to_contain_text("Tanaka and Brezhnev meet in Moscow")
    expect(page.locator(DETAILS)).to_contain_text("7–10 Oct 1973")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize("query", ["", "?from=1945&to=1960", "?from=2018&to=2018"], ids=["all", "1945-60", "2018"])
def test_labels_never_overlap_and_stay_on_the_chart(
    page: Page, app_server: Server, viewport: dict[str, int], query: str
) -> None:
    open_timeline(page, app_server, viewport, query)
    figure = box(page.locator(CHART))
    labels = page.locator(f"{CHART} .annotation")
    expect(labels.first).to_be_visible()
    boxes = [box(labels.nth(number)) for number in range(labels.count())]
    for first, second in combinations(boxes, 2):
        assert not overlap(first, second), (first, second)
    for label in boxes:
        assert figure["x"] <= label["x"] and label["x"] + label["width"] <= figure["x"] + figure["width"]
    plot = box(page.locator(f"{CHART} .nsewdrag").first)
    assert all(label["y"] + label["height"] <= plot["y"] for label in boxes), "labels sit above the plot"
    # Plotly hides tick labels that would collide; only those drawn count.
    tick_bottoms = page.locator(f"{CHART} .xtick text").evaluate_all(
        "(ticks) => ticks.map((tick) => tick.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.bottom)"
    )
    assert tick_bottoms
    assert max(tick_bottoms) <= box(page.locator(f"{CHART} .legend"))["y"], "the legend sits below the dates"


def test_on_a_phone_the_july_2018_events_are_apart(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, PHONE, "?from=2018&to=2018")
    july = ["2018-date-matviyenko-meeting", "2018-date-federation-council-speech", "2018-third-2plus2-moscow"]
    boxes = [box(marker(page, event_id)) for event_id in july]
    for first, second in combinations(boxes, 2):
        assert not overlap(first, second), (first, second)


# Past MAX_EVENT_MARKS events


SCALE = 20  # today's 42 events 20 times: 840, past MAX_EVENT_MARKS


@pytest.fixture(scope="module")
def scaled_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    assert SCALE * len(EVENT_ROWS) > MAX_EVENT_MARKS
    data: Path = write_scaled_dataset(tmp_path_factory.mktemp("scaled") / "data", SCALE)
    server = start_server(data)
    yield server
    stop_server(server)


def test_a_click_on_a_gathered_mark_picks_its_first_event_and_lists_the_others(
    page: Page, scaled_server: Server
) -> None:
    open_timeline(page, scaled_server, DESKTOP)
    expect(page.get_by_text(f"{SCALE * len(EVENT_ROWS)} events are too many to draw one by one")).to_be_visible()
    page.mouse.move(*point_at(page, "1956-joint-declaration"))
    hover = page.locator(f"{CHART} .hoverlayer .hovertext")
    expect(hover).to_contain_text(f"{SCALE} events · Declaration")
    expect(hover).to_contain_text("First: Soviet-Japanese Joint Declaration")
    page.mouse.click(*point_at(page, "1956-joint-declaration"))
    expect(page.locator(DETAILS)).to_contain_text("In 1956, the Soviet Union and Japan signed a joint declaration")
    expect(page.get_by_text(f"The mark you clicked gathers {SCALE} events")).to_be_visible()
    box = page.get_by_role("combobox", name="Event")
    expect(box).to_have_value("19 Oct 1956 · Soviet-Japanese Joint Declaration signed in Moscow")
    box.click()
    page.keyboard.press("ArrowDown")  # opens the list if the click only gave the box focus
    expect(page.get_by_role("option")).to_have_count(SCALE)
