"""lib.views.map.leaflet and static/map/: data reaches Leaflet as JSON literals, drawn by islands.js."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import folium
import pytest
import streamlit_folium

from lib.views.map.leaflet import (
    ISLANDS_CSS,
    ISLANDS_JS,
    LEAFLET_JS,
    STATIC_URL,
    IslandLabel,
    IslandLabels,
    Shape,
    Shapes,
    script_json,
    script_string,
)
from lib.views.map.popups import Popup
from tests.conftest import ROOT

ATTACKS = [
    "${alert(1)}` </script><b>x</b>",
    "{{ 7 * 7 }} {% raw %} {# x #} {{",
    'it\'s "quoted" & <!-- a comment --> \u2028 \\ end',
]


@pytest.mark.parametrize("text", ["plain", "киев 国後島", *ATTACKS])
def test_a_script_string_is_the_text_and_nothing_else(text: str) -> None:
    literal = script_string(text)
    assert json.loads(literal) == text
    assert not set(literal) & set("<>&'{}"), literal


@pytest.mark.parametrize("text", ATTACKS)
def test_script_json_writes_strings_that_cannot_end_the_script_or_open_a_template_tag(text: str) -> None:
    value = {"shapes": [{"tooltip": text, "popup": [text, [0, 1]], "style": {"weight": 1.5}}], "items": [text]}
    literal = script_json(value)
    assert json.loads(literal) == value  # the same value, once JavaScript reads the escapes
    for forbidden in ("<", ">", "{{", "{%", "{#", "'"):
        assert forbidden not in literal


def test_html_reaches_leaflet_as_a_json_string_never_a_template_literal() -> None:
    """folium's Tooltip and Popup put HTML in a JavaScript `template literal`, where ${...} runs."""
    island_map = folium.Map(tiles=None)
    layer = folium.FeatureGroup().add_to(island_map)
    html = ATTACKS[0]
    feature = {"type": "Feature", "properties": {"id": "x"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}
    shapes = Shapes([Shape(feature, {}, tooltip=html, popup=Popup((html, (0,))))], items=[html]).add_to(layer)
    script = island_map.get_root().render()
    assert f"KurilsMap.drawShapes({layer.get_name()}, {shapes.data_literal});" in script
    data = json.loads(shapes.data_literal)
    assert data["shapes"][0]["tooltip"] == html
    assert data["items"] == [html]
    assert "</script><b>" not in script
    assert shapes.popup_html("x") == html + html


def test_labels_reach_leaflet_with_their_point_and_class() -> None:
    island_map = folium.Map(tiles=None)
    layer = folium.FeatureGroup().add_to(island_map)
    IslandLabels([IslandLabel("shikotan", 43.8, 146.7, "<span>Shikotan</span>")]).add_to(layer)
    script = streamlit_folium._get_map_string(island_map)
    (literal,) = re.findall(r"KurilsMap\.drawLabels\(\w+, (.*)\);", script)
    assert json.loads(literal) == [
        {"at": [43.8, 146.7], "html": "<span>Shikotan</span>", "className": "island-label-icon label-shikotan"}
    ]


@pytest.mark.parametrize("url", [ISLANDS_JS, ISLANDS_CSS])
def test_the_map_s_own_files_are_in_static(url: str) -> None:
    assert url.startswith(STATIC_URL)
    assert (ROOT / "static" / url.removeprefix(STATIC_URL)).is_file()


def test_the_static_files_are_found_from_the_component_page() -> None:
    component = f"http://127.0.0.1:8501/base/component/{streamlit_folium._component_func.name}/index.html"
    assert urljoin(component, LEAFLET_JS) == "http://127.0.0.1:8501/base/app/static/leaflet/leaflet.js"
    assert urljoin(component, ISLANDS_JS) == "http://127.0.0.1:8501/base/app/static/map/islands.js"
