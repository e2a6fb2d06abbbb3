"""lib.views.map.popups: an island's names on hover, and its facts, events and statements on click."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.model.filters import Filters, filter_events, filter_statements, island_groups
from lib.model.load import Dataset
from lib.views.map.build import build_island_map
from lib.views.map.popups import POPUP_LIST_LIMIT, dataset_popup_index, popup_index
from tests.views.map_parts import build, clickable, island_shapes, popup_of, tooltip_of

ARTICLE_URL = "https://tass.com/world/1014523"  # sources.csv, tass-2018-07-23


def test_hover_shows_the_names_in_three_languages(dataset: Dataset) -> None:
    tooltip = tooltip_of(build(dataset), "kunashir")
    for name in ("Kunashir", "Kunashiri-tō", "国後島", "Кунашир"):
        assert name in tooltip


def test_the_popup_holds_the_facts_events_and_statements(dataset: Dataset) -> None:
    island_map = build(dataset)
    popup = popup_of(island_map, "shikotan")
    for text in ("225 km²", "2,820 (2010)", "Russia", "Japan", "Promised to Japan after a peace treaty"):
        assert text in popup
    assert "19 Oct 1956</span> Soviet-Japanese Joint Declaration signed in Moscow" in popup
    assert f'href="{ARTICLE_URL}"' in popup
    assert 'href="https://en.wikipedia.org/wiki/Shikotan"' in popup  # the island's facts
    assert "Statements naming it (2)" in popup
    islet = popup_of(island_map, "habomai_yuri")
    assert "Part of</th><td>Habomai Islands" in islet
    context = popup_of(island_map, "hokkaido_east")
    assert "Shown for context" in context


def test_an_event_in_many_popups_is_written_once(dataset: Dataset) -> None:
    island_map = build(dataset)
    declaration = [item for item in island_shapes(island_map).items if "Joint Declaration signed" in item]
    assert len(declaration) == 1
    for island in ("shikotan", "habomai_zeleny", "habomai_yuri"):
        assert declaration[0] in popup_of(island_map, island)


def test_popups_list_only_the_events_they_are_given(dataset: Dataset) -> None:
    island_map = build_island_map(
        dataset.islands, dataset.geojson, dataset.events.iloc[0:0], dataset.statements.iloc[0:0]
    )
    popup = popup_of(island_map, "iturup")
    assert "Events naming it (0)" in popup
    assert "None listed." in popup


def test_popups_list_only_the_latest_rows_and_say_how_many_more(dataset: Dataset) -> None:
    many = pd.concat([dataset.events.assign(id=dataset.events["id"] + f"-{n}") for n in range(50)])
    popup = popup_of(build_island_map(dataset.islands, dataset.geojson, many, dataset.statements), "iturup")
    named = sum("iturup" in islands for islands in many["islands"])
    assert f"Events naming it ({named})" in popup
    events_list = popup.split("Events naming it", 1)[1].split("Statements naming it", 1)[0]
    assert events_list.count("<li>") == POPUP_LIST_LIMIT
    assert f"And {named - POPUP_LIST_LIMIT:,} earlier: see the Timeline page." in events_list
    assert "24 Jan 2025" in events_list, "the latest events are the ones listed"


def test_an_event_with_no_address_shows_no_source_link(dataset: Dataset) -> None:
    """An article row links to its article through sources.csv: given none, and no address of its own, none."""
    events = dataset.events.assign(source_url="")
    popup = popup_of(build_island_map(dataset.islands, dataset.geojson, events, dataset.statements), "shikotan")
    declaration = popup.split("Soviet-Japanese Joint Declaration signed in Moscow", 1)[1].split("</li>", 1)[0]
    assert declaration.strip() == ""
    with_sources = build_island_map(
        dataset.islands, dataset.geojson, events, dataset.statements, sources=dataset.sources
    )
    assert f'Moscow <a href="{ARTICLE_URL}"' in popup_of(with_sources, "shikotan")


def test_with_the_lists_below_the_map_a_popup_gives_the_facts_and_counts_only(dataset: Dataset) -> None:
    full, short = build(dataset), build(dataset, lists_below=True)
    named = sum("iturup" in islands for islands in dataset.events["islands"])
    popup = popup_of(short, "iturup")
    assert "3,139 km²" in popup and "Source of these facts" in popup
    assert f"Events naming it: {named}." in popup and "listed below the map" in popup
    assert "<li>" not in popup
    assert island_shapes(short).items == () and island_shapes(full).items  # no list items sent at all


@pytest.mark.parametrize(
    "filters", [Filters(1950, 2000, country="Japan"), Filters(2019, 2025, country="Russia"), Filters(1855, 2025)]
)
def test_the_dataset_s_popup_index_gives_the_popups_of_the_filtered_rows(dataset: Dataset, filters: Filters) -> None:
    bounds, groups = (1855, 2025), island_groups(dataset.islands)
    events = filter_events(dataset.events, filters, bounds, groups)
    statements = filter_statements(dataset.statements, filters, bounds, groups)
    index = dataset_popup_index(dataset)
    indexed = build_island_map(
        dataset.islands, dataset.geojson, events, statements, sources=dataset.sources, index=index
    )
    alone = build_island_map(dataset.islands, dataset.geojson, events, statements, sources=dataset.sources)
    assert sorted(clickable(indexed)) == sorted(clickable(alone))
    for island in clickable(alone):
        assert popup_of(indexed, island) == popup_of(alone, island)
    assert len(events) < len(dataset.events) or filters.country is None


def test_the_popup_index_is_of_the_frames_it_was_given(dataset: Dataset) -> None:
    index = popup_index(dataset.islands, dataset.events, dataset.statements)
    assert index.events.frame is dataset.events and index.statements.frame is dataset.statements
    assert set(index.events.rows) == set(dataset.islands["id"])
