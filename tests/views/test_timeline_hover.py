"""lib/views/timeline/hover.py: what a mark's hover label says, and that text from data stays text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.model.dataset import Dataset
from lib.model.load import read_dataset
from lib.views.provenance import event_publishers
from lib.views.timeline.hover import HOVER_MAX_CHARS, hover_lines
from tests.views.timeline_data import DECLARATION, FULL_RANGE, copies_of_today, figure_for, markers_by_id, one_event

ATTACK = "<img src=x onerror=alert(1)> & co"
ATTACK_SHOWN = "&lt;img src=x onerror=alert(1)&gt; &amp; co"


def test_the_hover_shows_title_date_countries_source_and_origin(dataset: Dataset) -> None:
    marks = markers_by_id(figure_for(dataset))
    trace, index = marks[DECLARATION]
    assert list(trace.customdata[index]) == [
        DECLARATION,
        "Soviet-Japanese Joint Declaration signed<br>in Moscow",
        "19 Oct 1956",
        "Japan, USSR",
        hover_lines(dataset.derived(event_publishers)[DECLARATION]),
        "from the TASS article",
    ]
    for number in range(1, 6):
        assert f"%{{customdata[{number}]}}" in trace.hovertemplate
    trace, index = marks["1875-treaty-of-saint-petersburg"]
    assert list(trace.customdata[index][2:]) == [
        "7 May 1875",
        "Japan, Russia",
        hover_lines(dataset.derived(event_publishers)["1875-treaty-of-saint-petersburg"]),
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
def test_the_hover_shows_the_date_at_its_precision(
    dataset: Dataset, date: str, end_date: str | None, precision: str, shown: str
) -> None:
    start, end = pd.Timestamp(date), pd.Timestamp(end_date or "NaT")
    events = one_event(dataset, date=start, end_date=end, date_precision=precision)
    trace, index = markers_by_id(figure_for(dataset, events))[DECLARATION]
    assert trace.customdata[index][2] == shown


def test_hover_text_from_data_is_escaped(dataset: Dataset) -> None:
    events = one_event(dataset, title=ATTACK, countries=("Japan",))
    trace, index = markers_by_id(figure_for(dataset, events))[DECLARATION]
    title = trace.customdata[index][1]
    assert "<img" not in title
    assert ATTACK_SHOWN in title


def test_a_long_title_is_cut_short_at_a_word_in_the_hover(dataset: Dataset) -> None:
    events = one_event(dataset, title="word " * 200)
    trace, index = markers_by_id(figure_for(dataset, events))[DECLARATION]
    shown = trace.customdata[index][1]
    assert shown.endswith("word…")
    assert len(shown.replace("<br>", " ")) <= HOVER_MAX_CHARS


def test_gathered_hover_text_is_escaped(dataset: Dataset) -> None:
    events = copies_of_today(dataset, 20).assign(title=ATTACK)
    for trace in figure_for(dataset, events).data:
        for row in trace.customdata:
            assert "<img" not in row[3]
            assert ATTACK_SHOWN in row[3]


def test_hostile_hover_text_is_escaped(hostile_dir: Path) -> None:
    hostile = read_dataset(hostile_dir).dataset
    assert hostile is not None
    for trace in figure_for(hostile, years=FULL_RANGE).data:
        for row in trace.customdata:
            for text in row[1:]:
                assert "<" not in text.replace("<br>", ""), text
