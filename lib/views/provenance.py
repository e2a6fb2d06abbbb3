"""Where each fact comes from: the publisher, the sentence that states it, which part it states ("the year")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.i18n import N_, _, format_number
from lib.model.dataset import Dataset
from lib.model.dates import format_date_range
from lib.model.evidence import supported_precision
from lib.views.markdown import escape_markdown, markdown_link
from lib.views.wording import join_names

# Translators: what part of an event a source states, listed as "TASS (the day, what happened)".
PART_WORDS: dict[str, str] = {"place": N_("the place"), "people": N_("who took part"), "what": N_("what happened")}
DATE_WORDS: dict[str, str] = {"day": N_("the day"), "month": N_("the month"), "year": N_("the year")}


@dataclass(frozen=True)
class EventSource:
    """One source of a fact: who published it, where, its sentence, and what of the fact it states."""

    publisher: str
    url: str
    evidence: str
    states: tuple[str, ...]  # in words: "the year", "what happened"
    article: str = ""  # the headline, when the source is one of the dataset's articles

    @property
    def label(self) -> str:
        label = _("{publisher}, “{title}”") if self.article else "{publisher}"
        return label.format(publisher=self.publisher, title=self.article)


def _states(supports: Sequence[str], date_precision: str | None) -> tuple[str, ...]:
    """What a source states, in words: the date as precisely as it states it, then the other parts."""
    dated = (_(DATE_WORDS[date_precision]),) if date_precision else ()
    return (*dated, *(_(PART_WORDS[part]) for part in supports if part != "date"))


def _citation(row: Mapping[str, object], event: Mapping[str, object], dataset: Dataset) -> EventSource:
    """One row of event_sources.csv; an article's sentence states the date as precisely as it names it."""
    supports, evidence = tuple(row["supports"]), str(row["evidence"])
    dated = event["date_precision"] if "date" in supports else None
    if not row["source_id"]:
        return EventSource(dataset.publisher_of(row["url"]), str(row["url"]), evidence, _states(supports, dated))
    article = dataset.sources_by_id.loc[row["source_id"]]
    dated = dated or supported_precision(evidence, article["published"], event["date"])
    return EventSource(article["publisher"], article["url"], evidence, _states(supports, dated), article["title"])


def event_citations(dataset: Dataset) -> dict[str, tuple[EventSource, ...]]:
    """Every event's sources, articles first, by event id: worth working out once per dataset."""
    rows = dataset.event_sources.sort_values("source_id", ascending=False, kind="stable")
    return {
        event_id: tuple(_citation(row, dataset.events_by_id.loc[event_id], dataset) for row in group.to_dict("records"))
        for event_id, group in rows.groupby("event_id", sort=False)
    }


def event_publishers(dataset: Dataset) -> dict[str, str]:
    """Each event's publishers in words ("TASS and Wikipedia"), by event id, for a hover label."""
    return {
        event_id: join_names(list(dict.fromkeys(citation.publisher for citation in citations)))
        for event_id, citations in dataset.derived(event_citations).items()
    }


def citations_markdown(citations: Sequence[EventSource], sentences: bool = True) -> str:
    """The sources, each linked with what it states: a list with sentences, or one line ("TASS (the day); …")."""
    if not sentences:
        return "; ".join(
            f"{markdown_link(citation.publisher, citation.url)} ({escape_markdown(join_names(citation.states))})"
            for citation in citations
        )
    return "\n".join(
        f"- {markdown_link(citation.label, citation.url)} ({escape_markdown(join_names(citation.states))}): "
        f"“{escape_markdown(citation.evidence)}”"
        for citation in citations
    )


def event_when(event: Mapping[str, Any]) -> str:
    """The event's date or days as a reader writes them: "19 Oct 1956", "7–10 Oct 1973", "2018"."""
    return format_date_range(event["date"], event["end_date"], event["date_precision"])


def event_heading(event: Mapping[str, Any]) -> str:
    """The event's date and title as Markdown, "**19 Oct 1956** · The Joint Declaration", escaped."""
    return f"**{escape_markdown(event_when(event))}** · {escape_markdown(event['title'])}"


def event_markdown(event: Mapping[str, Any], citations: Sequence[EventSource], readings: str = "") -> str:
    """The event's heading, description, sources with their sentences, and `readings` (from lib.views.sides)."""
    told = f"{event_heading(event)}\n\n{escape_markdown(event['description'])}\n\n{citations_markdown(citations)}"
    return f"{told}\n\n{readings}" if readings else told


@dataclass(frozen=True)
class FigureSource:
    """A published area or population, and the page that states it."""

    value: float
    year: int | None
    publisher: str
    url: str


def figure_sources(dataset: Dataset) -> dict[tuple[str, str], tuple[FigureSource, ...]]:
    """Each island's published figures, by (island id, figure): the one islands.csv shows first, then the others."""
    shown = {
        (row["id"], figure): row[figure]
        for row in dataset.islands.to_dict("records")
        for figure in ("area_km2", "population")
        if pd.notna(row[figure])
    }
    found: dict[tuple[str, str], list[FigureSource]] = defaultdict(list)
    for row in dataset.island_figures.to_dict("records"):
        year = None if pd.isna(row["year"]) else int(row["year"])
        source = FigureSource(row["value"], year, dataset.publisher_of(row["url"]), row["url"])
        found[(row["island_id"], row["figure"])].append(source)
    return {
        key: tuple(sorted(sources, key=lambda source: source.value != shown.get(key))) for key, sources in found.items()
    }


def events_markdown(events: pd.DataFrame, citations: Mapping[str, Sequence[EventSource]], limit: int) -> str:
    """The latest `limit` events with their sources, and how many are left out: a list that does not grow."""
    latest = events.sort_values(["date", "id"]).tail(limit)
    lines = [
        f"- {event_heading(row)} — {citations_markdown(citations.get(row['id'], ()), sentences=False)}"
        for row in latest.to_dict("records")
    ]
    if len(events) > limit:
        shown = _("The latest {limit} of {total}; the Timeline has every one.")
        lines.insert(0, shown.format(limit=format_number(limit), total=format_number(len(events))))
    return "\n".join(lines)


def cited_pages(dataset: Dataset) -> set[str]:
    """Every page the data cites besides its source articles, both sides' positions and readings too."""
    columns = [dataset.islands["source_url"], dataset.statements["role_source_url"]]
    columns += [
        table["url"] for table in (dataset.event_sources, dataset.island_figures, dataset.readings, dataset.positions)
    ]
    return {url for column in columns for url in column.unique() if url} - set(dataset.sources["url"])
