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

from lib.i18n import ENGLISH, use_language
from lib.model.load import Dataset, read_dataset
from lib.views.islands import island_records
from lib.views.map.build import OSM_LAYER_NAME, build_island_map, clicked_island_id
from lib.views.map.leaflet import ISLANDS_CSS, LEAFLET_CSS, LEAFLET_JS, STATIC_URL
from lib.views.map.legend import legend_entries, map_legend_html
from lib.views.theme import MAP_SEA_COLOUR
from tests.conftest import ROOT
from tests.views.map_parts import (
    build,
    chrome,
    drawn,
    island_shapes,
    labels,
    popup_of,
    sent_script,
    tooltip_of,
    walk,
)

ISLANDS_SCRIPT = (ROOT / "static" / "map" / "islands.js").read_text(encoding="utf-8")
LEAFLET_SCRIPT = (ROOT / "static" / "leaflet" / "leaflet.js").read_text(encoding="utf-8")
ISLANDS_STYLES = (ROOT / "static" / "map" / "islands.css").read_text(encoding="utf-8")


def test_the_map_is_a_few_layers_not_an_element_per_island(dataset: Dataset) -> None:
    """branca compiles every element's output again as a template: the map must not grow with the islands."""
    elements = list(walk(build(dataset, selected="habomai", highlighted=("iturup",))))
    assert len(elements) <= 15
    # The rings, the islands, the clipped coasts, the names, the selection.
    assert len([e for e in elements if isinstance(e, folium.GeoJson)]) == 5
    assert not [e for e in elements if isinstance(e, (folium.Marker, folium.DivIcon))]  # names are one layer


def test_the_script_st_folium_sends_calls_only_what_islands_js_defines(dataset: Dataset) -> None:
    sent = sent_script(build(dataset, selected="habomai"))
    called = re.findall(r"KurilsMap\.(\w+)\(", sent)
    assert called == ["addChrome"]
    (exported,) = re.findall(r"window\.KurilsMap = \{(.*)\};", ISLANDS_SCRIPT)
    defined = dict(pair.split(": ") for pair in exported.split(", "))
    assert set(called) == set(defined)
    for function in defined.values():
        assert f"function {function}(" in ISLANDS_SCRIPT


def test_islands_js_travels_whole_in_the_map_s_script_before_its_call(dataset: Dataset) -> None:
    """Sent, not linked (one script fewer to load in turn), and left whole by branca's second Jinja pass."""
    sent = sent_script(build(dataset))
    assert sent.index(ISLANDS_SCRIPT) < sent.index("KurilsMap.addChrome(")
    assert sent.count("window.KurilsMap = ") == 1


def chrome_options(sent: str) -> dict:
    (literal,) = re.findall(r"KurilsMap\.addChrome\(\w+, (.*)\);", sent)
    return json.loads(literal)


def test_the_sea_and_the_first_view_reach_islands_js_as_data(dataset: Dataset) -> None:
    options = chrome_options(sent_script(build(dataset)))
    assert options["seaColour"] == MAP_SEA_COLOUR
    assert len(options["fit"]) == 2 and len(options["fitNarrow"]) == 2
    assert "Legend" in options["legend"]


def test_leaflet_s_own_words_reach_islands_js_in_english_as_leaflet_has_them(dataset: Dataset) -> None:
    for word in chrome_options(sent_script(build(dataset)))["words"].values():
        assert f'"{word}"' in LEAFLET_SCRIPT, word


def test_in_russian_leaflet_s_words_are_russian(dataset: Dataset) -> None:
    use_language("ru")
    try:
        words = chrome_options(sent_script(build(dataset)))["words"]
    finally:
        use_language(ENGLISH)
    assert words and all(re.search("[\u0400-\u04ff]", word) for word in words.values()), words


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
    assert scripts == [LEAFLET_JS]  # islands.js travels in the map's script
    assert stylesheets == [LEAFLET_CSS, ISLANDS_CSS]  # in this order: islands.css overrides Leaflet's
    for link in scripts + stylesheets:
        assert (ROOT / "static" / link.removeprefix(STATIC_URL)).is_file()
    assert (ROOT / "static" / "leaflet" / "LICENSE").is_file()


def test_a_narrow_map_first_shows_the_highlighted_islands_too(dataset: Dataset) -> None:
    def narrow_view(**options) -> list[list[float]]:
        return chrome(build(dataset, **options)).options["fitNarrow"]

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
    assert LEAFLET_JS in header and "islands.js" not in header


def test_openstreetmap_is_offered_hidden_with_its_attribution(dataset: Dataset) -> None:
    elements = list(walk(build(dataset)))
    (osm,) = [e for e in elements if isinstance(e, folium.TileLayer)]
    assert osm.layer_name == OSM_LAYER_NAME
    assert (osm.show, osm.overlay, osm.control) == (False, True, True)
    assert "OpenStreetMap" in osm.options["attribution"]
    assert [e for e in elements if isinstance(e, folium.LayerControl)]


def test_the_map_uses_no_template_literal_tooltips_or_popups(dataset: Dataset) -> None:
    """folium's Tooltip and Popup put their HTML in a JavaScript `template literal`, where ${...} runs;
    GeoJsonTooltip and GeoJsonPopup read it from the feature's properties when they open."""
    elements = list(walk(build(dataset)))
    assert not [e for e in elements if isinstance(e, (folium.Tooltip, folium.Popup))]
    assert [e for e in elements if isinstance(e, folium.GeoJsonTooltip)]
    assert [e for e in elements if isinstance(e, folium.GeoJsonPopup)]


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
OWN_TAGS = {"a", "br", "details", "div", "em", "li", "p", "small", "span", "strong", "summary", "table"}
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


def test_the_hostile_dataset_s_map_sends_only_its_own_tags(hostile_dir: Path) -> None:
    """Every attack of tests/hostile.py in every text: the script st_folium sends holds no tag, attribute
    or template tag from the data, and the HTML that tooltips, popups, names and legend show only the
    map's own."""
    hostile = read_dataset(hostile_dir).dataset
    assert hostile is not None
    island_map = build(hostile, selected="habomai", highlighted=("iturup", "habomai"))
    sent = sent_script(island_map)
    assert not re.search(r"</script|<!--|\{\{|\{%", sent, flags=re.IGNORECASE)
    # Text in a property (braces as entities, & as JSON writes it in a script), never a template literal's code.
    assert "$\\u0026#123;alert(1)\\u0026#125;" in sent
    shown = [chrome_options(sent)["legend"], *labels(island_map).values()]
    for shape in drawn(island_shapes(island_map)):
        shown += [shape.tooltip, shape.popup or ""]
    parser = _Tags()
    for text in shown:
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
    sent = sent_script(island_map)  # what st_folium sends: each element's script
    assert not [output for output in JINJA_OUTPUT if output in sent]
    assert "UATED" in sent and "LOOP" in sent


def test_the_clicked_island_comes_from_the_feature_st_folium_returns() -> None:
    ids = ["kunashir", "shikotan"]
    state = {"last_active_drawing": {"type": "Feature", "properties": {"id": "shikotan"}, "geometry": {}}}
    assert clicked_island_id(state, ids) == "shikotan"
    assert clicked_island_id({"last_active_drawing": {"properties": {"id": "hokkaido_east"}}}, ids) is None
    assert clicked_island_id({"last_active_drawing": None}, ids) is None
    assert clicked_island_id(None, ids) is None
