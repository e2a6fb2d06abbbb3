"""lib.views.map.leaflet and static/map/: the islands as folium's GeoJson layers, whose texts folium
writes into a script that branca compiles once more as a Jinja template."""

from __future__ import annotations

import html
from urllib.parse import urljoin

import folium
import pytest
import streamlit_folium
from markupsafe import Markup

from lib.views.map.leaflet import (
    ISLANDS_CSS,
    LEAFLET_JS,
    STATIC_URL,
    IslandLabel,
    MapChrome,
    Shape,
    inert,
    island_layer,
    label_layer,
)
from tests.conftest import ROOT
from tests.views.map_parts import sent_script

ATTACKS = [
    "${alert(1)}` </script><b>x</b>",
    "{{ 7 * 7 }} {% raw %} {# x #} {{",
    'it\'s "quoted" & <!-- a comment --> \u2028 \\ end',
]


@pytest.mark.parametrize("text", ["plain", "киев 国後島", *ATTACKS])
def test_inert_html_is_drawn_the_same_and_holds_no_brace(text: str) -> None:
    escaped = html.escape(text)  # what lib.views.html makes of text from the data
    assert html.unescape(inert(escaped)) == text
    assert not set(inert(escaped)) & set("{}")


@pytest.mark.parametrize("text", ATTACKS)
def test_text_reaches_leaflet_as_a_property_that_cannot_end_the_script_or_open_a_template_tag(text: str) -> None:
    """folium's Tooltip and Popup put HTML in a JavaScript `template literal`, where ${...} runs;
    GeoJsonTooltip and GeoJsonPopup insert a property's HTML when they open."""
    island_map = folium.Map(tiles=None)
    escaped = html.escape(text)
    feature = {"type": "Feature", "properties": {"id": "x"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}
    island_layer([Shape(feature, {}, tooltip=escaped, popup=escaped)]).add_to(island_map)
    label_layer([IslandLabel("x", 2, 1, escaped)]).add_to(island_map)
    rendered = island_map.get_root().render()  # branca compiles each script once more
    for script in (rendered.split("<script>", 1)[1], sent_script(island_map)):
        for forbidden in ("</script><b>", "<!--", "{{", "{%", "{#"):
            assert forbidden not in script


@pytest.mark.parametrize("text", ATTACKS)
def test_the_chrome_escapes_its_texts_unless_they_are_markup_already(text: str) -> None:
    chrome = MapChrome(Markup("<b>Legend</b>"), text, fit=[[0, 0], [1, 1]], fit_narrow=[[0, 0], [1, 1]])
    assert chrome.options["legend"] == "<b>Legend</b>"
    assert html.unescape(chrome.options["attribution"]) == text
    assert not set(chrome.options["attribution"]) & set("<>{}")


def test_labels_reach_leaflet_with_their_point_and_class() -> None:
    island_map = folium.Map(tiles=None)
    label_layer([IslandLabel("shikotan", 43.8, 146.7, "<span>Shikotan</span>")]).add_to(island_map)
    script = sent_script(island_map)
    assert "[146.7, 43.8]" in script
    assert '{"className": "island-label-icon label-shikotan", "html": "<span>Shikotan</span>"}' in script


def test_the_map_s_own_stylesheet_is_in_static() -> None:
    assert ISLANDS_CSS.startswith(STATIC_URL)
    assert (ROOT / "static" / ISLANDS_CSS.removeprefix(STATIC_URL)).is_file()


def test_the_static_files_are_found_from_the_component_page() -> None:
    component = f"http://127.0.0.1:8501/base/component/{streamlit_folium._component_func.name}/index.html"
    assert urljoin(component, LEAFLET_JS) == "http://127.0.0.1:8501/base/app/static/leaflet/leaflet.js"
    assert urljoin(component, ISLANDS_CSS) == "http://127.0.0.1:8501/base/app/static/map/islands.css"
