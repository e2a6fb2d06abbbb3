"""lib.views.island_map: the folium map as an object, before any browser sees it."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from urllib.parse import urljoin

import branca
import folium
import jinja2
import pandas as pd
import pytest
import streamlit_folium

from lib.model.filters import Filters, filter_events, filter_statements, island_groups
from lib.model.load import Dataset
from lib.views.island_map import (
    LEAFLET_CSS,
    LEAFLET_JS,
    OSM_LAYER_NAME,
    POPUP_LIST_LIMIT,
    STATIC_URL,
    Labels,
    MapChrome,
    Popup,
    Shape,
    Shapes,
    build_island_map,
    clicked_island_id,
    coast_lines,
    legend_entries,
    legend_html,
    legend_text,
    popup_index,
    script_json,
    selection_layer,
    short_name,
)
from lib.views.islands import CLAIMED, PROMISED_1956, UNCONTESTED, island_records
from lib.views.theme import COUNTRY_COLOURS, ISLAND_STATUS_STYLES
from tests.conftest import ROOT

ARTICLE_URL = "https://tass.com/world/1014523"  # sources.csv, tass-2018-07-23


def build(dataset: Dataset, islands: pd.DataFrame | None = None, **options) -> folium.Map:
    return build_island_map(
        dataset.islands if islands is None else islands,
        dataset.geojson,
        dataset.events,
        dataset.statements,
        sources=dataset.sources,
        **options,
    )


def walk(element: branca.element.Element) -> Iterator[branca.element.Element]:
    yield element
    for child in element._children.values():
        yield from walk(child)


def island_shapes(island_map: folium.Map) -> Shapes:
    """The element that draws the islands (the selection's outlines are another)."""
    (shapes,) = [
        element
        for element in walk(island_map)
        if isinstance(element, Shapes) and any(shape.popup for shape in element.shapes)
    ]
    return shapes


def clickable(island_map: folium.Map) -> dict[str, list[Shape]]:
    """The clickable island shapes by island id (decorations carry no id and no popup)."""
    found: dict[str, list[Shape]] = {}
    for shape in island_shapes(island_map).shapes:
        if shape.popup is not None:
            found.setdefault(shape.island_id, []).append(shape)
    return found


def tooltip_of(island_map: folium.Map, island: str) -> str:
    (shape,) = clickable(island_map)[island]
    return shape.tooltip


def popup_of(island_map: folium.Map, island: str) -> str:
    return island_shapes(island_map).popup_html(island)


def style_of(island_map: folium.Map, island: str) -> dict:
    (shape,) = clickable(island_map)[island]
    return shape.style


def labels(island_map: folium.Map) -> dict[str, str]:
    """Label html by island id (read from the icon's label-<id> class)."""
    found = {}
    for element in walk(island_map):
        if isinstance(element, Labels):
            for label in element.labels:
                island = re.search(r"(?:^|\s)label-(\S+)", label.class_name).group(1)
                found[island] = label.html
    return found


def test_one_clickable_shape_per_feature_of_the_geojson(dataset: Dataset) -> None:
    layers = clickable(build(dataset))
    feature_ids = [feature["properties"]["id"] for feature in dataset.geojson["features"]]
    assert sorted(layers) == sorted(feature_ids)
    assert all(len(found) == 1 for found in layers.values())
    points = {island for island, (shape,) in layers.items() if shape.feature["geometry"]["type"] == "Point"}
    assert points == {"habomai_anuchina", "habomai_dyomin", "habomai_oskolki", "habomai_signalny"}
    # Only the id travels back from a click.
    assert all(shape.feature["properties"] == {"id": island} for island, (shape,) in layers.items())


def test_each_status_has_its_own_style(dataset: Dataset) -> None:
    island_map = build(dataset)
    for island, status in [("iturup", CLAIMED), ("kunashir", CLAIMED), ("shikotan", PROMISED_1956)]:
        style = style_of(island_map, island)
        expected = ISLAND_STATUS_STYLES[status]
        assert (style["fillColor"], style["color"], style["dashArray"]) == (
            expected["fillColor"],
            expected["color"],
            expected["dashArray"],
        )
        assert style["className"] == "island-shape"
    assert style_of(island_map, "habomai_dyomin")["fillColor"] == ISLAND_STATUS_STYLES[PROMISED_1956]["fillColor"]
    urup = style_of(island_map, "urup")
    assert urup["fillColor"] == ISLAND_STATUS_STYLES[UNCONTESTED]["fillColor"]
    assert urup["color"] == COUNTRY_COLOURS["Russia"]
    assert style_of(island_map, "hokkaido_east")["stroke"] is False  # its coast is drawn without the cut
    coasts = [shape for shape in island_shapes(island_map).shapes if shape.popup is None]
    assert [coast.feature["geometry"]["type"] for coast in coasts] == ["MultiLineString"]
    assert coasts[0].style["interactive"] is False


def test_shapes_are_drawn_from_one_literal_each_not_an_element_per_island(dataset: Dataset) -> None:
    """branca compiles every element's output again as a template: the map must not grow with the islands."""
    elements = list(walk(build(dataset, selected="habomai")))
    assert len(elements) <= 12
    assert not [e for e in elements if isinstance(e, (folium.GeoJson, folium.Marker, folium.DivIcon))]


def test_the_three_statuses_look_different() -> None:
    looks = {status: (style["fillColor"], style.get("dashArray")) for status, style in ISLAND_STATUS_STYLES.items()}
    assert len(set(looks.values())) == len(looks)
    assert ISLAND_STATUS_STYLES[CLAIMED].get("dashArray")  # the claim shows without colour too
    assert not ISLAND_STATUS_STYLES[UNCONTESTED].get("dashArray")


def test_every_island_is_labelled_and_the_1956_ones_say_so(dataset: Dataset) -> None:
    found = labels(build(dataset))
    feature_ids = {feature["properties"]["id"] for feature in dataset.geojson["features"]}
    assert set(found) == feature_ids | {"habomai"}
    assert ">Kunashir<" in found["kunashir"]
    assert ">Zeleny Island<" in found["habomai_zeleny"]
    promised = {island for island, html in found.items() if "promised in 1956" in html}
    assert promised == {"shikotan", "habomai"}  # islet names show only zoomed in, under the group's
    assert "islet-name" in found["habomai_yuri"]
    assert "group-name" in found["habomai"]


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
    index = popup_index(dataset.islands, dataset.events, dataset.statements)
    indexed = build_island_map(
        dataset.islands, dataset.geojson, events, statements, sources=dataset.sources, index=index
    )
    alone = build_island_map(dataset.islands, dataset.geojson, events, statements, sources=dataset.sources)
    assert sorted(clickable(indexed)) == sorted(clickable(alone))
    for island in clickable(alone):
        assert popup_of(indexed, island) == popup_of(alone, island)
    assert len(events) < len(dataset.events) or filters.country is None


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
    legend = legend_html(legend_entries(island_records(islands, dataset.geojson)))
    for html in (tooltip, popup):
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    for html in (label, legend):  # they show the short name, without bracketed variants
        assert "&lt;script&gt;alert&lt;/script&gt;" in html
    for html in (tooltip, popup, label, legend):
        assert "<script" not in html
        assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in tooltip


# Jinja that would print EVALUATED and LOOP1, and could run Python on the server, if it were ever
# rendered as a template.
JINJA_PAYLOAD = "{{ 'EVAL' ~ 'UATED' }} {% for n in [1] %}LOOP{{ n }}{% endfor %} {# comment #}"
JINJA_OUTPUT = ("EVALUATED", "LOOP1")


def test_jinja_in_the_data_is_never_run(dataset: Dataset) -> None:
    """branca renders each folium script, then compiles the result as a Jinja template once more."""
    assert all(output in jinja2.Template(JINJA_PAYLOAD).render() for output in JINJA_OUTPUT)  # the payload is live
    islands, events, statements = dataset.islands.copy(), dataset.events.copy(), dataset.statements.copy()
    islands[["name_en", "name_ja", "name_ru"]] = JINJA_PAYLOAD
    events[["title", "description"]] = JINJA_PAYLOAD
    statements[["speaker", "role", "quote"]] = JINJA_PAYLOAD
    for options in ({}, {"compact": True, "selected": "kunashir"}):
        island_map = build_island_map(islands, dataset.geojson, events, statements, sources=dataset.sources, **options)
        rendered = island_map.get_root().render()
        assert not [output for output in JINJA_OUTPUT if output in rendered]
        assert "UATED" in rendered and "LOOP" in rendered  # the text is there, shown, not run
        sent = streamlit_folium._get_map_string(island_map)  # what st_folium sends: each element's script
        assert not [output for output in JINJA_OUTPUT if output in sent]
        assert "UATED" in sent and "LOOP" in sent


ATTACKS = [
    "${alert(1)}` </script><b>x</b>",
    "{{ 7 * 7 }} {% raw %} {# x #} {{",
    'it\'s "quoted" & <!-- a comment --> \u2028 \\ end',
]


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
    assert shapes.data_literal in script
    data = json.loads(shapes.data_literal)
    assert data["shapes"][0]["tooltip"] == html
    assert data["items"] == [html]
    assert "</script><b>" not in script
    assert shapes.popup_html("x") == html + html


def test_the_map_uses_no_template_literal_tooltips_or_popups(dataset: Dataset) -> None:
    elements = list(walk(build(dataset)))
    assert not [e for e in elements if isinstance(e, (folium.Tooltip, folium.Popup, folium.GeoJsonTooltip))]
    assert not [e for e in elements if isinstance(e, folium.GeoJsonPopup)]


def test_every_script_and_stylesheet_is_served_by_the_app(dataset: Dataset) -> None:
    """What streamlit-folium loads: each element's default_js and default_css (and d3 for colour maps)."""
    elements = list(walk(build(dataset)))
    assert not [e for e in elements if isinstance(e, branca.colormap.ColorMap)]
    links = [url for e in elements for _, url in getattr(e, "default_js", []) + getattr(e, "default_css", [])]
    assert set(links) == {LEAFLET_JS, LEAFLET_CSS}
    for link in links:
        assert (ROOT / "static" / link.removeprefix(STATIC_URL)).is_file()
    assert (ROOT / "static" / "leaflet" / "LICENSE").is_file()


def test_the_static_files_are_found_from_the_component_page() -> None:
    component = f"http://127.0.0.1:8501/base/component/{streamlit_folium._component_func.name}/index.html"
    assert urljoin(component, LEAFLET_JS) == "http://127.0.0.1:8501/base/app/static/leaflet/leaflet.js"


def test_the_rendered_header_asks_for_nothing_online(dataset: Dataset) -> None:
    island_map = build(dataset)
    island_map.get_root().render()
    header = island_map.get_root().header.render()
    assert not re.findall(r"(?:src|href)=\"?https?://", header)


def test_openstreetmap_is_offered_hidden_with_its_attribution(dataset: Dataset) -> None:
    elements = list(walk(build(dataset)))
    (osm,) = [e for e in elements if isinstance(e, folium.TileLayer)]
    assert osm.layer_name == OSM_LAYER_NAME
    assert (osm.show, osm.overlay, osm.control) == (False, True, True)
    assert "OpenStreetMap" in osm.options["attribution"]
    assert [e for e in elements if isinstance(e, folium.LayerControl)]


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
    assert '<details class="island-legend" open>' in legend_html(entries)
    assert '<details class="island-legend">' in legend_html(entries, compact=True)


def test_the_selected_island_is_outlined(dataset: Dataset) -> None:
    def outlines(selected: str | None) -> list[Shape]:
        layer = selection_layer(dataset.islands, dataset.geojson, selected)
        return [shape for element in walk(layer) if isinstance(element, Shapes) for shape in element.shapes]

    assert outlines(None) == []
    assert len(outlines("iturup")) == 1
    assert len(outlines("habomai")) == 8  # every member: four polygons and four points
    assert all(shape.style["interactive"] is False for shape in outlines("habomai"))  # clicks pass through
    assert all(shape.popup is None for shape in outlines("habomai"))
    island_map = build(dataset, selected="shikotan")
    (selection,) = [
        e for e in walk(island_map) if isinstance(e, folium.FeatureGroup) and e.layer_name == "Selected island"
    ]
    ((shapes,),) = [[child for child in selection._children.values() if isinstance(child, Shapes)]]
    assert [shape.style["className"] for shape in shapes.shapes] == ["selected-outline"]


def test_the_clicked_island_comes_from_the_feature_st_folium_returns() -> None:
    ids = ["kunashir", "shikotan"]
    state = {"last_active_drawing": {"type": "Feature", "properties": {"id": "shikotan"}, "geometry": {}}}
    assert clicked_island_id(state, ids) == "shikotan"
    assert clicked_island_id({"last_active_drawing": {"properties": {"id": "hokkaido_east"}}}, ids) is None
    assert clicked_island_id({"last_active_drawing": None}, ids) is None
    assert clicked_island_id(None, ids) is None


def test_coast_lines_leave_out_the_straight_edges_of_the_cut() -> None:
    cut_square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0.5, 1.2], [0, 1], [0, 0]]]}
    assert coast_lines(cut_square) == {"type": "MultiLineString", "coordinates": [[[1, 1], [0.5, 1.2], [0, 1]]]}


def test_hokkaido_s_coast_has_no_segment_on_the_145th_meridian(dataset: Dataset) -> None:
    (hokkaido,) = [f for f in dataset.geojson["features"] if f["properties"]["id"] == "hokkaido_east"]
    lines = coast_lines(hokkaido["geometry"])["coordinates"]
    assert lines
    for line in lines:
        for start, end in itertools.pairwise(line):
            assert not (start[0] == end[0] == 145.0)


def test_short_name_drops_bracketed_variants() -> None:
    assert short_name("Zeleny (Zelyony) Island") == "Zeleny Island"
    assert short_name("Hokkaido (eastern coast: Shiretoko and Nemuro peninsulas)") == "Hokkaido"
    assert short_name("Iturup") == "Iturup"


def test_compact_folds_the_legend(dataset: Dataset) -> None:
    def legend(island_map: folium.Map) -> str:
        (chrome,) = [e for e in walk(island_map) if isinstance(e, MapChrome)]
        return chrome.legend

    assert " open>" in legend(build(dataset))
    assert " open>" not in legend(build(dataset, compact=True))
