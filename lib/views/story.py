"""The story chapter by chapter; a chapter spans its events' dates, each read as the whole period it names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from lib.i18n import _, format_number, ngettext
from lib.model.dataset import Dataset
from lib.model.dates import PRECISIONS, format_date_range
from lib.model.filters import years_text
from lib.views.provenance import EventSource, event_markdown
from lib.views.timeline.grouping import period_stop
from lib.views.wording import join_names


@dataclass(frozen=True)
class DateSpan:
    """From the first day of a chapter's first period to the last day of its last one."""

    start: pd.Timestamp
    end: pd.Timestamp
    precision: str  # the coarser of the first and the last period's: how the span is written


@dataclass(frozen=True)
class Chapter:
    id: str
    number: int  # its place in the story, counted from 1
    title: str
    text: str
    events: pd.DataFrame  # the events it tells, in date order
    islands: tuple[str, ...]  # the islands its map highlights
    span: DateSpan


def period_ends(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    """The last day of the period each date names: the day itself, its month's last or its year's."""
    return period_stop(dates, precisions) - pd.Timedelta(days=1)


def events_span(events: pd.DataFrame) -> DateSpan:
    """The span of the events' dates (and end dates), each read as the whole period it names."""
    starts = events["date"]
    ends = period_ends(events["end_date"].fillna(starts), events["date_precision"])
    start, end = starts.min(), ends.max()
    at_the_edges = events["date_precision"][(starts == start) | (ends == end)]
    return DateSpan(start, end, max(at_the_edges, key=PRECISIONS.index))


def span_text(span: DateSpan) -> str:
    """The span as a reader writes it: "7 Feb 1855", "4 Feb – 5 Sep 1945"; over several years, "1997 – 2001"."""
    return format_date_range(span.start, span.end, span.precision if span.start.year == span.end.year else "year")


def story_chapters(dataset: Dataset) -> dict[str, Chapter]:
    """Every chapter of the story, by id, in the story's order: worth working out once per dataset."""
    chapters = {}
    for number, row in enumerate(dataset.story.to_dict("records"), start=1):
        told = dataset.events[dataset.events["id"].isin(row["events"])]
        chapters[row["id"]] = Chapter(
            row["id"], number, row["title"], row["text"], told, tuple(row["islands"]), events_span(told)
        )
    return chapters


def story_intro(chapters: Sequence[Chapter]) -> str:
    first, last = chapters[0].span.start.year, chapters[-1].span.end.year
    return ngettext(
        "From {first} to {last} in {count} short chapter, with a map of the islands it concerns and its events "
        "with their sources.",
        "From {first} to {last} in {count} short chapters, each with a map of the islands it concerns "
        "and its events with their sources.",
        len(chapters),
    ).format(first=first, last=last, count=format_number(len(chapters)))


def chapter_label(chapter: Chapter) -> str:
    """How the chapter chooser names it: "6. The 1956 Joint Declaration (1956)"."""
    return f"{chapter.number}. {chapter.title} ({years_text(chapter.span.start.year, chapter.span.end.year)})"


def progress_text(number: int, total: int) -> str:
    return _("Chapter {number} of {total}").format(number=number, total=total)


def neighbours(chapter_ids: Sequence[str], current: str) -> tuple[str | None, str | None]:
    """The chapters before and after `current`; None at either end of the story."""
    padded = [None, *chapter_ids, None]
    index = padded.index(current)
    return padded[index - 1], padded[index + 1]


def statements_of_time(statements: pd.DataFrame, span: DateSpan) -> pd.DataFrame:
    """The statements dated within the span, the whole period of each date in it; undated ones are of no time."""
    ends = period_ends(statements["date"], statements["date_precision"])
    return statements[(statements["date"] >= span.start) & (ends <= span.end)]


def sources_said_markdown(
    events: pd.DataFrame, citations: Mapping[str, Sequence[EventSource]], readings: Mapping[str, str]
) -> str:
    return "\n\n".join(
        event_markdown(row, citations.get(row["id"], ()), readings.get(row["id"], ""))
        for row in events.to_dict("records")
    )


def highlighted_text(island_ids: Sequence[str], names: Mapping[str, str]) -> str:
    """What the chapter's map highlights, in words: "Ringed on the map: Iturup and Urup." """
    shown = [names[island_id] for island_id in island_ids if island_id in names]
    if not shown:
        return _("The map highlights no island in this chapter.")
    return _("Ringed on the map: {islands}.").format(islands=join_names(shown))
