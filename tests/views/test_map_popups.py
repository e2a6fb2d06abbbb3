"""lib.views.map.popups: an island's names on hover, and its facts and how many events and statements name it
on click."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from lib.model.dataset import Dataset
from lib.model.filters import Filters
from lib.views.html import escape
from lib.views.islands import format_area, format_population, naming
from lib.views.map.build import build_island_map
from tests.views.map_parts import build, labels, popup_of, tooltip_of


def test_hover_shows_the_names_in_three_languages(dataset: Dataset) -> None:
    tooltip = tooltip_of(build(dataset), "kunashir")
    for name in ("Kunashir", "Kunashiri-tō", "国後島", "Кунашир"):
        assert name in tooltip


def test_the_popup_holds_the_facts_and_counts_what_names_the_island(dataset: Dataset) -> None:
    island_map = build(dataset)
    popup = popup_of(island_map, "shikotan")
    row = dataset.islands.set_index("id").loc["shikotan"]
    area, population = format_area(row["area_km2"]), format_population(row["population"], row["population_year"])
    for text in (area, population, "Russia", "Japan", "Promised to Japan after a peace treaty"):
        assert text in popup
    assert f'href="{escape(row["source_url"])}"' in popup  # where its names and status were checked
    events = naming(dataset.events, "shikotan", dataset.island_groups)
    assert f"Events naming it: {len(events)}. Statements naming it: 2. Both are listed below the map." in popup
    assert "<li>" not in popup and "1956-joint-declaration" in set(events["id"]), "counted, not listed"
    islet = popup_of(island_map, "habomai_yuri")
    assert "Part of</th><td>Habomai Islands" in islet
    context = popup_of(island_map, "hokkaido_east")
    assert "Shown for context" in context and "naming it" not in context


def test_popups_count_only_the_events_and_statements_they_are_given(dataset: Dataset) -> None:
    island_map = build_island_map(dataset, dataset.events.iloc[0:0], dataset.statements.iloc[0:0])
    assert "Events naming it: 0. Statements naming it: 0." in popup_of(island_map, "iturup")


def test_a_popup_with_a_link_sends_the_reader_to_the_page_that_lists_both(dataset: Dataset) -> None:
    address = "https://example.org/map?island=iturup&country=<b>Japan</b>"
    island_map = build(dataset, lists_links={"iturup": address})
    linked = popup_of(island_map, "iturup")
    assert f'<a href="{escape(address)}"' in linked and ">The Map page</a> lists both." in linked
    assert "<b>" not in linked and "listed below the map" not in linked
    assert "Both are listed below the map." in popup_of(island_map, "kunashir"), "an island without a link"


@pytest.mark.parametrize(
    "filters", [Filters(1950, 2000, country="Japan"), Filters(2019, 2025, country="Russia"), Filters(1855, 2025)]
)
def test_the_popups_count_what_the_filters_keep(dataset: Dataset, filters: Filters) -> None:
    events, statements = dataset.filtered_events(filters), dataset.filtered_statements(filters)
    island_map = build_island_map(dataset, events, statements)
    for island in ("iturup", "shikotan", "habomai_yuri"):
        named = naming(events, island, dataset.island_groups)
        said = naming(statements, island, dataset.island_groups)
        assert f"Events naming it: {len(named)}. Statements naming it: {len(said)}." in popup_of(island_map, island)
    assert len(events) < len(dataset.events) or filters.country is None


@pytest.mark.parametrize(
    ("language", "own_name", "script"),
    [("ja", "name_ja_kanji", "[\u3040-\u30ff\u4e00-\u9fff]"), ("ru", "name_ru_cyrillic", "[\u0400-\u04ff]")],
)
def test_the_map_names_each_island_as_the_readers_side_does(
    dataset: Dataset, reader_language: Callable[[str], None], language: str, own_name: str, script: str
) -> None:
    reader_language(language)
    island_map = build(dataset)
    kunashir = dataset.islands.set_index("id").loc["kunashir"]
    tooltip, popup = tooltip_of(island_map, "kunashir"), popup_of(island_map, "kunashir")
    assert f"<strong>{kunashir[own_name]}</strong>" in tooltip
    assert f">{kunashir[own_name]}<" in labels(island_map)["kunashir"]
    for english in ("Japanese:", "Russian:", "Area", "Administered by", "Events naming it", "below the map"):
        assert english not in tooltip + popup
    facts = re.findall(r"<th>([^<]*)</th>", popup)
    assert facts and all(re.search(script, fact) for fact in facts)


def test_areas_and_populations_are_written_as_the_readers_language_writes_them(
    reader_language: Callable[[str], None],
) -> None:
    reader_language("ru")
    assert format_area(3166.6) == "3\N{NO-BREAK SPACE}166,6 км²"
    assert format_population(5934, 2016) == "5\N{NO-BREAK SPACE}934 (2016 г.)"
    reader_language("ja")
    assert format_area(3166.6) == "3,166.6 km²"
