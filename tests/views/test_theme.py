"""lib.views.theme: every value the data can hold has its colour or symbol, and what must differ does."""

from __future__ import annotations

from itertools import chain

import pytest

from lib.model.schema import COUNTRIES, ORIGINS
from lib.views.theme import (
    COUNTRY_COLOURS,
    HIGHLIGHT_COLOURS,
    ISLAND_STATUS_STYLES,
    MAP_HIGHLIGHT_STYLE,
    MAP_SEA_COLOUR,
    MAP_SELECTED_COLOUR,
    ORIGIN_COLOURS,
    ORIGIN_LABELS,
    ORIGIN_SYMBOLS,
)

STYLE_COLOURS = [
    value for style in ISLAND_STATUS_STYLES.values() for key, value in style.items() if key.endswith("olor")
]


def test_every_country_in_the_schema_has_a_colour() -> None:
    assert set(COUNTRY_COLOURS) == set(COUNTRIES)


def test_the_two_parties_differ_and_soviet_rows_take_russia_s_colour() -> None:
    assert COUNTRY_COLOURS["Japan"] != COUNTRY_COLOURS["Russia"]
    assert COUNTRY_COLOURS["USSR"] == COUNTRY_COLOURS["Russia"]
    others = {colour for country, colour in COUNTRY_COLOURS.items() if country not in ("Japan", "Russia", "USSR")}
    assert others.isdisjoint({COUNTRY_COLOURS["Japan"], COUNTRY_COLOURS["Russia"]})


@pytest.mark.parametrize("by_origin", [ORIGIN_COLOURS, ORIGIN_SYMBOLS, ORIGIN_LABELS])
def test_every_origin_has_its_own_look_and_label(by_origin: dict[str, str]) -> None:
    assert set(by_origin) == set(ORIGINS)
    assert len(set(by_origin.values())) == len(by_origin)


def test_a_statement_s_highlight_and_an_event_s_underline_differ() -> None:
    assert len(set(HIGHLIGHT_COLOURS.values())) == len(HIGHLIGHT_COLOURS) == 2


def test_the_selected_island_s_outline_is_no_status_colour() -> None:
    assert MAP_SELECTED_COLOUR not in set(chain(STYLE_COLOURS, [MAP_SEA_COLOUR]))


def test_the_highlight_s_ring_is_no_status_colour_nor_the_selection_s() -> None:
    assert MAP_HIGHLIGHT_STYLE["color"] not in {*STYLE_COLOURS, MAP_SEA_COLOUR, MAP_SELECTED_COLOUR}
