"""An island's tooltip (its names) and popup (facts, then the latest events and statements naming it) as HTML.
Every popup is written into the page: each list is bounded, and an item several popups list is built once."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from lib.model.dataset import Dataset
from lib.model.filters import island_groups
from lib.views.html import Markup, html, join, link
from lib.views.islands import FIGURE_OF_FACT, Island, NamingIndex, island_facts, japanese_name, naming_index
from lib.views.provenance import Citation, FigureSource, event_citations, event_when, figure_sources
from lib.views.statements import statement_item_html

# The latest events and statements a popup lists: every one today (29 at most), bounded however the data grows.
POPUP_LIST_LIMIT = 40


def names_html(island: Island) -> Markup:
    """The tooltip: the name in English, Japanese (romaji and kanji) and Russian (Latin and Cyrillic)."""
    japanese = (
        html('{} <span lang="ja">{}</span>', island.name_ja_romaji, island.name_ja_kanji)
        if japanese_name(island)
        else Markup("<em>not recorded</em>")
    )
    russian = html('{} <span lang="ru">{}</span>', island.name_ru_latin, island.name_ru_cyrillic)
    return html(
        '<div class="island-names"><strong>{}</strong><br>Japanese: {}<br>Russian: {}</div>',
        island.name,
        japanese,
        russian,
    )


def _event_item(event: Any, citations: Mapping[str, Sequence[Citation]]) -> Markup:
    """The event's date and title, then a link to each of its sources, named by its publisher."""
    sources = join((link(citation.url, citation.publisher) for citation in citations.get(event.id, ())), " · ")
    return html(
        '<li><span class="when">{}</span> {} <span class="sources">{}</span></li>',
        event_when(event._asdict()),
        event.title,
        sources,
    )


def _statement_item(statement: Any, urls: Mapping[str, str]) -> str:
    return statement_item_html(statement._asdict(), urls.get(statement.source_id, ""))


@dataclass(frozen=True)
class Listed:
    count: int
    shown: tuple[int, ...]  # indices into PopupLists.items, oldest first


@dataclass(frozen=True)
class PopupLists:
    """What the popups list: each island's list holds indices into `items`, so each item is built once."""

    items: tuple[str, ...]
    events: Mapping[str, Listed]  # by island id
    statements: Mapping[str, Listed]
    figures: Mapping[tuple[str, str], Sequence[FigureSource]]  # each island's area and population, with their pages


@dataclass(frozen=True)
class PopupIndex:
    """The rows of the dataset's events and statements that name each island: built once per data version."""

    events: NamingIndex
    statements: NamingIndex


def popup_index(islands: pd.DataFrame, events: pd.DataFrame, statements: pd.DataFrame) -> PopupIndex:
    groups = island_groups(islands)
    island_ids = list(islands["id"])
    return PopupIndex(naming_index(events, island_ids, groups), naming_index(statements, island_ids, groups))


def dataset_popup_index(dataset: Dataset) -> PopupIndex:
    return popup_index(dataset.islands, dataset.events, dataset.statements)


# The columns a popup's list item shows.
_EventRow = namedtuple("_EventRow", "id date end_date date_precision title")
_StatementRow = namedtuple("_StatementRow", "date date_precision speaker country quote kind source_id")


def _listed(
    index: NamingIndex, kept: pd.DataFrame, row: type[tuple], item: Callable[[Any], str], items: list[str]
) -> dict[str, Listed]:
    """Append to `items` the list item of every row of `kept` some popup shows; each island's Listed points at them."""
    named = index.latest(kept, POPUP_LIST_LIMIT)
    shown = np.unique(np.concatenate([np.empty(0, dtype=np.intp), *(each.latest for each in named.values())]))
    first = len(items)
    # Rows from whole columns: DataFrame.itertuples costs more than the few rows it builds here.
    values = [index.frame[column].take(shown).tolist() for column in row._fields]
    items.extend(item(row(*fields)) for fields in zip(*values, strict=True))
    position_of = {position: first + offset for offset, position in enumerate(shown.tolist())}
    return {
        island: Listed(each.count, tuple(position_of[position] for position in each.latest.tolist()))
        for island, each in named.items()
    }


def popup_lists(events: pd.DataFrame, statements: pd.DataFrame, dataset: Dataset) -> PopupLists:
    """For each island, the latest of the given events and statements naming it, events with their sources."""
    index, citations = dataset.derived(dataset_popup_index), dataset.derived(event_citations)
    urls = dataset.sources_by_id["url"]
    items: list[str] = []
    events_listed = _listed(index.events, events, _EventRow, partial(_event_item, citations=citations), items)
    statements_listed = _listed(index.statements, statements, _StatementRow, partial(_statement_item, urls=urls), items)
    return PopupLists(tuple(items), events_listed, statements_listed, dataset.derived(figure_sources))


def _list_html(listed: Listed, items: Sequence[str], where: str) -> Markup:
    if not listed.count:
        return Markup('<p class="none">None listed.</p>')
    left_out = listed.count - len(listed.shown)
    more = html('<p class="more">And {:,} earlier: see the {} page.</p>', left_out, where) if left_out else ""
    return html("<ul>{}</ul>{}", join(Markup(items[i]) for i in listed.shown), more)


def _fact_row(
    island: Island, label: str, value: str, figures: Mapping[tuple[str, str], Sequence[FigureSource]]
) -> Markup:
    """A fact; an area or a population with a link to the page that states it."""
    stated = figures.get((island.id, FIGURE_OF_FACT.get(label, "")), ())
    source = html(" ({})", link(stated[0].url, stated[0].publisher)) if stated else ""
    return html("<tr><th>{}</th><td>{}{}</td></tr>", label, value, source)


def _facts_html(island: Island, group_name: str, figures: Mapping[tuple[str, str], Sequence[FigureSource]]) -> Markup:
    """The island's names, its facts, each figure with its page, and where the rest was checked."""
    rows = join(_fact_row(island, label, value, figures) for label, value in island_facts(island, group_name))
    checked = link(island.source_url, "Where its names and status were checked") if island.source_url else ""
    return html('{}<table class="facts">{}</table><p class="facts-source">{}</p>', names_html(island), rows, checked)


def island_popup(
    island: Island, lists: PopupLists, group_name: str = "", lists_below: bool = False, lists_link: str = ""
) -> Markup:
    """The popup: names, facts with their source, then the events and statements that name the island,
    or with `lists_below` only how many there are: the page lists them below the map, or the page at
    `lists_link` (the Map page on this island) does."""
    if not island.listed:
        return html(
            '<div class="island-popup">{}<p>Administered by {}. Shown for context: not part of the dispute.</p></div>',
            names_html(island),
            island.administered_by,
        )
    facts = _facts_html(island, group_name, lists.figures)
    events, statements = lists.events[island.id], lists.statements[island.id]
    if lists_below:
        where = (
            html("{} lists both.", link(lists_link, "The Map page")) if lists_link else "Both are listed below the map."
        )
        counts = html(
            '<p class="listed-below">Events naming it: {}. Statements naming it: {}. {}</p>',
            events.count,
            statements.count,
            where,
        )
        return html('<div class="island-popup">{}{}</div>', facts, counts)
    return html(
        '<div class="island-popup">{}<h4>Events naming it ({})</h4>{}<h4>Statements naming it ({})</h4>{}</div>',
        facts,
        events.count,
        _list_html(events, lists.items, "Timeline"),
        statements.count,
        _list_html(statements, lists.items, "Statements"),
    )
