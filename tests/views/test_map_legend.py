"""lib.views.map.legend: one entry per status drawn, on the map and in words."""

from __future__ import annotations

from lib.model.load import Dataset
from lib.views.islands import CLAIMED, PROMISED_1956, UNCONTESTED, island_records
from lib.views.map.legend import legend_entries, legend_in_words, legend_text, map_legend_html
from lib.views.theme import COUNTRY_COLOURS, ISLAND_STATUS_STYLES, MAP_HIGHLIGHT_STYLE
from tests.views.map_parts import build, chrome


def test_the_legend_names_the_islands_of_each_status(dataset: Dataset) -> None:
    entries = legend_entries(island_records(dataset.islands, dataset.geojson))
    assert [(entry.status, entry.names) for entry in entries] == [
        (CLAIMED, ("Iturup", "Kunashir")),
        (PROMISED_1956, ("Shikotan", "Habomai Islands")),
        (UNCONTESTED, ("Hokkaido",)),
        (UNCONTESTED, ("Urup",)),
    ]
    assert "1956 declaration" in entries[1].description
    assert entries[2].style["color"] == COUNTRY_COLOURS["Japan"]
    assert legend_text(entries).startswith("Iturup and Kunashir: administered by Russia, claimed by Japan. ")
    assert "Shikotan and Habomai Islands: administered by Russia, claimed by Japan; promised" in legend_text(entries)
    assert '<details class="island-legend" open>' in map_legend_html(entries)
    assert '<details class="island-legend">' in map_legend_html(entries, compact=True)


def test_a_swatch_shows_the_status_fill_and_its_dashed_claim(dataset: Dataset) -> None:
    entries = legend_entries(island_records(dataset.islands, dataset.geojson))
    legend = map_legend_html(entries)
    claimed = ISLAND_STATUS_STYLES[CLAIMED]
    assert f"background:rgba(0, 114, 178, {claimed['fillOpacity']});border:2px dashed {claimed['color']}" in legend
    assert f"border:2px solid {COUNTRY_COLOURS['Russia']}" in legend  # Urup: not claimed, no dashes


def test_compact_folds_the_legend(dataset: Dataset) -> None:
    assert " open>" in chrome(build(dataset)).options["legend"]
    assert " open>" not in chrome(build(dataset, compact=True)).options["legend"]


def test_the_highlighted_islands_are_named_first_beside_their_ring(dataset: Dataset) -> None:
    names = dataset.island_names
    legend = chrome(build(dataset, highlighted=("urup", "habomai"))).options["legend"]
    highlighted = f"<strong>{names['habomai']}, {names['urup']}</strong>: highlighted"
    assert f'border:3px solid {MAP_HIGHLIGHT_STYLE["color"]}"></span><span>{highlighted}' in legend
    assert legend.index(highlighted) < legend.index(f"<strong>{names['iturup']}")
    assert ": highlighted" not in chrome(build(dataset)).options["legend"]


def test_the_legend_in_words_names_every_island_drawn_whatever_the_map_shows(dataset: Dataset) -> None:
    words = legend_in_words(dataset)
    for name in ("Iturup", "Kunashir", "Shikotan", "Habomai Islands", "Hokkaido", "Urup"):
        assert name in words
