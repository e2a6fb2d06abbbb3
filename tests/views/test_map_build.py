"""lib.views.map.build: the folium map as an object and as the HTML and script st_folium sends,
before any browser sees it."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import branca
import folium
import jinja2
import pytest
import streamlit_folium

from lib.model.load import Dataset, read_dataset
from lib.views.islands import island_records
from lib.views.map.build import OSM_LAYER_NAME, build_island_map, clicked_island_id
from lib.views.map.leaflet import ISLANDS_CSS, ISLANDS_JS, LEAFLET_CSS, LEAFLET_JS, STATIC_URL
from lib.views.map.legend import legend_entries, map_legend_html
from lib.views.theme import MAP_SEA_COLOUR
from tests.conftest import ROOT
from tests.views.map_parts import build, chrome, labels, popup_of, tooltip_of, walk

ISLANDS_SCRIPT = (ROOT / "static" / "map" / "islands.js").read_text(encoding="utf-8")
ISLANDS_STYLES = (ROOT / "static" / "map" / "islands.css").read_text(encoding="utf-8")


def test_shapes_are_drawn_from_one_literal_each_not_an_element_per_island(dataset: Dataset) -> None:
    """branca compiles every element's output again as a template: the map must not grow with the islands."""
    elements = list(walk(build(dataset, selected="habomai")))
    assert len(elements) <= 12
    assert not [e for e in elements if isinstance(e, (folium.GeoJson, folium.Marker, folium.DivIcon))]


def test_the_script_st_folium_sends_calls_only_what_islands_js_defines(dataset: Dataset) -> None:
    sent = streamlit_folium._get_map_string(build(dataset, selected="habomai"))
    called = re.findall(r"KurilsMap\.(\w+)\(", sent)
    assert sorted(called) == ["addChrome", "drawLabels", "drawShapes", "drawShapes"]  # the islands, the selection
    (exported,) = re.findall(r"window\.KurilsMap = \{(.*)\};", ISLANDS_SCRIPT)
    defined = dict(pair.split(": ") for pair in exported.split(", "))
    assert set(called) == set(defined)
    for function in defined.values():
        assert f"function {function}(" in ISLANDS_SCRIPT


def test_the_sea_and_the_first_view_reach_islands_js_as_data(dataset: Dataset) -> None:
    sent = streamlit_folium._get_map_string(build(dataset))
    (literal,) = re.findall(r"KurilsMap\.addChrome\(\w+, (.*)\);", sent)
    assert f'"seaColour":"{MAP_SEA_COLOUR}"' in literal
    assert '"fit":[[' in literal and '"fitNarrow":[[' in literal
    assert "Legend" in literal


def test_every_class_that_places_or_hides_a_label_is_styled(dataset: Dataset) -> None:
    placing = set()
    for html in labels(build(dataset)).values():
        (classes,) = re.findall(r'<span class="island-label ?([^"]*)">', html)
        placing |= set(classes.split())
    assert placing == {"group-name", "islet-name", "beside", "below", "context"}
    for name in placing | {"island-label", "badge"}:
        assert f".{name}" in ISLANDS_STYLES, name


def test_every_script_and_stylesheet_is_served_by_the_app(dataset: Dataset) -> None:
    """What streamlit-folium loads: each element's default_js and default_css (and d3 for colour maps)."""
    elements = list(walk(build(dataset)))
    assert not [e for e in elements if isinstance(e, branca.colormap.ColorMap)]
    scripts = [url for e in elements for _, url in getattr(e, "default_js", [])]
    stylesheets = [url for e in elements for _, url in getattr(e, "default_css", [])]
    assert scripts == [LEAFLET_JS, ISLANDS_JS]  # in this order: islands.js calls Leaflet
    assert stylesheets == [LEAFLET_CSS, ISLANDS_CSS]  # in this order: islands.css overrides Leaflet's
    for link in scripts + stylesheets:
        assert (ROOT / "static" / link.removeprefix(STATIC_URL)).is_file()
    assert (ROOT / "static" / "leaflet" / "LICENSE").is_file()


def test_a_narrow_map_first_shows_the_highlighted_islands_too(dataset: Dataset) -> None:
    def narrow_view(**options) -> list[list[float]]:
        return json.loads(chrome(build(dataset, **options)).data_literal)["fitNarrow"]

    (urup,) = [f["geometry"] for f in dataset.geojson["features"] if f["properties"]["id"] == "urup"]
    urup_north = max(lat for ring in urup["coordinates"] for _, lat in ring)
    assert narrow_view()[1][0] < urup_north, "the disputed islands alone lie south of Urup's tip"
    assert narrow_view(highlighted=("urup",))[1][0] == urup_north
    assert narrow_view(highlighted=("kunashir",)) == narrow_view()


def test_the_rendered_header_asks_for_nothing_online(dataset: Dataset) -> None:
    island_map = build(dataset)
    island_map.get_root().render()
    header = island_map.get_root().header.render()
    assert not re.findall(r"(?:src|href)=\"?https?://", header)
    assert header.index(LEAFLET_JS) < header.index(ISLANDS_JS)


def test_openstreetmap_is_offered_hidden_with_its_attribution(dataset: Dataset) -> None:
    elements = list(walk(build(dataset)))
    (osm,) = [e for e in elements if isinstance(e, folium.TileLayer)]
    assert osm.layer_name == OSM_LAYER_NAME
    assert (osm.show, osm.overlay, osm.control) == (False, True, True)
    assert "OpenStreetMap" in osm.options["attribution"]
    assert [e for e in elements if isinstance(e, folium.LayerControl)]


def test_the_map_uses_no_template_literal_tooltips_or_popups(dataset: Dataset) -> None:
    elements = list(walk(build(dataset)))
    assert not [e for e in elements if isinstance(e, (folium.Tooltip, folium.Popup, folium.GeoJsonTooltip))]
    assert not [e for e in elements if isinstance(e, folium.GeoJsonPopup)]


HOSTILE = '<script>alert("x")</script>'


def test_text_from_the_data_is_escaped_everywhere_it_lands(dataset: Dataset) -> None:
    islands = dataset.islands.copy()
    kunashir = islands["id"] == "kunashir"
    islands.loc[kunashir, "name_en"] = HOSTILE
    islands.loc[kunashir, "name_ja_kanji"] = "<img src=x onerror=alert(1)>"
    islands.loc[kunashir, "claimed_by"] = "Japan"
    island_map = build(dataset, islands)

    tooltip, popup = tooltip_of(island_map, "kunashir"), popup_of(island_map, "kunashir")
    label = labels(island_map)["kunashir"]
    legend = map_legend_html(legend_entries(island_records(islands, dataset.geojson)))
    for html in (tooltip, popup):
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    for html in (label, legend):  # they show the short name, without bracketed variants
        assert "&lt;script&gt;alert&lt;/script&gt;" in html
    for html in (tooltip, popup, label, legend):
        assert "<script" not in html
        assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in tooltip


# Every tag and attribute the map's own HTML uses: text from the data adds none.
OWN_TAGS = {"a", "br", "details", "div", "em", "h4", "li", "p", "small", "span", "strong", "summary", "table"}
OWN_TAGS |= {"td", "th", "tr", "ul"}
OWN_ATTRIBUTES = {"class", "href", "lang", "open", "rel", "style", "target"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in _strings(item)] if isinstance(value, list) else []


def test_the_hostile_dataset_s_map_sends_only_its_own_tags(hostile_dir: Path) -> None:
    """Every attack of tests/hostile.py in every text: the script st_folium sends holds no tag, attribute
    or template tag from the data, and the HTML islands.js builds from it only the map's own."""
    hostile = read_dataset(hostile_dir).dataset
    assert hostile is not None
    island_map = build(hostile, selected="habomai", highlighted=("iturup", "habomai"))
    sent = streamlit_folium._get_map_string(island_map)
    assert not re.search(r"</script|<!--|\{\{|\{%", sent, flags=re.IGNORECASE)
    literals = re.findall(r"KurilsMap\.\w+\(\w+, (.*)\);", sent)
    assert len(literals) == 5  # the rings, the islands, the selection, the labels, the chrome
    parser = _Tags()
    for text in _strings([json.loads(literal) for literal in literals]):
        parser.feed(text)
    assert parser.tags <= OWN_TAGS and parser.attributes <= OWN_ATTRIBUTES
    assert "kurilsPwned" in sent  # the attacks are there, as text


# Jinja that would print EVALUATED and LOOP1, and could run Python on the server, if it were ever
# rendered as a template.
JINJA_PAYLOAD = "{{ 'EVAL' ~ 'UATED' }} {% for n in [1] %}LOOP{{ n }}{% endfor %} {# comment #}"
JINJA_OUTPUT = ("EVALUATED", "LOOP1")


@pytest.mark.parametrize(
    "options", [{}, {"compact": True, "selected": "kunashir"}, {"compact": True, "highlighted": ("habomai",)}]
)
def test_jinja_in_the_data_is_never_run(dataset: Dataset, options: dict) -> None:
    """branca renders each folium script, then compiles the result as a Jinja template once more."""
    assert all(output in jinja2.Template(JINJA_PAYLOAD).render() for output in JINJA_OUTPUT)  # the payload is live
    islands, events, statements = dataset.islands.copy(), dataset.events.copy(), dataset.statements.copy()
    islands[["name_en", "name_ja", "name_ru"]] = JINJA_PAYLOAD
    events[["title", "description"]] = JINJA_PAYLOAD
    statements[["speaker", "role", "quote"]] = JINJA_PAYLOAD
    hostile = replace(dataset, islands=islands, events=events, statements=statements)
    island_map = build_island_map(hostile, events, statements, **options)
    rendered = island_map.get_root().render()
    assert not [output for output in JINJA_OUTPUT if output in rendered]
    assert "UATED" in rendered and "LOOP" in rendered  # the text is there, shown, not run
    sent = streamlit_folium._get_map_string(island_map)  # what st_folium sends: each element's script
    assert not [output for output in JINJA_OUTPUT if output in sent]
    assert "UATED" in sent and "LOOP" in sent


def test_the_clicked_island_comes_from_the_feature_st_folium_returns() -> None:
    ids = ["kunashir", "shikotan"]
    state = {"last_active_drawing": {"type": "Feature", "properties": {"id": "shikotan"}, "geometry": {}}}
    assert clicked_island_id(state, ids) == "shikotan"
    assert clicked_island_id({"last_active_drawing": {"properties": {"id": "hokkaido_east"}}}, ids) is None
    assert clicked_island_id({"last_active_drawing": None}, ids) is None
    assert clicked_island_id(None, ids) is None
