"""lib/views/timeline/marks.py and grouping.py: a mark per event up to MAX_EVENT_MARKS; past it, marks
that each gather the events of one lane, origin and period, few whatever the rows."""

from __future__ import annotations

import pandas as pd

from lib.model.dataset import Dataset
from lib.views.provenance import event_publishers
from lib.views.timeline.grouping import MAX_GROUP_MARKS
from lib.views.timeline.marks import (
    GROUP_MARKER_MAX_PX,
    MARKER_PX,
    MAX_EVENT_MARKS,
    SUB_ROW_OFFSETS,
    event_marks,
    mark_extents,
    sub_rows,
)
from tests.views.timeline_data import (
    DECLARATION,
    FULL_RANGE,
    bars_by_id,
    copies_of_today,
    figure_for,
    markers_by_id,
    spread_events,
)


def test_up_to_the_threshold_each_event_is_its_own_mark(dataset: Dataset) -> None:
    events = copies_of_today(dataset, 20)
    at_most = event_marks(events.head(MAX_EVENT_MARKS), dataset.derived(event_publishers), FULL_RANGE)
    assert at_most.period is None
    assert len(at_most.table) == at_most.event_count == MAX_EVENT_MARKS
    past = event_marks(events.head(MAX_EVENT_MARKS + 1), dataset.derived(event_publishers), FULL_RANGE)
    assert past.period == "day"
    assert past.table["count"].sum() == past.event_count == MAX_EVENT_MARKS + 1
    assert len(past.table) < MAX_EVENT_MARKS


def test_an_event_without_a_date_is_not_drawn_or_counted(dataset: Dataset) -> None:
    events = dataset.events.copy()
    events.loc[events["id"] == DECLARATION, "date"] = pd.NaT
    marks = event_marks(events, dataset.derived(event_publishers), FULL_RANGE)
    assert marks.event_count == len(events) - 1
    assert DECLARATION not in set(marks.table["id"])


def test_a_thousand_times_today_s_events_draw_today_s_marks_each_gathering_a_thousand(
    dataset: Dataset, many: pd.DataFrame
) -> None:
    """The copies share their original's lane, origin and day, so each of today's marks stands for 1,000."""
    gathered_figure, today_figure = figure_for(dataset, many), figure_for(dataset)
    gathered, today = markers_by_id(gathered_figure), markers_by_id(today_figure)
    assert gathered.keys() == today.keys(), "each mark takes the id of its first event, the original"
    for event_id, (trace, index) in today.items():
        many_trace, many_index = gathered[event_id]
        assert many_trace.x[many_index] == trace.x[index]
        # Same lane; a bigger mark may take another sub-row of it, as its neighbours' spans decide.
        assert round(many_trace.y[many_index]) == round(trace.y[index])
        assert many_trace.marker.size[many_index] > MARKER_PX, "a bigger mark stands for more events"
        assert many_trace.customdata[many_index][1].startswith("1,000 events · ")
    gathered_bars, today_bars = bars_by_id(gathered_figure), bars_by_id(today_figure)
    assert gathered_bars.keys() == today_bars.keys()
    for event_id, (trace, index) in today_bars.items():
        many_trace, many_index = gathered_bars[event_id]
        assert many_trace.base[many_index] == trace.base[index]
        assert many_trace.x[many_index] == trace.x[index]
        assert many_trace.marker.pattern.shape[many_index] == trace.marker.pattern.shape[index]
    (declaration, index) = gathered[DECLARATION]
    assert list(declaration.customdata[index]) == [
        DECLARATION,
        "1,000 events · Declaration",
        "19 Oct 1956",
        "First: Soviet-Japanese Joint Declaration<br>signed in Moscow",
        "from the TASS article",
    ]
    assert "Click to list them" in declaration.hovertemplate
    (year_bar, index) = gathered["1946-ussr-annexes-kurils"]
    assert year_bar.customdata[index][2] == "1946", "known only to the year, so in no day"


def test_the_figure_stays_small_however_many_distinct_days(dataset: Dataset) -> None:
    events = spread_events(dataset, 20_000)
    marks = event_marks(events, dataset.derived(event_publishers), FULL_RANGE)
    assert marks.period in ("month", "year", "decade")
    assert len(marks.table) <= MAX_GROUP_MARKS
    assert marks.table["count"].sum() == len(events), "every event is in exactly one mark"
    figure = figure_for(dataset, events)
    assert sum(len(trace.x) for trace in figure.data) == len(marks.table), "single days: a marker each, no bar"
    assert {trace.type for trace in figure.data} == {"scatter"}
    assert len(figure.layout.shapes) <= len(figure_for(dataset).layout.shapes), "the background does not grow"


def test_marks_gather_by_the_finest_period_that_keeps_them_few(dataset: Dataset) -> None:
    one_year = spread_events(dataset, 5000, (2018, 2018))
    assert (
        event_marks(one_year, dataset.derived(event_publishers), (2018, 2018)).period == "month"
    )  # 365 days x 16 is too many
    every_year = spread_events(dataset, 5000)
    assert (
        event_marks(every_year, dataset.derived(event_publishers), FULL_RANGE).period == "decade"
    )  # 171 years x 16 is too many
    figure = figure_for(dataset, every_year)
    assert "1950s" in [row[2] for trace in figure.data for row in trace.customdata]


def test_a_gathered_mark_sits_in_the_middle_of_its_period_and_grows_with_its_count(dataset: Dataset) -> None:
    events = spread_events(dataset, 5000, (2018, 2018))
    figure = figure_for(dataset, events, (2018, 2018))
    (trace, index) = markers_by_id(figure)["event-0"]  # 1 January 2018, the first of its lane and origin in January
    assert pd.Timestamp(trace.x[index]) == pd.Timestamp("2018-01-16 12:00")
    count = int(trace.customdata[index][1].split()[0])
    assert count > 1
    assert MARKER_PX < trace.marker.size[index] <= GROUP_MARKER_MAX_PX
    assert trace.customdata[index][2] == "Jan 2018"
    assert trace.customdata[index][3] == "First: Event 0"


def test_marks_of_a_lane_that_would_touch_take_separate_sub_rows() -> None:
    # Lane 0: three marks over each other, then one clear of them; lane 1 is a row of its own.
    lanes = [0, 0, 0, 0, 1]
    lefts = [0.0, 1.0, 2.0, 10.0, 0.5]
    rights = [3.0, 4.0, 5.0, 11.0, 3.5]
    rows = sub_rows(lanes, lefts, rights)
    assert len(set(rows[:3])) == 3
    assert rows[3] == rows[4] == 0


def test_past_the_sub_rows_a_mark_takes_the_one_that_frees_up_first() -> None:
    count = len(SUB_ROW_OFFSETS) + 1
    rows = sub_rows([0] * count, [0.0] * count, [float(10 - number) for number in range(count)])
    assert rows[-1] == rows[count - 2], "the last sub-row taken ends first"


def test_a_span_lies_across_its_days_and_its_marker_in_the_middle() -> None:
    table = pd.DataFrame(
        {
            "start": pd.to_datetime(["2000-01-01", "2000-01-01"]),
            "stop": pd.to_datetime(["2000-01-02", "2000-12-31"]),
        }
    )
    marker = pd.Timedelta(days=10).value
    (day_left, year_left), (day_right, year_right) = mark_extents(table, marker)
    middle_of_day = pd.Timestamp("2000-01-01 12:00").value
    assert (day_left, day_right) == (middle_of_day - marker / 2, middle_of_day + marker / 2)
    assert (year_left, year_right) == (table["start"][1].value, table["stop"][1].value)
