"""The timeline: the figure as an object (traces, symbols, hovers, dates, eras, labels, scale),
the details of one event. The page itself: tests/test_timeline_page.py."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.model.load import read_dataset
from lib.model.schema import EVENT_TYPES, ORIGINS
from lib.views.markdown import escape_markdown, markdown_url
from lib.views.timeline.axes import NARROWEST_PLOT_PX, axis_range
from lib.views.timeline.background import eras
from lib.views.timeline.details import details_markdown, event_details
from lib.views.timeline.figure import LANE_PX, selected_event_id, timeline_figure
from lib.views.timeline.grouping import MAX_GROUP_MARKS
from lib.views.timeline.labels import AxisLabel, place_labels
from lib.views.timeline.listing import MAX_LISTED, event_choices, event_listing, grouping_note, listing_note
from lib.views.timeline.marks import GROUP_MARKER_MAX_PX, MARKER_PX, MAX_EVENT_MARKS, event_marks
from lib.views.timeline.periods import period_name
from lib.views.timeline.sources import url_domain

DATASET = read_dataset().dataset
assert DATASET is not None
EVENTS = DATASET.events
FULL_RANGE = (1855, 2025)
TASS_HEADLINE = "TASS, “Japan hopes for progress in peace<br>treaty talks with Russia, official says”"


def figure_for(events: pd.DataFrame = EVENTS, years: tuple[int, int] = FULL_RANGE) -> go.Figure:
    return timeline_figure(event_marks(events, DATASET.sources, years), events, years, eras(EVENTS))


def marks_by_id(figure: go.Figure) -> dict[str, tuple[go.Bar | go.Scatter | go.Scattergl, int]]:
    """Event id -> (the trace that draws it, its index there)."""
    found: dict[str, tuple[go.Bar | go.Scatter | go.Scattergl, int]] = {}
    for trace in figure.data:
        for index, row in enumerate(trace.customdata):
            assert row[0] not in found, f"{row[0]} is drawn twice"
            found[row[0]] = (trace, index)
    return found


def one_event(**changes: object) -> pd.DataFrame:
    """The 1956 declaration row with some columns changed."""
    row = EVENTS[EVENTS["id"] == "1956-joint-declaration"].iloc[0].to_dict()
    row.update(changes)
    return pd.DataFrame([row]).astype({"date": "datetime64[us]", "end_date": "datetime64[us]"})


# The figure: what is drawn, and how


def test_every_event_is_drawn_exactly_once() -> None:
    assert set(marks_by_id(figure_for())) == set(EVENTS["id"])


@pytest.mark.parametrize(
    ("event_id", "kind", "hatch"),
    [
        ("1956-joint-declaration", "scatter", None),  # one known day: a marker
        ("1855-treaty-of-shimoda", "scatter", None),
        ("1945-kuril-landing-operation", "bar", ""),  # 18 Aug – 2 Sep 1945: a solid bar
        ("1973-tanaka-brezhnev-summit", "bar", ""),
        ("2018-two-ministerial-meetings", "bar", "/"),  # only the year is known: a hatched bar
    ],
)
def test_single_days_are_markers_and_spans_are_bars(event_id: str, kind: str, hatch: str | None) -> None:
    trace, index = marks_by_id(figure_for())[event_id]
    assert trace.type == kind
    if kind == "bar":
        assert trace.orientation == "h"
        assert trace.marker.pattern.shape[index] == hatch


def test_a_bar_runs_from_the_first_to_the_end_of_the_last_day() -> None:
    trace, index = marks_by_id(figure_for())["1945-kuril-landing-operation"]
    assert pd.Timestamp(trace.base[index]) == pd.Timestamp("1945-08-18")
    # 18 Aug to 2 Sep inclusive is 16 days.
    assert trace.x[index] == 16 * 24 * 3600 * 1000


def test_a_bar_known_only_to_the_year_covers_that_year() -> None:
    trace, index = marks_by_id(figure_for())["2018-two-ministerial-meetings"]
    assert pd.Timestamp(trace.base[index]) == pd.Timestamp("2018-01-01")
    assert trace.x[index] == 365 * 24 * 3600 * 1000


def test_events_from_the_article_are_diamonds_with_their_own_legend_entry() -> None:
    figure = figure_for()
    marks = marks_by_id(figure)
    article_trace, _ = marks["1956-joint-declaration"]
    context_trace, _ = marks["1855-treaty-of-shimoda"]
    assert article_trace.marker.symbol == "diamond"
    assert context_trace.marker.symbol == "circle"
    assert article_trace.marker.color != context_trace.marker.color
    in_legend = [trace.name for trace in figure.data if trace.showlegend]
    assert sorted(in_legend) == ["context (sourced elsewhere)", "from the article"]
    for trace in figure.data:
        origins = set(EVENTS.set_index("id").loc[[row[0] for row in trace.customdata], "origin"])
        assert len(origins) == 1, "a trace holds events of one origin"
        assert trace.legendgroup == origins.pop()


def test_the_article_s_events_are_drawn_over_the_context() -> None:
    origins = [trace.legendgroup for trace in figure_for().data]
    assert origins.index("article") > max(index for index, origin in enumerate(origins) if origin == "context")


def test_lanes_are_the_event_types_present() -> None:
    figure = figure_for()
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
    only_2018 = figure_for(EVENTS[EVENTS["date"].dt.year == 2018], (2018, 2018))
    assert list(only_2018.layout.yaxis.ticktext) == ["Summit", "Ministerial", "Other"]


def test_the_hover_shows_title_date_countries_source_and_origin() -> None:
    marks = marks_by_id(figure_for())
    trace, index = marks["1956-joint-declaration"]
    assert list(trace.customdata[index]) == [
        "1956-joint-declaration",
        "Soviet-Japanese Joint Declaration signed<br>in Moscow",
        "19 Oct 1956",
        "Japan, USSR",
        TASS_HEADLINE,
        "from the article",
    ]
    for number in range(1, 6):
        assert f"%{{customdata[{number}]}}" in trace.hovertemplate
    trace, index = marks["1875-treaty-of-saint-petersburg"]
    assert list(trace.customdata[index][2:]) == [
        "7 May 1875",
        "Japan, Russia",
        "en.wikipedia.org",
        "context (sourced elsewhere)",
    ]


@pytest.mark.parametrize(
    ("date", "end_date", "precision", "shown"),
    [
        ("1956-10-19", None, "day", "19 Oct 1956"),
        ("1956-10-01", None, "month", "Oct 1956"),
        ("1956-01-01", None, "year", "1956"),
        ("1973-10-07", "1973-10-10", "day", "7–10 Oct 1973"),
        ("1945-08-01", "1945-09-01", "month", "Aug – Sep 1945"),
    ],
)
def test_the_hover_shows_the_date_at_its_precision(date: str, end_date: str | None, precision: str, shown: str) -> None:
    events = one_event(date=pd.Timestamp(date), end_date=pd.Timestamp(end_date or "NaT"), date_precision=precision)
    (trace,) = figure_for(events).data
    assert trace.customdata[0][2] == shown


def test_hover_text_from_data_is_escaped() -> None:
    events = one_event(title="<img src=x onerror=alert(1)> & co", countries=("Japan",))
    (trace,) = figure_for(events).data
    title = trace.customdata[0][1]
    assert "<img" not in title
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; co" in title


def test_a_long_title_is_cut_short_in_the_hover() -> None:
    events = one_event(title="word " * 200)
    (trace,) = figure_for(events).data
    assert len(trace.customdata[0][1]) < 250
    assert trace.customdata[0][1].endswith("…")


# Range, background and labels


@pytest.mark.parametrize("years", [(1855, 2025), (2018, 2018), (1945, 1960)])
def test_the_x_axis_covers_the_year_filter(years: tuple[int, int]) -> None:
    start, end = (pd.Timestamp(value) for value in figure_for(years=years).layout.xaxis.range)
    first, after_last = pd.Timestamp(f"{years[0]}-01-01"), pd.Timestamp(f"{years[1] + 1}-01-01")
    assert start < first < after_last < end
    # Only a sliver of room on either side.
    assert (first - start) < (after_last - first) * 0.05
    assert (end - after_last) < (after_last - first) * 0.05


@pytest.mark.parametrize("years", [(2018, 2018), FULL_RANGE], ids=["year filter", "zoomed in from every year"])
def test_zoomed_to_2018_the_july_events_are_apart(years: tuple[int, int]) -> None:
    """In 2018 at the narrowest width, 23, 24 and 31 July are at least a marker apart, across or down."""
    figure = figure_for(EVENTS[EVENTS["date"].dt.year.between(*years)], years)
    marks = marks_by_id(figure)
    start, end = axis_range((2018, 2018))
    px_per_ns = NARROWEST_PLOT_PX / (end - start).value

    def position(event_id: str) -> tuple[float, float]:
        trace, index = marks[event_id]
        x = pd.Timestamp(trace.x[index] if trace.type == "scatter" else trace.base[index])
        return (x - start).value * px_per_ns, trace.y[index] * LANE_PX

    july = ["2018-date-matviyenko-meeting", "2018-date-federation-council-speech", "2018-third-2plus2-moscow"]
    points = [position(event_id) for event_id in july]
    for number, (x1, y1) in enumerate(points):
        for x2, y2 in points[number + 1 :]:
            assert abs(x1 - x2) >= MARKER_PX or abs(y1 - y2) >= MARKER_PX


def test_the_soviet_era_runs_from_the_first_ussr_event_to_december_1991() -> None:
    soviet, federation = eras(EVENTS)
    assert soviet.label == "Soviet Union"
    assert soviet.start == pd.Timestamp("1945-02-11")  # Yalta, the first row naming the USSR
    assert soviet.end == federation.start == pd.Timestamp("1992-01-01")
    assert federation.label == "Russian Federation"
    assert federation.end is None


def test_both_eras_are_shaded_and_labelled() -> None:
    figure = figure_for()
    bands = [shape for shape in figure.layout.shapes if shape.type == "rect"]
    assert [(pd.Timestamp(band.x0), pd.Timestamp(band.x1)) for band in bands] == [
        (pd.Timestamp("1945-02-11"), pd.Timestamp("1992-01-01")),
        (pd.Timestamp("1992-01-01"), pd.Timestamp(figure.layout.xaxis.range[1])),
    ]
    texts = [annotation.text for annotation in figure.layout.annotations]
    assert "Soviet Union<br>to Dec 1991" in texts
    assert "Russian Federation" in texts


def test_only_the_eras_in_view_are_shaded() -> None:
    figure = figure_for(years=(2000, 2010))
    (band,) = [shape for shape in figure.layout.shapes if shape.type == "rect"]
    assert pd.Timestamp(band.x0) == pd.Timestamp(figure.layout.xaxis.range[0])
    assert [annotation.text for annotation in figure.layout.annotations] == ["Russian Federation"]


def test_the_1956_declaration_and_the_article_s_meeting_are_marked_with_their_dates() -> None:
    figure = figure_for()
    texts = [html.unescape(annotation.text) for annotation in figure.layout.annotations]  # as Plotly shows them
    assert "Joint Declaration<br>19 Oct 1956" in texts
    assert "The article's meeting<br>23 Jul 2018" in texts
    lines = [pd.Timestamp(shape.x0).date() for shape in figure.layout.shapes if shape.type == "line"]
    assert lines == [pd.Timestamp("1956-10-19").date(), pd.Timestamp("2018-07-23").date()]


def test_milestones_outside_the_years_are_left_out() -> None:
    figure = figure_for(years=(1990, 2000))
    assert not [shape for shape in figure.layout.shapes if shape.type == "line"]
    assert all("Declaration" not in annotation.text for annotation in figure.layout.annotations)


def test_labels_that_would_touch_go_to_separate_rows() -> None:
    x_range = axis_range((1900, 2000))
    at = pd.Timestamp("1950-01-01")
    apart = pd.Timestamp("1905-01-01")
    labels = [
        AxisLabel(("First label",), at, at),
        AxisLabel(("Second label",), at, at),
        AxisLabel(("Far away",), apart, apart),
    ]
    annotations, height = place_labels(labels, x_range)
    shifts = [annotation["yshift"] for annotation in annotations]
    assert shifts[0] != shifts[1]
    assert shifts[2] == shifts[0], "a label with room beside the first shares its row"
    assert height > max(shifts)


def test_a_label_near_the_right_edge_ends_at_its_date() -> None:
    x_range = axis_range((1900, 2000))
    at = pd.Timestamp("1998-01-01")
    (annotation,), _ = place_labels([AxisLabel(("A label by the edge",), at, at)], x_range)
    assert annotation["xanchor"] == "right"
    assert annotation["x"] == at


# Scale: past MAX_EVENT_MARKS events, each mark gathers events and the Event box is bounded


def copies_of_today(factor: int) -> pd.DataFrame:
    """Today's events `factor` times, the copies with new ids, as bench.synthetic writes them."""
    copies = [EVENTS.assign(id=EVENTS["id"] + f"-copy-{number}") for number in range(1, factor)]
    return pd.concat([EVENTS, *copies], ignore_index=True)


@pytest.fixture(scope="module")
def many() -> pd.DataFrame:
    """42,000 events: today's a thousand times."""
    return copies_of_today(1000)


def spread_events(count: int, years: tuple[int, int] = FULL_RANGE) -> pd.DataFrame:
    """`count` single-day events on days spread evenly over `years`, through every lane and both origins."""
    template = EVENTS[EVENTS["id"] == "1956-joint-declaration"].iloc[0].to_dict()
    days = pd.date_range(f"{years[0]}-01-01", f"{years[1]}-12-31", periods=count).normalize()
    rows = [
        {
            **template,
            "id": f"event-{number}",
            "title": f"Event {number}",
            "date": day,
            "end_date": pd.NaT,
            "event_type": EVENT_TYPES[number % len(EVENT_TYPES)],
            "origin": ORIGINS[number // len(EVENT_TYPES) % len(ORIGINS)],
        }
        for number, day in enumerate(days)
    ]
    return pd.DataFrame(rows).astype({"date": "datetime64[us]", "end_date": "datetime64[us]"})


def test_up_to_the_threshold_each_event_is_its_own_mark() -> None:
    events = copies_of_today(20)
    at_most = event_marks(events.head(MAX_EVENT_MARKS), DATASET.sources, FULL_RANGE)
    assert at_most.period is None
    assert len(at_most.table) == MAX_EVENT_MARKS
    assert grouping_note(at_most) is None
    past = event_marks(events.head(MAX_EVENT_MARKS + 1), DATASET.sources, FULL_RANGE)
    assert past.period == "day"
    assert past.table["count"].sum() == MAX_EVENT_MARKS + 1
    assert len(past.table) < MAX_EVENT_MARKS


def test_a_thousand_times_today_s_events_draw_today_s_marks_each_gathering_a_thousand(many: pd.DataFrame) -> None:
    """The copies share their original's lane, origin and day, so each of today's marks stands for 1,000."""
    gathered, today = marks_by_id(figure_for(many)), marks_by_id(figure_for())
    assert gathered.keys() == today.keys(), "each mark takes the id of its first event, the original"
    for event_id, (trace, index) in today.items():
        many_trace, many_index = gathered[event_id]
        assert many_trace.type == trace.type
        assert many_trace.y[many_index] == trace.y[index]
        if trace.type == "bar":
            assert many_trace.base[many_index] == trace.base[index]
            assert many_trace.x[many_index] == trace.x[index]
            assert many_trace.marker.pattern.shape[many_index] == trace.marker.pattern.shape[index]
        else:
            assert many_trace.x[many_index] == trace.x[index]
            assert many_trace.marker.size[many_index] > MARKER_PX, "a bigger mark stands for more events"
        assert many_trace.customdata[many_index][1].startswith("1,000 events · ")
    (declaration, index) = gathered["1956-joint-declaration"]
    assert list(declaration.customdata[index]) == [
        "1956-joint-declaration",
        "1,000 events · Declaration",
        "19 Oct 1956",
        "First: Soviet-Japanese Joint Declaration<br>signed in Moscow",
        "from the article",
    ]
    assert "Click to list them" in declaration.hovertemplate
    (year_bar, index) = gathered["2018-two-ministerial-meetings"]
    assert year_bar.customdata[index][2] == "2018", "known only to the year, so in no day"


def test_the_figure_stays_small_however_many_distinct_days() -> None:
    events = spread_events(20_000)
    marks = event_marks(events, DATASET.sources, FULL_RANGE)
    assert marks.period in ("month", "year", "decade")
    assert len(marks.table) <= MAX_GROUP_MARKS
    assert marks.table["count"].sum() == len(events), "every event is in exactly one mark"
    figure = figure_for(events)
    assert sum(len(trace.x) for trace in figure.data) == len(marks.table)
    assert {trace.type for trace in figure.data} == {"scatter"}
    assert len(figure.layout.shapes) <= len(figure_for().layout.shapes), "the background does not grow"


def test_marks_gather_by_the_finest_period_that_keeps_them_few() -> None:
    one_year = spread_events(5000, (2018, 2018))
    assert event_marks(one_year, DATASET.sources, (2018, 2018)).period == "month"  # 365 days x 16 is too many
    every_year = spread_events(5000)
    marks = event_marks(every_year, DATASET.sources, FULL_RANGE)
    assert marks.period == "decade"  # 171 years x 16 lanes and origins is too many
    figure = figure_for(every_year)
    assert "1950s" in [row[2] for trace in figure.data for row in trace.customdata]
    assert "same decade" in (grouping_note(marks) or "")


def test_a_gathered_mark_sits_in_the_middle_of_its_period_and_grows_with_its_count() -> None:
    events = spread_events(5000, (2018, 2018))
    figure = figure_for(events, (2018, 2018))
    (trace, index) = marks_by_id(figure)["event-0"]  # 1 January 2018, the first of its lane and origin in January
    assert pd.Timestamp(trace.x[index]) == pd.Timestamp("2018-01-16 12:00")
    count = int(trace.customdata[index][1].split()[0])
    assert count > 1
    assert MARKER_PX < trace.marker.size[index] <= GROUP_MARKER_MAX_PX
    assert trace.customdata[index][2] == "Jan 2018"
    assert trace.customdata[index][3] == "First: Event 0"


def test_gathered_hover_text_is_escaped() -> None:
    events = copies_of_today(20).assign(title="<img src=x onerror=alert(1)> & co")
    figure = figure_for(events)
    for trace in figure.data:
        for row in trace.customdata:
            assert "<img" not in row[3]
            assert "&lt;img src=x onerror=alert(1)&gt; &amp; co" in row[3]


def test_a_click_on_a_gathered_mark_lists_its_events_first_one_first(many: pd.DataFrame) -> None:
    period = event_marks(many, DATASET.sources, FULL_RANGE).period
    listing = event_listing(many, period, "1956-joint-declaration")
    assert listing.total == 1000
    assert len(listing.events) == MAX_LISTED
    assert listing.events["id"].iloc[0] == "1956-joint-declaration"
    assert set(listing.events["title"]) == {"Soviet-Japanese Joint Declaration signed in Moscow"}
    assert listing.mark == "Declaration · from the article · 19 Oct 1956"
    assert next(iter(event_choices(listing.events))) == "1956-joint-declaration"
    note = listing_note(listing)
    assert note is not None
    assert "The mark you clicked gathers 1,000 events" in note
    assert f"the first {MAX_LISTED} of them" in note


def test_without_a_click_the_event_box_lists_the_latest_events(many: pd.DataFrame) -> None:
    period = event_marks(many, DATASET.sources, FULL_RANGE).period
    listing = event_listing(many, period, None)
    assert listing.total == len(many)
    assert len(listing.events) == MAX_LISTED
    expected = many.sort_values(["date", "id"]).tail(MAX_LISTED)
    assert list(listing.events["id"]) == list(expected["id"])
    assert f"the {MAX_LISTED} latest of 42,000 events" in (listing_note(listing) or "")
    assert event_listing(many, period, "no-such-event").mark is None


def test_today_s_event_box_lists_every_event_and_says_nothing_more() -> None:
    listing = event_listing(EVENTS, None, "1956-joint-declaration")
    assert len(listing.events) == len(EVENTS)
    assert listing_note(listing) is None


def test_today_s_events_are_drawn_as_svg() -> None:
    assert {trace.type for trace in figure_for().data} == {"scatter", "bar"}


# Selection and details


def test_the_selected_event_is_read_from_the_point_s_customdata() -> None:
    selection = {"points": [{"curve_number": 1, "customdata": ["1956-joint-declaration", "title"]}]}
    assert selected_event_id(selection) == "1956-joint-declaration"
    assert selected_event_id({"points": []}) is None
    assert selected_event_id({"points": [{"x": 1}]}) is None
    assert selected_event_id(None) is None


def details_of(event_id: str) -> str:
    details = event_details(event_id, EVENTS, DATASET.sources, DATASET.islands, DATASET.statements)
    assert details is not None
    return details_markdown(details)


def test_details_of_an_article_event_quote_its_sentence_and_link_the_article() -> None:
    text = details_of("1956-joint-declaration")
    assert (
        escape_markdown("In 1956, the Soviet Union and Japan signed a joint declaration on ceasing the state of war.")
        in text
    )
    assert "](https://tass.com/world/1014523)" in text
    assert escape_markdown("Article 9") in text, "the description is shown"


def test_details_link_each_island_to_the_map_with_it_selected() -> None:
    text = details_of("1956-joint-declaration")
    assert "[Shikotan](map?island=shikotan)" in text
    assert "[Habomai Islands](map?island=habomai)" in text


def test_island_links_keep_the_readers_other_filters() -> None:
    details = event_details(
        "1956-joint-declaration", DATASET.events, DATASET.sources, DATASET.islands, DATASET.statements
    )
    assert details is not None
    text = details_markdown(details, {"country": "Japan", "from": "1950", "island": "kunashir", "q": "two words"})
    assert "[Shikotan](map?country=Japan&from=1950&island=shikotan&q=two%20words)" in text


def test_details_of_a_context_event_link_its_source_with_brackets_encoded() -> None:
    text = details_of("1875-treaty-of-saint-petersburg")
    assert "Source: [en\\.wikipedia\\.org](https://en.wikipedia.org/wiki/Treaty_of_Saint_Petersburg_%281875%29)" in text
    assert "From the article" not in text


def test_details_list_the_statements_made_that_day() -> None:
    text = details_of("2018-date-matviyenko-meeting")
    assert text.count("\n- **") == 6  # the six statements dated 23 July 2018
    assert "Chuichi Date" in text
    assert "Valentina Matviyenko" in text
    assert "Zakharova" not in text, "dated only to the year 2018"
    assert "No statement" in details_of("1956-joint-declaration")


def test_details_of_an_event_known_only_to_the_year_claim_no_day() -> None:
    text = details_of("2018-two-ministerial-meetings")
    assert "Said on" not in text
    assert "No statement" not in text


def test_details_of_an_unknown_event_are_none() -> None:
    assert event_details("no-such-event", EVENTS, DATASET.sources, DATASET.islands, DATASET.statements) is None


def test_event_choices_are_in_date_order_with_dates_at_their_precision() -> None:
    choices = event_choices(EVENTS)
    assert next(iter(choices)) == "1855-treaty-of-shimoda"
    assert choices["2018-two-ministerial-meetings"] == "2018 · Two ministerial meetings already held in 2018"
    assert choices["1973-tanaka-brezhnev-summit"].startswith("7–10 Oct 1973 · ")


def test_hostile_details_are_inert_markdown(hostile_dir: Path) -> None:
    dataset = read_dataset(hostile_dir).dataset
    assert dataset is not None
    for event_id in dataset.events["id"]:
        details = event_details(event_id, dataset.events, dataset.sources, dataset.islands, dataset.statements)
        assert details is not None
        text = details_markdown(details)
        assert "<" not in text, "every angle bracket is escaped"
        assert "](javascript" not in text
        targets = [part.split(")", 1)[0] for part in text.split("](")[1:]]
        assert all(target.startswith(("https://", "http://", "map?island=")) for target in targets), targets
        assert all(" " not in target and "(" not in target for target in targets)


def test_hostile_hover_text_is_escaped(hostile_dir: Path) -> None:
    dataset = read_dataset(hostile_dir).dataset
    assert dataset is not None
    marks = event_marks(dataset.events, dataset.sources, FULL_RANGE)
    figure = timeline_figure(marks, dataset.events, FULL_RANGE, eras(dataset.events))
    for trace in figure.data:
        for row in trace.customdata:
            for text in row[1:]:
                assert "<" not in text.replace("<br>", ""), text


@pytest.mark.parametrize(
    ("period", "name"), [("day", "19 Oct 1956"), ("month", "Oct 1956"), ("year", "1956"), ("decade", "1950s")]
)
def test_a_period_is_named_as_a_reader_would(period: str, name: str) -> None:
    assert period_name(pd.Timestamp("1956-10-19"), period) == name


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://tass.com/politics/1014420", "tass.com"),
        ("https://www.mofa.go.jp/region/europe/russia/territory/", "mofa.go.jp"),
        ("http://WWW.Example.org:8080/a?b=c", "example.org"),
        ("not an address", ""),
    ],
)
def test_a_source_is_named_by_its_host_without_www(url: str, domain: str) -> None:
    assert url_domain(url) == domain


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://en.wikipedia.org/wiki/Treaty_of_Shimoda", "https://en.wikipedia.org/wiki/Treaty_of_Shimoda"),
        ("https://example.org/a_(b)", "https://example.org/a_%28b%29"),  # ")" would end the link early
        ("https://example.org/x y", "https://example.org/x%20y"),
        ('https://example.org/"q"<b>', "https://example.org/%22q%22%3Cb%3E"),
        ("https://example.org/a?b=c&d=e#f", "https://example.org/a?b=c&d=e#f"),
    ],
)
def test_a_link_target_keeps_the_address_and_encodes_what_would_break_markdown(url: str, target: str) -> None:
    assert markdown_url(url) == target
