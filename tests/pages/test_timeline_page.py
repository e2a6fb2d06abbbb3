"""The Timeline page through AppTest: the count, the empty state, the periods, the list of events in view,
choosing an event, data at scale, hostile data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import ButtonGroup, Radio

from bench.synthetic import write_scaled_dataset
from lib.model.dataset import Dataset
from lib.model.load import read_dataset
from lib.ui.data import DATA_DIR_VARIABLE
from lib.views.markdown import escape_markdown
from lib.views.wording import MAX_LISTED
from tests.apptest import run_page, share_link, sidebar_filters
from tests.hostile import CANARY
from tests.pages.test_home_page import csv_rows
from tests.views.timeline_data import DECLARATION


def showing(app: AppTest) -> str:
    """The caption that counts the events shown."""
    [caption] = [caption.value for caption in app.caption if caption.value.startswith("Showing")]
    return caption


def test_the_page_says_how_many_events_it_shows(dataset: Dataset) -> None:
    total = len(dataset.events)
    app = run_page("pages/timeline.py")
    assert not app.exception
    first, last = dataset.year_bounds
    assert showing(app).startswith(f"Showing {total} of {total} events, {first}–{last}.")
    assert len(app.get("plotly_chart")) == 1
    only_2018 = run_page("pages/timeline.py", **{"from": "2018", "to": "2018"})
    in_2018 = (dataset.events["date"].dt.year <= 2018) & (
        dataset.events["end_date"].fillna(dataset.events["date"]).dt.year >= 2018
    )
    assert showing(only_2018).startswith(f"Showing {in_2018.sum()} of {total} events, 2018.")


def test_the_page_shows_an_empty_state_and_a_way_out(dataset: Dataset) -> None:
    app = run_page("pages/timeline.py", **{"from": "1860", "to": "1870"})  # no event between 1860 and 1870
    assert not app.exception
    assert "No event matches the filters (1860–1870)." in re.sub(
        r"\\(.)", r"\1", app.info[0].value
    )  # as Markdown reads it
    assert not app.get("plotly_chart")
    [clear] = [button for button in app.button if button.label == "Clear every filter"]  # as on Statements
    clear.click().run()
    assert showing(app).startswith(f"Showing {len(dataset.events)} of {len(dataset.events)} events")


def test_choosing_an_event_on_the_page_shows_its_details() -> None:
    app = run_page("pages/timeline.py")
    assert app.selectbox(key="timeline_event").value is None
    app.selectbox(key="timeline_event").set_value("1956-joint-declaration").run()
    assert not app.exception
    shown = "\n".join(markdown.value for markdown in app.markdown)
    assert "[Shikotan](map?island=shikotan)" in shown
    assert escape_markdown("In 1956, the Soviet Union and Japan signed a joint declaration") in shown
    assert "**Sources**" in shown


def details_shown(app: AppTest) -> str:
    return "\n".join(markdown.value for markdown in app.markdown)


def test_a_link_opens_the_page_with_its_event_chosen_and_the_share_link_keeps_it() -> None:
    app = run_page("pages/timeline.py", country="Japan", event="1973-tanaka-brezhnev-summit")
    assert not app.exception and not app.warning
    assert app.selectbox(key="timeline_event").value == "1973-tanaka-brezhnev-summit"
    assert "7–10 Oct 1973" in details_shown(app)
    assert dict(app.query_params) == {"country": "Japan", "event": "1973-tanaka-brezhnev-summit"}
    assert share_link(app) == "timeline?country=Japan&event=1973-tanaka-brezhnev-summit"


def test_choosing_an_event_puts_it_in_the_link() -> None:
    app = run_page("pages/timeline.py")
    assert "event" not in app.query_params
    app.selectbox(key="timeline_event").set_value("1956-joint-declaration").run()
    assert app.query_params["event"] == "1956-joint-declaration"
    assert share_link(app) == "timeline?event=1956-joint-declaration"


@pytest.mark.parametrize(
    ("event", "notice"),
    [
        ("no-such-event", "“event=no-such-event” is not an event in the data; none is chosen."),
        ("1956-JOINT-DECLARATION", "“event=1956-JOINT-DECLARATION” is not an event in the data"),
        ("x" * 500, "“event” was longer than"),
    ],
)
def test_a_link_to_an_unknown_event_says_so_and_chooses_none(event: str, notice: str) -> None:
    app = run_page("pages/timeline.py", event=event)
    assert not app.exception
    [warning] = app.warning
    assert escape_markdown(notice) in warning.value
    assert app.selectbox(key="timeline_event").value is None
    assert "event" not in app.query_params
    app.selectbox(key="timeline_event").set_value("1956-joint-declaration").run()
    assert not app.warning  # said once; the reader has moved on


def test_a_linked_event_that_the_link_s_filters_hide_is_not_chosen_and_the_notice_says_so() -> None:
    app = run_page("pages/timeline.py", **{"from": "2000"}, event="1956-joint-declaration")
    assert not app.exception
    assert app.selectbox(key="timeline_event").value is None
    assert "event" not in app.query_params
    [warning] = app.warning
    assert escape_markdown("“event=1956-joint-declaration” is hidden by the link's other filters") in warning.value


def test_a_chosen_event_that_the_filters_hide_is_let_go() -> None:
    app = run_page("pages/timeline.py")
    app.selectbox(key="timeline_event").set_value("1956-joint-declaration").run()
    app.sidebar.number_input(key="filter_from").set_value(2018).run()
    assert not app.exception
    assert app.selectbox(key="timeline_event").value is None


def test_details_render_on_hostile_data(hostile_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(hostile_dir))
    app = run_page("pages/timeline.py")
    event_id = app.selectbox(key="timeline_event").options[0]
    app.selectbox(key="timeline_event").set_value(event_id).run()
    assert not app.exception
    shown = "\n".join(markdown.value for markdown in app.markdown)
    assert CANARY in shown
    assert "<script" not in shown


@pytest.fixture(scope="module")
def scaled_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Today's data with 20 times the events: 840, past MAX_EVENT_MARKS."""
    return write_scaled_dataset(tmp_path_factory.mktemp("scaled") / "data", 20)


def test_the_page_at_scale_says_what_its_marks_and_list_hold(
    scaled_dir: Path, monkeypatch: pytest.MonkeyPatch, dataset: Dataset
) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(scaled_dir))
    EVENTS = dataset.events
    app = run_page("pages/timeline.py")
    assert not app.exception
    captions = [caption.value for caption in app.caption]
    count = f"{20 * len(EVENTS):,}"
    assert captions[0].startswith(f"Showing {count} of {count} events")
    assert any(caption.startswith(f"{count} events are too many to draw one by one") for caption in captions)
    assert any(f"offer the {MAX_LISTED} latest of {count} events" in caption for caption in captions)
    assert len(app.selectbox(key="timeline_event").options) == MAX_LISTED
    assert len(app.radio(key="timeline_rows").options) == MAX_LISTED, "the list is bounded as the box is"
    events = read_dataset(scaled_dir).dataset.events
    latest = events.sort_values(["date", "id"]).iloc[-1]
    app.selectbox(key="timeline_event").set_value(latest["id"]).run()
    assert not app.exception
    assert escape_markdown(latest["title"]) in "\n".join(markdown.value for markdown in app.markdown)


# The periods, the list of events in view, the chosen event on the chart


def period_control(app: AppTest) -> ButtonGroup[str]:
    [control] = [pills for pills in app.pills if pills.key == "timeline_period"]
    return control


def rows(app: AppTest) -> Radio[str]:
    return app.radio(key="timeline_rows")


def in_years(events: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """The events with a day from `first` to `last`, read from their first and last dates."""
    return events[(events["date"].dt.year <= last) & (events["end_date"].fillna(events["date"]).dt.year >= first)]


def test_one_click_on_a_period_sets_the_years_everywhere_and_in_the_link(dataset: Dataset) -> None:
    app = run_page("pages/timeline.py", country="Japan")
    assert period_control(app).value == "All years"
    period_control(app).set_value("1991–2012").run()
    assert not app.exception
    assert sidebar_filters(app)[1:3] == (1991, 2012)
    assert share_link(app) == "timeline?country=Japan&from=1991&to=2012"
    assert period_control(app).value == "1991–2012"
    in_view = in_years(dataset.events, 1991, 2012)
    in_view = in_view[["Japan" in countries for countries in in_view["countries"]]]
    assert showing(app).startswith(f"Showing {len(in_view)} of {len(dataset.events)} events, 1991–2012.")
    period_control(app).set_value("All years").run()
    assert sidebar_filters(app)[1:3] == dataset.year_bounds
    assert share_link(app) == "timeline?country=Japan"


def test_the_period_control_shows_the_period_the_years_are_and_none_for_other_years() -> None:
    app = run_page("pages/timeline.py", **{"from": "2012", "to": "2019"})
    assert period_control(app).value == "2012–2019"
    app.sidebar.number_input(key="filter_to").set_value(2018).run()
    assert period_control(app).value is None


def test_the_list_offers_every_event_in_view_by_date_and_title(dataset: Dataset) -> None:
    app = run_page("pages/timeline.py", **{"from": "1991", "to": "2012"})
    in_order = in_years(dataset.events, 1991, 2012).sort_values(["date", "id"])
    assert len(rows(app).options) == len(in_order)
    for row, title in zip(rows(app).options, in_order["title"], strict=True):
        assert row.endswith(f" · {escape_markdown(title)}")
    assert rows(app).value is None
    [kawana] = [row for row in rows(app).options if escape_markdown("Kawana summit") in row]
    assert kawana.startswith("**18–19 Apr 1998** · ")


def test_a_row_of_the_list_opens_its_event_and_puts_it_in_the_link() -> None:
    app = run_page("pages/timeline.py")
    rows(app).set_value("1998-kawana-summit").run()
    assert not app.exception
    assert app.selectbox(key="timeline_event").value == "1998-kawana-summit"
    assert "18–19 Apr 1998" in details_shown(app)
    assert share_link(app) == "timeline?event=1998-kawana-summit"
    app.selectbox(key="timeline_event").set_value(DECLARATION).run()
    assert rows(app).value == DECLARATION, "the list shows the event the box chose"


def ringed(app: AppTest) -> list[dict]:
    """The chart's ring around the chosen event, read from the figure the page sent."""
    [chart] = app.get("plotly_chart")
    return [trace for trace in json.loads(chart.proto.spec)["data"] if "customdata" not in trace]


def test_the_chart_rings_the_chosen_event_and_keeps_the_period() -> None:
    app = run_page("pages/timeline.py", **{"from": "1991", "to": "2012"})
    assert ringed(app) == []
    rows(app).set_value("1998-kawana-summit").run()
    [ring] = ringed(app)
    assert ring["x"][0].startswith("1998-04-19")
    assert sidebar_filters(app)[1:3] == (1991, 2012), "choosing an event keeps the reader's period"


def test_a_contested_event_s_details_give_each_side_s_reading_and_an_uncontested_one_none() -> None:
    rows = csv_rows("events.csv")
    contested = next(row["id"] for row in rows if row["contested"] == "true")
    plain = next(row["id"] for row in rows if row["contested"] == "false")
    shown = details_shown(run_page("pages/timeline.py", event=contested))
    assert "**Contested: how each side reads it**" in shown
    assert "**Japan**:" in shown and "**Russia**:" in shown
    assert "how each side reads it" not in details_shown(run_page("pages/timeline.py", event=plain))


def test_the_download_offers_the_events_in_view(dataset: Dataset) -> None:
    total = len(dataset.events)
    [download] = run_page("pages/timeline.py").get("download_button")
    assert download.label == f"Download {total} events (CSV)"
    only_2018 = run_page("pages/timeline.py", **{"from": "2018", "to": "2018"})
    shown = showing(only_2018).removeprefix("Showing ").split(" of ")[0]
    [download] = only_2018.get("download_button")
    assert download.label == f"Download {shown} events (CSV)"
    assert not run_page("pages/timeline.py", **{"from": "1860", "to": "1870"}).get("download_button")


CYRILLIC = re.compile("[\u0400-\u04ff]")


def test_in_russian_the_page_speaks_russian_and_dates_the_declaration_as_russian_does(dataset: Dataset) -> None:
    app = run_page("pages/timeline.py", lang="ru", event=DECLARATION)
    assert not app.exception
    interface = [
        app.title[0].value,
        *(caption.value for caption in app.main.caption),
        app.main.selectbox(key="timeline_event").label,
        app.main.selectbox(key="timeline_event").placeholder,
        app.main.radio(key="timeline_rows").label,
        app.get("button_group")[0].label,
    ]
    assert all(CYRILLIC.search(text) for text in interface), interface
    assert not any("Showing" in text or "Pick an event" in text for text in interface)
    details = app.main.markdown[-1].value
    assert "19 октября 1956\u202fг\\." in details and "**Источники**" in details
