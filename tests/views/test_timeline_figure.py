"""lib/views/timeline/figure.py: what the figure draws and how (markers, bars, symbols, lanes, range),
and which event a click selects."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
import streamlit

from lib.model.dataset import Dataset
from lib.views.timeline.background import NARROWEST_PLOT_PX, axis_range
from lib.views.timeline.figure import (
    LANE_PX,
    TOOLBAR_MESSAGES,
    chart_config,
    chosen_at,
    selected_event_id,
    show_chosen_html,
)
from lib.views.timeline.marks import MARKER_PX
from tests.views.timeline_data import DECLARATION, FULL_RANGE, bars_by_id, figure_for, markers_by_id


def test_every_event_has_one_marker_to_hover_and_click(dataset: Dataset) -> None:
    figure = figure_for(dataset)
    markers = markers_by_id(figure)
    assert set(markers) == set(dataset.events["id"])
    for trace, _ in markers.values():
        assert trace.hoverinfo != "skip"
        assert "%{customdata[1]}" in trace.hovertemplate


# Events over several days and events known only to the month or year, which were thin bars alone.
SPANS = [
    "1945-kuril-landing-operation",
    "1973-tanaka-brezhnev-summit",
    "1997-krasnoyarsk-summit",
    "1998-kawana-summit",
    "2000-putin-mori-tokyo-summit",
    "1946-ussr-annexes-kurils",
]


@pytest.mark.parametrize(
    ("event_id", "hatch", "hollow"),
    [
        ("1945-kuril-landing-operation", "", False),  # 18 Aug – 5 Sep 1945: a solid bar
        ("1973-tanaka-brezhnev-summit", "", False),
        ("1998-kawana-summit", "", False),
        ("1946-ussr-annexes-kurils", "/", True),  # only the year is known: a hatched bar, a hollow marker
    ],
)
def test_spans_are_bars_behind_their_marker(dataset: Dataset, event_id: str, hatch: str, hollow: bool) -> None:
    figure = figure_for(dataset)
    bar, bar_index = bars_by_id(figure)[event_id]
    assert bar.orientation == "h"
    assert bar.marker.pattern.shape[bar_index] == hatch
    marker, _ = markers_by_id(figure)[event_id]
    assert marker.marker.symbol.endswith("-open") == hollow
    assert figure.data.index(marker) > figure.data.index(bar), "the marker is drawn over its bar"


def test_single_days_have_no_bar(dataset: Dataset) -> None:
    bars = bars_by_id(figure_for(dataset))
    single_days = dataset.events[(dataset.events["date_precision"] == "day") & dataset.events["end_date"].isna()]
    assert not set(single_days["id"]) & set(bars)
    assert set(SPANS) <= set(bars)


@pytest.mark.parametrize("event_id", SPANS)
def test_the_marker_of_a_span_stands_in_its_middle_on_its_bar(dataset: Dataset, event_id: str) -> None:
    figure = figure_for(dataset)
    bar, bar_index = bars_by_id(figure)[event_id]
    marker, index = markers_by_id(figure)[event_id]
    start = pd.Timestamp(bar.base[bar_index])
    stop = start + pd.Timedelta(milliseconds=bar.x[bar_index])
    assert pd.Timestamp(marker.x[index]) == start + (stop - start) / 2
    assert marker.y[index] == bar.y[bar_index]


def test_a_bar_runs_from_the_first_to_the_end_of_the_last_day(dataset: Dataset) -> None:
    trace, index = bars_by_id(figure_for(dataset))["1945-kuril-landing-operation"]
    assert pd.Timestamp(trace.base[index]) == pd.Timestamp("1945-08-18")
    # 18 Aug to 5 Sep inclusive is 19 days.
    assert trace.x[index] == 19 * 24 * 3600 * 1000


def test_a_bar_known_only_to_the_year_covers_that_year(dataset: Dataset) -> None:
    trace, index = bars_by_id(figure_for(dataset))["1946-ussr-annexes-kurils"]
    assert pd.Timestamp(trace.base[index]) == pd.Timestamp("1946-01-01")
    assert trace.x[index] == 365 * 24 * 3600 * 1000


def test_events_from_the_article_are_diamonds_with_their_own_legend_entry(dataset: Dataset) -> None:
    figure = figure_for(dataset)
    marks = markers_by_id(figure)
    article_trace, _ = marks[DECLARATION]
    context_trace, _ = marks["1855-treaty-of-shimoda"]
    assert article_trace.marker.symbol == "diamond"
    assert context_trace.marker.symbol == "circle"
    assert article_trace.marker.color != context_trace.marker.color
    in_legend = [trace for trace in figure.data if trace.showlegend is not False]
    assert sorted(trace.name for trace in in_legend) == ["context (sourced elsewhere)", "from the TASS article"]
    assert {trace.marker.symbol for trace in in_legend} == {"diamond", "circle"}, "filled, as most marks are"
    origin_of = dataset.events.set_index("id")["origin"]
    for trace in figure.data:
        origins = set(origin_of.loc[[row[0] for row in trace.customdata]])
        assert len(origins) == 1, "a trace holds events of one origin"
        assert trace.legendgroup == origins.pop()


def test_the_article_s_events_are_drawn_over_the_context(dataset: Dataset) -> None:
    origins = [trace.legendgroup for trace in figure_for(dataset).data]
    assert origins.index("article") > max(index for index, origin in enumerate(origins) if origin == "context")


def test_lanes_are_the_event_types_present(dataset: Dataset) -> None:
    figure = figure_for(dataset)
    assert list(figure.layout.yaxis.ticktext) == [
        "Treaty",
        "Declaration",
        "Summit",
        "Ministerial",
        "Military",
        "Legislation",
        "Suspension",
        "Other",
    ]
    events = dataset.events
    only_2018 = figure_for(dataset, events[events["date"].dt.year == 2018], (2018, 2018))
    assert list(only_2018.layout.yaxis.ticktext) == ["Summit", "Ministerial", "Other"]


@pytest.mark.parametrize("years", [(1855, 2025), (2018, 2018), (1945, 1960)])
def test_the_x_axis_covers_the_year_filter(dataset: Dataset, years: tuple[int, int]) -> None:
    start, end = (pd.Timestamp(value) for value in figure_for(dataset, years=years).layout.xaxis.range)
    first, after_last = pd.Timestamp(f"{years[0]}-01-01"), pd.Timestamp(f"{years[1] + 1}-01-01")
    assert start < first < after_last < end
    # Only a sliver of room on either side.
    assert (first - start) < (after_last - first) * 0.05
    assert (end - after_last) < (after_last - first) * 0.05


@pytest.mark.parametrize("years", [(2018, 2018), FULL_RANGE], ids=["year filter", "zoomed in from every year"])
def test_zoomed_to_2018_the_july_events_are_apart(dataset: Dataset, years: tuple[int, int]) -> None:
    """In 2018 at the narrowest width, 23, 24 and 31 July are at least a marker apart, across or down."""
    events = dataset.events
    marks = markers_by_id(figure_for(dataset, events[events["date"].dt.year.between(*years)], years))
    start, end = axis_range((2018, 2018))
    px_per_ns = NARROWEST_PLOT_PX / (end - start).value

    def position(event_id: str) -> tuple[float, float]:
        trace, index = marks[event_id]
        return (pd.Timestamp(trace.x[index]) - start).value * px_per_ns, trace.y[index] * LANE_PX

    july = ["2018-date-matviyenko-meeting", "2018-date-federation-council-speech", "2018-third-2plus2-moscow"]
    points = [position(event_id) for event_id in july]
    for number, (x1, y1) in enumerate(points):
        for x2, y2 in points[number + 1 :]:
            assert abs(x1 - x2) >= MARKER_PX or abs(y1 - y2) >= MARKER_PX


def test_today_s_events_are_drawn_as_svg(dataset: Dataset) -> None:
    assert {trace.type for trace in figure_for(dataset).data} == {"scatter", "bar"}


def test_the_selected_event_is_read_from_the_point_s_customdata() -> None:
    selection = {"points": [{"curve_number": 1, "customdata": [DECLARATION, "title"]}]}
    assert selected_event_id(selection) == DECLARATION
    assert selected_event_id({"points": []}) is None
    assert selected_event_id({"points": [{"x": 1}]}) is None
    assert selected_event_id(None) is None


def test_the_chart_zooms_only_by_its_years_not_by_a_drag(dataset: Dataset) -> None:
    """A drag's zoom would be lost when a choice redraws the chart, and on a phone it holds the page."""
    layout = figure_for(dataset).layout
    assert layout.xaxis.fixedrange and layout.yaxis.fixedrange
    assert layout.dragmode is False


def test_the_chosen_event_is_ringed_where_its_marker_stands(dataset: Dataset) -> None:
    figure = figure_for(dataset, chosen="1998-kawana-summit")
    [ring] = [trace for trace in figure.data if trace.customdata is None]
    marker, index = markers_by_id(figure)["1998-kawana-summit"]
    assert (pd.Timestamp(ring.x[0]), ring.y[0]) == (pd.Timestamp(marker.x[index]), marker.y[index])
    assert ring.marker.size > marker.marker.size
    assert ring.marker.symbol.endswith("-open"), "the mark shows through"
    assert ring.hoverinfo == "skip", "hover and clicks reach the mark under it"
    assert figure.data[-1] is ring, "drawn over every mark"


@pytest.mark.parametrize("chosen", [None, "no-such-event"])
def test_without_a_chosen_mark_nothing_is_ringed(dataset: Dataset, chosen: str | None) -> None:
    figure = figure_for(dataset, chosen=chosen)
    assert all(trace.customdata is not None for trace in figure.data)
    assert len(figure.data) == len(figure_for(dataset).data)
    assert chosen_at(figure) is None


def test_the_ring_s_place_runs_from_0_at_the_axis_start_to_1_at_its_end(dataset: Dataset) -> None:
    figures = [figure_for(dataset, chosen=event) for event in dataset.events["id"]]
    places = [chosen_at(figure) for figure in figures]
    rings = [pd.Timestamp(figure.data[-1].x[0]) for figure in figures]
    assert all(0 < place < 1 for place in places)
    assert sorted(range(len(places)), key=places.__getitem__) == sorted(range(len(rings)), key=rings.__getitem__)
    assert max(places) - min(places) > 0.9, "from the first event near the start to the latest near the end"


def test_the_ring_s_place_reaches_the_page_escaped_with_its_script() -> None:
    shown = show_chosen_html(0.25)
    assert 'data-at="0.2500"' in shown
    assert '<script src="app/static/timeline/show-chosen-event.js"></script>' in shown


@pytest.mark.parametrize(
    ("language", "script", "declared"),
    [("ja", "[\u3040-\u30ff\u4e00-\u9fff]", "1956年10月19日"), ("ru", "[\u0400-\u04ff]", "19 октября 1956\u202fг.")],
)
def test_the_chart_is_in_the_readers_language(
    dataset: Dataset, reader_language: Callable[[str], None], language: str, script: str, declared: str
) -> None:
    reader_language(language)
    figure = figure_for(dataset)
    trace, index = markers_by_id(figure)[DECLARATION]
    labels = [*figure.layout.yaxis.ticktext, *(note.text for note in figure.layout.annotations)]
    countries, origin = trace.customdata[index][3], trace.customdata[index][5]  # [4]: its publishers, as named
    for text in [*labels, trace.name, trace.hovertemplate, countries, origin]:
        assert re.search(script, text), text
    assert trace.customdata[index][2] == declared
    assert "Source:" not in trace.hovertemplate


STREAMLIT_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"


def test_the_toolbar_s_words_are_those_plotly_looks_up() -> None:
    """Plotly as Streamlit bundles it: its toolbar's words, looked up as keys of the locale's dictionary."""
    bundle = "".join(path.read_text(encoding="utf-8") for path in STREAMLIT_JS.glob("PlotlyChart.*.js"))
    for message in TOOLBAR_MESSAGES:
        assert f"`{message}`" in bundle, message


def test_in_english_the_chart_keeps_plotly_s_own_words() -> None:
    config = chart_config()
    assert "locale" not in config and "locales" not in config
    assert config["displaylogo"] is False and "zoomIn2d" in config["modeBarButtonsToRemove"]


@pytest.mark.parametrize(("language", "script"), [("ja", "[\u3040-\u30ff\u4e00-\u9fff]"), ("ru", "[\u0400-\u04ff]")])
def test_the_toolbar_speaks_the_reader_s_language(
    reader_language: Callable[[str], None], language: str, script: str
) -> None:
    reader_language(language)
    config = chart_config()
    assert config["locale"] == language
    dictionary = config["locales"][language]["dictionary"]
    assert re.search(script, dictionary["Download plot as a PNG"])
    assert all(translated != english for english, translated in dictionary.items())
    assert config["displaylogo"] is False and "zoomIn2d" in config["modeBarButtonsToRemove"]


def test_in_japanese_the_axis_writes_months_and_days_with_their_characters(
    dataset: Dataset, reader_language: Callable[[str], None]
) -> None:
    english = [stop.value for stop in figure_for(dataset).layout.xaxis.tickformatstops]
    reader_language("ja")
    japanese = [stop.value for stop in figure_for(dataset).layout.xaxis.tickformatstops]
    assert english[:2] == ["%-d %b", "%b %Y"]  # "23 Jul", "Mar 2018", as before
    assert all("月" in value and "%b" not in value for value in japanese[:2]), japanese
    assert japanese[2] == english[2] == "%Y"


def test_in_russian_the_axis_names_months_as_a_date_standing_alone_does(reader_language: Callable[[str], None]) -> None:
    reader_language("ru")
    names = chart_config()["locales"]["ru"]["format"]
    assert len(names["months"]) == len(names["shortMonths"]) == 12
    assert names["months"][4] == "май" and all(re.search("[\u0400-\u04ff]", name) for name in names["shortMonths"])
