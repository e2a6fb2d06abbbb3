"""The timeline in headless Chromium: the chart draws, every mark (a span's too) can be hovered and
clicked for its details, no text on the chart overlaps at a laptop's or a phone's width, a period is
one click, the chosen event is ringed without losing the period, and past MAX_EVENT_MARKS events a
click on a gathered mark lists its events. tests/browser/test_timeline_on_a_phone.py is the touch screen."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import FloatRect, Locator, Page, expect

from bench.synthetic import write_scaled_dataset
from deploy.harness import Server, start_server, stop_server
from lib.model.filters import Filters
from lib.model.load import read_dataset
from lib.views.timeline.marks import MAX_EVENT_MARKS
from tests.browser.conftest import open_app
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
DETAILS = ".st-key-timeline_details"  # the bordered container of the chosen event's details
PHONE = {"width": 390, "height": 900}
LEGEND_GAP_PX = 16  # at most this between the dates under the chart and its legend
DESKTOP = {"width": 1280, "height": 900}

with (ROOT / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
    EVENT_ROWS = list(csv.DictReader(handle))
SINGLE_DAYS = [row for row in EVENT_ROWS if row["date_precision"] == "day" and not row["end_date"]]
with (ROOT / "data" / "statements.csv").open(encoding="utf-8", newline="") as handle:
    STATEMENT_ROWS = list(csv.DictReader(handle))

# The SVG marker of one event: its trace among the chart's scatter traces, and its index there.
# The ring around the chosen event is a scatter trace without customdata.
_FIND_MARKER = """([chart, eventId]) => {
    const figure = document.querySelector(chart);
    const scatters = figure.data.filter((trace) => trace.type === "scatter");
    for (const [traceNumber, trace] of scatters.entries()) {
        const pointNumber = (trace.customdata || []).findIndex((row) => row[0] === eventId);
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


def test_the_chart_draws_a_marker_per_event_and_a_bar_per_span(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP)
    expect(page.locator(f"{CHART} .scatterlayer path.point")).to_have_count(len(EVENT_ROWS))
    expect(page.locator(f"{CHART} .barlayer .point path")).to_have_count(len(EVENT_ROWS) - len(SINGLE_DAYS))
    expect(page.locator(f"{CHART} .legend")).to_contain_text("from the TASS article")
    expect(page.locator(f"{CHART} .annotation").filter(has_text="USSR")).to_contain_text("Dec 1991")
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
    open_timeline(page, app_server, DESKTOP, "?from=2024&to=2024")  # its year alone: no other mark beside it
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
    expect(details.get_by_role("link", name=re.compile(r"^TASS, “Japan hopes for progress")).first).to_have_attribute(
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
    said = [row for row in STATEMENT_ROWS if row["date"] == "2018-07-23"]
    assert said
    expect(details.locator("ul").last.locator("li")).to_have_count(len(said))  # the last list: what was said
    for speaker in {row["speaker"] for row in said}:
        expect(details.locator("ul").last).to_contain_text(speaker)


# Events over several days, thin bars at the full range, with their days.
# The start of each title: a hover label breaks a long one into lines.
SPANS = [
    ("1973-tanaka-brezhnev-summit", "Tanaka and Brezhnev meet", "7–10 Oct 1973"),
    ("1997-krasnoyarsk-summit", "Informal Yeltsin-Hashimoto summit", "1–2 Nov 1997"),
    ("1998-kawana-summit", "Kawana summit: Hashimoto", "18–19 Apr 1998"),
    ("2000-putin-mori-tokyo-summit", "Putin and Mori hold talks", "4–5 Sep 2000"),
]


@pytest.mark.parametrize(("event_id", "title", "days"), SPANS, ids=[event_id for event_id, _, _ in SPANS])
def test_an_event_over_several_days_can_be_hovered_and_clicked_at_the_full_range(
    page: Page, app_server: Server, event_id: str, title: str, days: str
) -> None:
    open_timeline(page, app_server, DESKTOP)
    page.mouse.move(*point_at(page, event_id))
    hover = page.locator(f"{CHART} .hoverlayer .hovertext")
    expect(hover).to_contain_text(title)
    expect(hover).to_contain_text(days)
    page.mouse.click(*point_at(page, event_id))
    expect(page.locator(DETAILS)).to_contain_text(title)
    expect(page.locator(DETAILS)).to_contain_text(days)


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
    legend_top = box(page.locator(f"{CHART} .legend"))["y"]
    assert max(tick_bottoms) <= legend_top, "the legend sits below the dates"
    assert legend_top - max(tick_bottoms) < LEGEND_GAP_PX, "and right under them"


# Every piece of text the chart draws, as [what it is, its text, its box on screen]. Plotly hides a
# tick label that would collide, and such text has no size.
_CHART_TEXTS = """(chart) => [...document.querySelector(chart).querySelectorAll("svg text")]
    .filter((text) => text.textContent.trim())
    .map((text) => [
        text.closest(".annotation, .ytick, .xtick, .legend")?.getAttribute("class").split(" ")[0] ?? "other",
        text.textContent,
        text.getBoundingClientRect().toJSON(),
    ])
    .filter(([, , rect]) => rect.width > 0 && rect.height > 0)"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize(
    "query", ["", "?from=2012&to=2019", "?event=2018-date-matviyenko-meeting"], ids=["default", "period", "chosen"]
)
def test_no_two_pieces_of_text_on_the_chart_overlap(
    page: Page, app_server: Server, viewport: dict[str, int], query: str
) -> None:
    """Milestone and era labels, lane names, dates and legend, each against every other."""
    open_timeline(page, app_server, viewport, query)
    expect(page.locator(f"{CHART} .legendtext").first).to_be_visible()
    texts = page.evaluate(_CHART_TEXTS, CHART)
    assert {kind for kind, _, _ in texts} == {"annotation", "ytick", "xtick", "legend"}
    for (_, first, first_box), (_, second, second_box) in combinations(texts, 2):
        assert not overlap(first_box, second_box), f"{first!r} overlaps {second!r}"


def test_on_a_phone_the_july_2018_events_are_apart(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, PHONE, "?from=2018&to=2018")
    july = ["2018-date-matviyenko-meeting", "2018-date-federation-council-speech", "2018-third-2plus2-moscow"]
    boxes = [box(marker(page, event_id)) for event_id in july]
    for first, second in combinations(boxes, 2):
        assert not overlap(first, second), (first, second)


# Past MAX_EVENT_MARKS events


SCALE = 20  # today's events 20 times, past MAX_EVENT_MARKS


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
    expect(page.get_by_text(f"{SCALE * len(EVENT_ROWS):,} events are too many to draw one by one")).to_be_visible()
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


# The period control, the list of events in view and the ring around the chosen event

_RING = """(chart) => {
    const ring = document.querySelector(chart).data.find((trace) => trace.type === "scatter" && !trace.customdata);
    return ring ? [ring.x[0], ring.y[0]] : null;
}"""
_MARKER_AT = """([chart, eventId]) => {
    for (const trace of document.querySelector(chart).data) {
        const index = (trace.customdata || []).findIndex((row) => row[0] === eventId);
        if (trace.type === "scatter" && index >= 0) return [trace.x[index], trace.y[index]];
    }
    return null;
}"""
_X_RANGE = "(chart) => document.querySelector(chart)._fullLayout.xaxis.range"


def test_one_click_on_a_period_zooms_the_chart_to_it_and_puts_it_in_the_link(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP)
    page.locator(".st-key-timeline_period").get_by_role("radio", name="2012–2019").click()
    expect(page).to_have_url(f"{app_server.url}/timeline?from=2012&to=2019")
    expect(page.locator(".st-key-timeline_period").get_by_role("radio", name="2012–2019")).to_be_checked()
    start, end = (pd.Timestamp(value) for value in page.evaluate(_X_RANGE, CHART))
    assert start < pd.Timestamp("2012-01-01") < pd.Timestamp("2020-01-01") < end
    assert end - start < pd.Timedelta(days=366 * 9)


def test_a_row_of_the_list_rings_its_event_on_the_chart_and_keeps_the_period(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP, "?from=1991&to=2012")
    assert page.evaluate(_RING, CHART) is None
    x_range = page.evaluate(_X_RANGE, CHART)
    page.locator(".st-key-timeline_rows").get_by_text("Kawana summit").click()
    expect(page.locator(DETAILS)).to_contain_text("Kawana summit")
    page.wait_for_function(f"(chart) => ({_RING})(chart) !== null", arg=CHART)
    assert page.evaluate(_RING, CHART) == page.evaluate(_MARKER_AT, [CHART, "1998-kawana-summit"])
    assert page.evaluate(_X_RANGE, CHART) == x_range, "the reader's period stays"
    expect(page).to_have_url(f"{app_server.url}/timeline?from=1991&to=2012&event=1998-kawana-summit")


def test_a_click_on_a_mark_checks_its_row_in_the_list(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP, "?from=1991&to=2012")
    page.mouse.click(*point_at(page, "2001-irkutsk-statement"))
    expect(page.locator(".st-key-timeline_rows").get_by_role("radio", name="Irkutsk Statement")).to_be_checked()
    page.wait_for_function(f"(chart) => ({_RING})(chart) !== null", arg=CHART)
    assert page.evaluate(_RING, CHART) == page.evaluate(_MARKER_AT, [CHART, "2001-irkutsk-statement"])


# Whether the list's chosen row lies inside the list's box, which scrolls on its own.
_CHOSEN_ROW_IN_SIGHT = """() => {
  const list = document.querySelector('.st-key-timeline_list');
  const row = list.querySelector('input[type=radio]:checked')?.closest('label');
  if (!row) return false;
  const seen = list.getBoundingClientRect(), place = row.getBoundingClientRect();
  return place.top >= seen.top && place.bottom <= seen.bottom;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_link_to_the_latest_event_scrolls_the_list_to_its_row_and_not_the_page(
    page: Page, app_server: Server, viewport: dict[str, int]
) -> None:
    latest = max(EVENT_ROWS, key=lambda row: (row["date"], row["id"]))  # the list's last row, oldest first
    open_timeline(page, app_server, viewport, f"?event={latest['id']}")
    expect(page.locator(".st-key-timeline_rows").get_by_role("radio", name=latest["title"])).to_be_checked()
    page.wait_for_function(_CHOSEN_ROW_IN_SIGHT)
    assert page.evaluate("(main) => document.querySelector(main).scrollTop", '[data-testid="stMain"]') == 0


def test_the_list_works_from_the_keyboard(page: Page, app_server: Server) -> None:
    open_timeline(page, app_server, DESKTOP, "?from=1991&to=2012&event=1998-kawana-summit")
    in_view = sorted(
        (row for row in EVENT_ROWS if "1991" <= row["date"][:4] <= "2012"), key=lambda r: (r["date"], r["id"])
    )
    following = in_view[[row["id"] for row in in_view].index("1998-kawana-summit") + 1]
    page.locator(".st-key-timeline_rows").get_by_role("radio", name="Kawana summit").focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator(DETAILS)).to_contain_text(following["title"])
    expect(page).to_have_url(re.compile(rf"event={following['id']}"))


def test_the_download_gives_the_events_in_view_with_their_sources(page: Page, app_server: Server) -> None:
    dataset = read_dataset().dataset
    assert dataset is not None
    shown = dataset.filtered_events(Filters(country="Japan", year_from=1950, year_to=2000))
    assert 0 < len(shown) < len(dataset.events)
    open_app(page, f"{app_server.url}/timeline?country=Japan&from=1950&to=2000")
    button = page.get_by_role("button", name=f"Download {len(shown)} events (CSV)")
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "kurils-events.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    assert sorted(row["Event id"] for row in rows) == sorted(shown["id"])
    assert all(row["Sources"] and row["Evidence"] for row in rows), "every event names its sources"
