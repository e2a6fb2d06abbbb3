"""lib.views.map.popups: an island's names on hover, and its facts, events and statements on click."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from lib.model.dataset import Dataset
from lib.model.filters import Filters
from lib.views.html import escape
from lib.views.islands import format_area, format_population, naming
from lib.views.map.build import build_island_map
from lib.views.map.popups import POPUP_LIST_LIMIT, popup_index, popup_lists
from lib.views.provenance import event_citations
from tests.views.map_parts import build, popup_of, tooltip_of

ARTICLE_URL = "https://tass.com/world/1014523"  # sources.csv, tass-2018-07-23


def test_hover_shows_the_names_in_three_languages(dataset: Dataset) -> None:
    tooltip = tooltip_of(build(dataset), "kunashir")
    for name in ("Kunashir", "Kunashiri-tō", "国後島", "Кунашир"):
        assert name in tooltip


def test_the_popup_holds_the_facts_events_and_statements(dataset: Dataset) -> None:
    island_map = build(dataset)
    popup = popup_of(island_map, "shikotan")
    row = dataset.islands.set_index("id").loc["shikotan"]
    area, population = format_area(row["area_km2"]), format_population(row["population"], row["population_year"])
    for text in (area, population, "Russia", "Japan", "Promised to Japan after a peace treaty"):
        assert text in popup
    title = dataset.events.set_index("id").loc["1956-joint-declaration", "title"]
    assert f"19 Oct 1956</span> {escape(title)}" in popup
    for citation in dataset.derived(event_citations)["1956-joint-declaration"]:
        assert f'href="{escape(citation.url)}"' in popup, "every source of the event, named by its publisher"
    assert f'href="{escape(row["source_url"])}"' in popup  # where its names and status were checked
    assert "Statements naming it (2)" in popup
    islet = popup_of(island_map, "habomai_yuri")
    assert "Part of</th><td>Habomai Islands" in islet
    context = popup_of(island_map, "hokkaido_east")
    assert "Shown for context" in context


def test_an_event_in_many_popups_is_built_once(dataset: Dataset) -> None:
    island_map = build(dataset)
    lists = popup_lists(dataset.events, dataset.statements, dataset)
    declaration = [item for item in lists.items if "Joint Declaration signed" in item]
    assert len(declaration) == 1
    for island in ("shikotan", "habomai_zeleny", "habomai_yuri"):
        assert declaration[0] in popup_of(island_map, island)


def test_popups_list_only_the_events_they_are_given(dataset: Dataset) -> None:
    island_map = build_island_map(dataset, dataset.events.iloc[0:0], dataset.statements.iloc[0:0])
    popup = popup_of(island_map, "iturup")
    assert "Events naming it (0)" in popup
    assert "None listed." in popup


def test_popups_list_only_the_latest_rows_and_say_how_many_more(dataset: Dataset) -> None:
    copies = range(50)
    many = pd.concat([dataset.events.assign(id=dataset.events["id"] + f"-{n}") for n in copies], ignore_index=True)
    sources = dataset.event_sources
    many_sources = pd.concat(
        [sources.assign(event_id=sources["event_id"] + f"-{n}") for n in copies], ignore_index=True
    )
    bigger = replace(dataset, events=many, event_sources=many_sources)
    popup = popup_of(build_island_map(bigger, many, bigger.statements), "iturup")
    named = sum("iturup" in islands for islands in many["islands"])
    assert f"Events naming it ({named})" in popup
    events_list = popup.split("Events naming it", 1)[1].split("Statements naming it", 1)[0]
    assert events_list.count("<li>") == POPUP_LIST_LIMIT
    assert f"And {named - POPUP_LIST_LIMIT:,} earlier: see the Timeline page." in events_list
    latest = many[many["islands"].map(lambda islands: "iturup" in islands)].sort_values("date")["title"].iloc[-1]
    assert str(escape(latest)) in events_list, "the latest events are the ones listed"


def test_an_event_without_a_source_shows_no_link(dataset: Dataset) -> None:
    """The loader gives every event a source; a view never invents one when none is given."""
    unsourced = replace(dataset, event_sources=dataset.event_sources.iloc[0:0])
    popup = popup_of(build_island_map(unsourced, unsourced.events, unsourced.statements), "shikotan")
    title = dataset.events.set_index("id").loc["1956-joint-declaration", "title"]
    declaration = popup.split(str(escape(title)), 1)[1].split("</li>", 1)[0]
    assert "<a" not in declaration


def test_with_the_lists_below_the_map_a_popup_gives_the_facts_and_counts_only(dataset: Dataset) -> None:
    full, short = build(dataset), build(dataset, lists_below=True)
    named = sum("iturup" in islands for islands in dataset.events["islands"])
    popup = popup_of(short, "iturup")
    area = format_area(dataset.islands.set_index("id").loc["iturup", "area_km2"])
    assert area in popup and "Where its names and status were checked" in popup
    assert f"Events naming it: {named}." in popup and "listed below the map" in popup
    assert "<li>" not in popup
    assert "<li>" in popup_of(full, "iturup")


@pytest.mark.parametrize(
    "filters", [Filters(1950, 2000, country="Japan"), Filters(2019, 2025, country="Russia"), Filters(1855, 2025)]
)
def test_the_popups_list_what_the_filters_keep(dataset: Dataset, filters: Filters) -> None:
    events, statements = dataset.filtered_events(filters), dataset.filtered_statements(filters)
    island_map = build_island_map(dataset, events, statements)
    for island in ("iturup", "shikotan", "habomai_yuri"):
        named = naming(events, island, dataset.island_groups)
        assert f"Events naming it ({len(named)})" in popup_of(island_map, island)
    assert len(events) < len(dataset.events) or filters.country is None


def test_the_popup_index_is_of_the_frames_it_was_given(dataset: Dataset) -> None:
    index = popup_index(dataset.islands, dataset.events, dataset.statements)
    assert index.events.frame is dataset.events and index.statements.frame is dataset.statements
    assert set(index.events.rows) == set(dataset.islands["id"])
