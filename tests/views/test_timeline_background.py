"""lib/views/timeline/background.py: the era bands and milestone lines behind the marks, and their labels."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from lib.model.dataset import Dataset
from lib.views.timeline.background import eras
from tests.views.timeline_data import figure_for


def label_texts(figure: go.Figure) -> list[str]:
    """The labels above the plot as Plotly shows them: entities read, lines still split by <br>."""
    return [html.unescape(annotation.text) for annotation in figure.layout.annotations]


def first_ussr_event(dataset: Dataset) -> pd.Timestamp:
    """The date of the first row naming the USSR, read row by row."""
    return min(
        date
        for date, countries in zip(dataset.events["date"], dataset.events["countries"], strict=True)
        if "USSR" in countries
    )


def test_the_soviet_era_runs_from_the_first_ussr_event_to_december_1991(dataset: Dataset) -> None:
    soviet, federation = eras(dataset.events)
    assert soviet.start == first_ussr_event(dataset)
    assert soviet.end == federation.start == pd.Timestamp("1992-01-01")
    assert federation.label == "Russian Federation"
    assert federation.end is None


def test_without_a_ussr_event_there_is_only_the_federation(dataset: Dataset) -> None:
    events = dataset.events
    without = events[[("USSR" not in countries) for countries in events["countries"]]]
    assert [era.label for era in eras(without)] == ["Russian Federation"]


def test_both_eras_are_shaded_and_labelled(dataset: Dataset) -> None:
    figure = figure_for(dataset)
    bands = [shape for shape in figure.layout.shapes if shape.type == "rect"]
    assert [(pd.Timestamp(band.x0), pd.Timestamp(band.x1)) for band in bands] == [
        (first_ussr_event(dataset), pd.Timestamp("1992-01-01")),
        (pd.Timestamp("1992-01-01"), pd.Timestamp(figure.layout.xaxis.range[1])),
    ]
    assert all(band.layer == "below" for band in bands), "the marks stay on top"
    texts = label_texts(figure)
    assert "Russian Federation" in texts
    [soviet] = [text for text in texts if "USSR" in text]
    assert first_ussr_event(dataset).strftime("%b %Y") in soviet
    assert "Dec 1991" in soviet


def test_the_soviet_band_says_it_starts_where_the_events_name_the_ussr(dataset: Dataset) -> None:
    """Not "Soviet Union" from 1945 alone, which reads as if the USSR began then."""
    soviet, _ = eras(dataset.events)
    first_line, dates = next(text for text in label_texts(figure_for(dataset)) if "USSR" in text).split("<br>")
    assert first_line == soviet.label
    assert "event" in soviet.label.lower()
    assert dates.startswith(soviet.start.strftime("%b %Y")), "the band's first month, where the data start it"


def test_only_the_eras_in_view_are_shaded(dataset: Dataset) -> None:
    figure = figure_for(dataset, years=(2000, 2010))
    (band,) = [shape for shape in figure.layout.shapes if shape.type == "rect"]
    assert pd.Timestamp(band.x0) == pd.Timestamp(figure.layout.xaxis.range[0])
    assert label_texts(figure) == ["Russian Federation"]


def test_the_1956_declaration_and_the_article_s_meeting_are_marked_with_their_dates(dataset: Dataset) -> None:
    figure = figure_for(dataset)
    texts = label_texts(figure)
    assert "Joint Declaration<br>19 Oct 1956" in texts
    assert "Meeting TASS reported<br>23 Jul 2018" in texts
    lines = [pd.Timestamp(shape.x0).date() for shape in figure.layout.shapes if shape.type == "line"]
    assert lines == [pd.Timestamp("1956-10-19").date(), pd.Timestamp("2018-07-23").date()]


def test_milestones_outside_the_years_are_left_out(dataset: Dataset) -> None:
    figure = figure_for(dataset, years=(1990, 2000))
    assert not [shape for shape in figure.layout.shapes if shape.type == "line"]
    assert all("Declaration" not in text for text in label_texts(figure))
