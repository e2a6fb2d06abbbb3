"""lib.views.story: a chapter's span, its dates in words, the statements of its time, the way through
the chapters, and what the page writes of them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd
import pytest

from lib.i18n import ENGLISH, use_language
from lib.model.dataset import Dataset
from lib.views.markdown import escape_markdown
from lib.views.provenance import EventSource
from lib.views.story import (
    Chapter,
    DateSpan,
    chapter_label,
    events_span,
    highlighted_text,
    neighbours,
    period_ends,
    progress_text,
    sources_said_markdown,
    span_text,
    statements_of_time,
    story_chapters,
    story_intro,
)
from tests.hostile import CANARY, PAYLOADS

Day = pd.Timestamp


def events(*rows: tuple[str, str | None, str]) -> pd.DataFrame:
    """Events from (date, end date, precision), with an id, title and description each."""
    return pd.DataFrame(
        {
            "id": [f"event-{number}" for number in range(len(rows))],
            "date": pd.to_datetime([date for date, _, _ in rows]),
            "end_date": pd.to_datetime([end for _, end, _ in rows]),
            "date_precision": [precision for _, _, precision in rows],
            "title": [f"Title {number}" for number in range(len(rows))],
            "description": [f"Description {number}" for number in range(len(rows))],
        }
    )


def test_a_date_names_the_whole_period_of_its_precision() -> None:
    dates = pd.Series(pd.to_datetime(["2018-07-23", "2013-11-01", "2018-01-01", "2024-02-01"]))
    ends = period_ends(dates, pd.Series(["day", "month", "year", "month"]))
    assert list(ends) == [Day("2018-07-23"), Day("2013-11-30"), Day("2018-12-31"), Day("2024-02-29")]


@pytest.mark.parametrize(
    ("rows", "span"),
    [
        ([("1855-02-07", None, "day")], DateSpan(Day("1855-02-07"), Day("1855-02-07"), "day")),
        (
            [("1945-02-04", "1945-02-11", "day"), ("1945-08-28", "1945-09-05", "day")],
            DateSpan(Day("1945-02-04"), Day("1945-09-05"), "day"),
        ),
        # An event known only to the year runs to its year's end: it is not read as 1 January.
        (
            [("2018-01-01", None, "year"), ("2018-07-23", None, "day"), ("2018-07-31", None, "day")],
            DateSpan(Day("2018-01-01"), Day("2018-12-31"), "year"),
        ),
        (
            [("2010-11-01", None, "day"), ("2013-11-01", None, "month")],
            DateSpan(Day("2010-11-01"), Day("2013-11-30"), "month"),
        ),
        ([("2013-11-01", None, "month")], DateSpan(Day("2013-11-01"), Day("2013-11-30"), "month")),
    ],
)
def test_a_chapter_spans_its_events_whole_periods(rows: list[tuple[str, str | None, str]], span: DateSpan) -> None:
    assert events_span(events(*rows)) == span


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (DateSpan(Day("1855-02-07"), Day("1855-02-07"), "day"), "7 Feb 1855"),
        (DateSpan(Day("1945-02-04"), Day("1945-09-05"), "day"), "4 Feb – 5 Sep 1945"),
        (DateSpan(Day("1973-10-07"), Day("1973-10-10"), "day"), "7–10 Oct 1973"),
        (DateSpan(Day("2018-01-01"), Day("2018-12-31"), "year"), "2018"),
        (DateSpan(Day("2013-11-01"), Day("2013-11-30"), "month"), "Nov 2013"),
        (DateSpan(Day("1945-02-01"), Day("1945-09-30"), "month"), "Feb – Sep 1945"),
        # Over several years, the years say enough.
        (DateSpan(Day("1997-11-01"), Day("2001-03-25"), "day"), "1997 – 2001"),
        (DateSpan(Day("1946-01-01"), Day("1947-01-02"), "year"), "1946 – 1947"),
    ],
)
def test_a_span_is_written_as_a_reader_writes_dates(span: DateSpan, text: str) -> None:
    assert span_text(span) == text


def test_the_way_through_the_story_stops_at_either_end() -> None:
    ids = ["first", "second", "third"]
    assert neighbours(ids, "first") == (None, "second")
    assert neighbours(ids, "second") == ("first", "third")
    assert neighbours(ids, "third") == ("second", None)
    assert neighbours(["only"], "only") == (None, None)
    assert progress_text(2, 3) == "Chapter 2 of 3"


def test_the_chooser_names_a_chapter_by_its_number_title_and_years() -> None:
    told = events(("1997-11-01", "1997-11-02", "day"), ("2001-03-25", None, "day"))
    chapter = Chapter("summits", 10, "Aiming for 2000", "Text.", told, (), events_span(told))
    assert chapter_label(chapter) == "10. Aiming for 2000 (1997–2001)"


def test_the_story_is_introduced_by_its_years_and_its_length() -> None:
    first = events(("1855-02-07", None, "day"))
    last = events(("2022-03-21", None, "day"), ("2025-01-24", None, "day"))
    chapters = [
        Chapter("first", 1, "First", "Text.", first, (), events_span(first)),
        Chapter("last", 2, "Last", "Text.", last, (), events_span(last)),
    ]
    assert story_intro(chapters).startswith("From 1855 to 2025 in 2 short chapters, each with a map")


def statements(*rows: tuple[str | None, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"statement-{number}" for number in range(len(rows))],
            "date": pd.to_datetime([date for date, _ in rows]),
            "date_precision": [precision for _, precision in rows],
        }
    )


def test_the_statements_of_a_chapter_s_time_are_dated_within_its_span() -> None:
    said = statements(
        ("2018-07-23", "day"),
        ("2018-01-01", "year"),
        ("2018-07-01", "month"),
        ("2019-01-14", "day"),
        (None, "unknown"),
    )
    july = DateSpan(Day("2018-07-23"), Day("2018-07-31"), "day")
    assert list(statements_of_time(said, july)["id"]) == ["statement-0"]
    whole_year = DateSpan(Day("2018-01-01"), Day("2018-12-31"), "year")
    assert list(statements_of_time(said, whole_year)["id"]) == ["statement-0", "statement-1", "statement-2"]


def test_each_event_is_given_with_its_description_and_its_sources_sentences() -> None:
    told = events(("1956-10-19", None, "day"))
    told.loc[0, "description"] = PAYLOADS["markdown syntax"]
    citation = EventSource("TASS", "https://tass.com/world/1031197", f"Signed in Moscow {CANARY}.", ("the day",))
    said = sources_said_markdown(told, {"event-0": (citation,)}, {"event-0": "**Contested** readings"})
    assert said.startswith("**19 Oct 1956** · Title 0\n\n")
    assert said.endswith("\n\n**Contested** readings"), "a contested event ends with each side's reading"
    assert escape_markdown(PAYLOADS["markdown syntax"]) in said
    assert f"[TASS](https://tass.com/world/1031197) (the day): “Signed in Moscow {CANARY}\\.”" in said


def test_the_highlighted_islands_are_named_in_words() -> None:
    names = {"iturup": "Iturup", "urup": "Urup", "habomai": "Habomai Islands"}
    assert highlighted_text(("iturup", "urup"), names) == "Ringed on the map: Iturup and Urup."
    assert highlighted_text(("habomai", "atlantis"), names) == "Ringed on the map: Habomai Islands."
    assert highlighted_text((), names) == "The map highlights no island in this chapter."


def test_the_real_story_s_chapters_are_numbered_in_order_with_their_events(dataset: Dataset) -> None:
    chapters = dataset.derived(story_chapters)
    assert list(chapters) == list(dataset.story.sort_values("order")["id"])
    assert [chapter.number for chapter in chapters.values()] == list(range(1, len(chapters) + 1))
    for chapter, listed in zip(chapters.values(), dataset.story["events"], strict=True):
        assert sorted(chapter.events["id"]) == sorted(listed)
        assert chapter.events["date"].is_monotonic_increasing
        assert chapter.span.start == chapter.events["date"].min()
        assert chapter.span.end >= chapter.events["end_date"].fillna(chapter.events["date"]).max()
    first = next(iter(chapters.values()))
    assert chapter_label(first) == f"1. {first.title} ({first.span.start.year})"


@pytest.fixture
def speak() -> Iterator[Callable[[str], None]]:
    """use_language, with English back after the test."""
    yield use_language
    use_language(ENGLISH)


def test_the_story_s_words_follow_the_language(speak: Callable[[str], None]) -> None:
    first, last = events(("1855-02-07", None, "day")), events(("2025-01-24", None, "day"))
    chapters = [
        Chapter(name, 1, name, "Text.", told, (), events_span(told)) for name, told in (("a", first), ("b", last))
    ]
    speak("ru")
    assert story_intro(chapters).startswith("С 1855 по 2025 год в 2 коротких главах")
    assert story_intro(chapters[:1] * 21).startswith("С 1855 по 1855 год в 21 короткой главе")
    assert progress_text(3, 16) == "Глава 3 из 16"
    speak("ja")
    assert highlighted_text(("iturup",), {"iturup": "択捉島"}) == "地図上で囲んだ島：択捉島。"
