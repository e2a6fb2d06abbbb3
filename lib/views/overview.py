"""The home page's facts, each computed from the dataset. Pure functions, no Streamlit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.i18n import _, format_number, ngettext
from lib.model.dataset import Dataset
from lib.model.dates import format_partial_date
from lib.model.schema import EVENT_PRECISIONS
from lib.views.markdown import escape_markdown
from lib.views.provenance import cited_pages
from lib.views.theme import country_name
from lib.views.wording import counted, join_names

DECLARATION_YEAR = 1956  # the Joint Declaration the talks keep returning to


@dataclass(frozen=True)
class HeadlineFigures:
    declaration: pd.Series | None  # the 1956 declaration's row in events.csv
    latest: pd.Series | None  # the event that happened last
    events: int
    statements: int
    articles: int  # source articles in sources.csv
    pages: int  # other pages cited: context events, island facts, speakers' roles

    @property
    def sources(self) -> int:
        return self.articles + self.pages


def _top_level(islands: pd.DataFrame) -> pd.DataFrame:
    """Islands and groups, without the islets that belong to a group."""
    return islands[islands["id"] == islands["group"]]


def disputed_islands(islands: pd.DataFrame) -> pd.DataFrame:
    """Islands and groups that one state administers and another claims."""
    top = _top_level(islands)
    return top[(top["claimed_by"] != "") & (top["claimed_by"] != top["administered_by"])]


def promised_in_1956(islands: pd.DataFrame) -> pd.DataFrame:
    """Islands and groups the 1956 declaration promised to hand over once a peace treaty is signed."""
    top = _top_level(islands)
    return top[top["in_1956_declaration"]]


def declaration_of_1956(events: pd.DataFrame) -> pd.Series | None:
    """The 1956 declaration's signing: the first declaration event dated 1956."""
    declarations = events[(events["event_type"] == "declaration") & (events["date"].dt.year == DECLARATION_YEAR)]
    return None if declarations.empty else declarations.sort_values("date", kind="stable").iloc[0]


def latest_event(events: pd.DataFrame) -> pd.Series | None:
    """The event that happened last, judged by its last day."""
    if events.empty:
        return None
    last_day = events["end_date"].fillna(events["date"])
    return events[last_day == last_day.max()].iloc[-1]  # of equal last days, the last in the file


def whole_years_between(start: pd.Timestamp, start_precision: str, end: pd.Timestamp, end_precision: str) -> int:
    """Whole years from `start` to `end`, compared only as finely as both dates are known."""
    coarsest = max(EVENT_PRECISIONS.index(start_precision), EVENT_PRECISIONS.index(end_precision))
    known = {"day": 2, "month": 1, "year": 0}[EVENT_PRECISIONS[coarsest]]  # how much of (month, day) counts
    before_anniversary = (end.month, end.day)[:known] < (start.month, start.day)[:known]
    return end.year - start.year - int(before_anniversary)


def last_day(event: Mapping[str, Any]) -> pd.Timestamp:
    """The day an event ends: its end date, or its date when it has none. How far the data goes is told by it."""
    return event["end_date"] if not pd.isna(event["end_date"]) else event["date"]


def data_runs_to(latest: pd.Series | None) -> str:
    """How far the data goes, in words: "Events up to 24 Jan 2025."; "" with no event."""
    if latest is None:
        return ""
    return _("Events up to {date}.").format(date=format_partial_date(last_day(latest), latest["date_precision"]))


def declaration_figure(declaration: pd.Series, today: pd.Timestamp) -> tuple[str, str, str]:
    """The first figure's label, value and how it is counted: "Since the 1956 declaration", "70 years"."""
    years = whole_years_between(declaration["date"], declaration["date_precision"], today, "day")
    signed = format_partial_date(declaration["date"], declaration["date_precision"])
    return (
        _("Since the {year} declaration").format(year=DECLARATION_YEAR),
        ngettext("{count} year", "{count} years", years).format(count=format_number(years)),
        _("Whole years from {date} to today, {today}.").format(date=signed, today=format_partial_date(today, "day")),
    )


def sources_help(figures: HeadlineFigures) -> str:
    """What the Sources figure counts: "1 source article and 57 other pages cited for …"."""
    # Translators: {articles} is "1 source article", {pages} "57 other pages".
    return _(
        "{articles} and {pages} cited for context events, island facts, speakers' roles and both sides' case."
    ).format(articles=counted(figures.articles, "source article"), pages=counted(figures.pages, "other page"))


def headline_figures(dataset: Dataset) -> HeadlineFigures:
    return HeadlineFigures(
        declaration=declaration_of_1956(dataset.events),
        latest=latest_event(dataset.events),
        events=len(dataset.events),
        statements=len(dataset.statements),
        articles=len(dataset.sources),
        pages=len(cited_pages(dataset)),
    )


def _names(values: pd.Series) -> str:
    return escape_markdown(join_names(values.unique().tolist()))


def dispute_summary(islands: pd.DataFrame, names: Mapping[str, str], declaration: pd.Series | None) -> str:
    """What the dispute is, in a few sentences of Markdown: the islands (`names`), states and date from the data."""
    disputed = disputed_islands(islands)
    summary = _(
        "Russia and Japan have never signed a peace treaty to close the Second World War. "
        "The main obstacle is who owns {islands}, at the southern end of the Kuril chain off Hokkaido: "
        "{administrator} administers them and {claimant} claims them. Russia calls them the Southern Kurils, "
        "Japan the Northern Territories."
    ).format(
        islands=_names(disputed["id"].map(names)),
        administrator=_names(disputed["administered_by"].map(country_name)),
        claimant=_names(disputed["claimed_by"].map(country_name)),
    )
    promised = promised_in_1956(islands)
    if declaration is not None and not promised.empty:
        declared = format_partial_date(declaration["date"], declaration["date_precision"])
        # Translators: {summary} is the sentences before, what the dispute is.
        summary = _(
            "{summary} In the Joint Declaration of {date} the Soviet Union and Japan ended the state of war and "
            "restored relations, and the Soviet side wrote down that it was ready to hand over {islands} once a peace "
            "treaty is signed. No treaty has been signed since."
        ).format(summary=summary, date=escape_markdown(declared), islands=_names(promised["id"].map(names)))
    return summary
