"""An island's tooltip (its names) and popup (its facts, and how many of the shown events and statements
name it: the page lists them, or links to the page that does) as HTML."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from lib.i18n import _, format_number
from lib.model.dataset import Dataset
from lib.views.html import Markup, html, link
from lib.views.islands import FIGURE_OF_FACT, Island, island_facts, japanese_name, naming_counts
from lib.views.provenance import FigureSource, figure_sources
from lib.views.theme import country_name


def names_html(island: Island) -> Markup:
    """The tooltip: the name in the reader's language, Japanese (romaji and kanji) and Russian (Latin and Cyrillic)."""
    japanese = html("<em>{}</em>", _("not recorded"))
    if japanese_name(island):
        japanese = html('{} <span lang="ja">{}</span>', island.name_ja_romaji, island.name_ja_kanji)
    russian = html('{} <span lang="ru">{}</span>', island.name_ru_latin, island.name_ru_cyrillic)
    # Translators: "Japanese", "Russian": labels before an island's name in that language
    japanese_label, russian_label = _("Japanese"), _("Russian")
    template = '<div class="island-names"><strong>{}</strong><br>{}: {}<br>{}: {}</div>'
    return html(template, island.name, japanese_label, japanese, russian_label, russian)


@dataclass(frozen=True)
class PopupCounts:
    """Besides the facts: by island id, how many of the shown events and statements name it; figures and their pages."""

    events: Mapping[str, int]
    statements: Mapping[str, int]
    figures: Mapping[tuple[str, str], Sequence[FigureSource]]


def popup_counts(events: pd.DataFrame, statements: pd.DataFrame, dataset: Dataset) -> PopupCounts:
    island_ids, groups = list(dataset.islands["id"]), dataset.island_groups
    return PopupCounts(
        naming_counts(events, island_ids, groups),
        naming_counts(statements, island_ids, groups),
        dataset.derived(figure_sources),
    )


def _facts_html(island: Island, group_name: str, figures: Mapping[tuple[str, str], Sequence[FigureSource]]) -> Markup:
    """The island's names, its facts, each figure (area, population) with its page, and where the rest was checked."""
    rows = Markup()
    for label, value in island_facts(island, group_name):
        stated = figures.get((island.id, FIGURE_OF_FACT.get(label, "")), ())
        source = html(" ({})", link(stated[0].url, stated[0].publisher)) if stated else ""
        rows += html("<tr><th>{}</th><td>{}{}</td></tr>", _(label), value, source)
    checked = link(island.source_url, _("Where its names and status were checked")) if island.source_url else ""
    return html('{}<table class="facts">{}</table><p class="facts-source">{}</p>', names_html(island), rows, checked)


def island_popup(island: Island, counts: PopupCounts, group_name: str = "", lists_link: str = "") -> Markup:
    """The popup: names, facts with their source, and how many events and statements name the island; the
    page lists them below the map, or the page at `lists_link` (the Map page on this island) does."""
    if not island.listed:
        context = _("Administered by {country}. Shown for context: not part of the dispute.")
        country = country_name(island.administered_by)
        return html('<div class="island-popup">{}<p>{}</p></div>', names_html(island), context.format(country=country))
    where = _("Both are listed below the map.")
    if lists_link:
        where = html(_("{map_page} lists both."), map_page=link(lists_link, _("The Map page")))
    naming = _("Events naming it: {events}. Statements naming it: {statements}.").format(
        events=format_number(counts.events[island.id]), statements=format_number(counts.statements[island.id])
    )
    facts = _facts_html(island, group_name, counts.figures)
    return html('<div class="island-popup">{}<p class="listed-below">{} {}</p></div>', facts, naming, where)
