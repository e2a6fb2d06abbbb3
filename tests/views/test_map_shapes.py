"""lib.views.map.shapes: one clickable shape per island, styled by status, and outlines over them."""

from __future__ import annotations

import folium

from lib.model.load import Dataset
from lib.views.islands import CLAIMED, PROMISED_1956, UNCONTESTED
from lib.views.map.build import selection_layer
from lib.views.map.leaflet import Shape
from lib.views.theme import COUNTRY_COLOURS, ISLAND_STATUS_STYLES, MAP_HIGHLIGHT_STYLE, MAP_SELECTED_COLOUR
from tests.views.map_parts import (
    build,
    clickable,
    drawn,
    geojson_layers,
    island_shapes,
    outlines,
    style_of,
    walk,
)


def test_one_clickable_shape_per_feature_of_the_geojson(dataset: Dataset) -> None:
    layers = clickable(build(dataset))
    feature_ids = [feature["properties"]["id"] for feature in dataset.geojson["features"]]
    assert sorted(layers) == sorted(feature_ids)
    assert all(len(found) == 1 for found in layers.values())
    points = {island for island, (shape,) in layers.items() if shape.feature["geometry"]["type"] == "Point"}
    assert points == {"habomai_anuchina", "habomai_dyomin", "habomai_oskolki", "habomai_signalny"}
    # A click returns the feature, whose id names the island.
    assert all(shape.island_id == island for island, (shape,) in layers.items())


def test_points_are_drawn_last_so_they_stay_on_top(dataset: Dataset) -> None:
    shapes = drawn(island_shapes(build(dataset)))
    kinds = [shape.feature["geometry"]["type"] == "Point" for shape in shapes]
    assert kinds == sorted(kinds)
    assert shapes[0].island_id in {"hokkaido_east", "urup"}  # context first, under the rest


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
    (islands,) = [e for e in walk(island_map) if isinstance(e, folium.FeatureGroup) and e.layer_name == "Islands"]
    coasts = outlines(islands)
    assert [coast.feature["geometry"]["type"] for coast in coasts] == ["MultiLineString"]
    assert coasts[0].style["interactive"] is False


def test_the_three_statuses_look_different() -> None:
    looks = {status: (style["fillColor"], style.get("dashArray")) for status, style in ISLAND_STATUS_STYLES.items()}
    assert len(set(looks.values())) == len(looks)
    assert ISLAND_STATUS_STYLES[CLAIMED].get("dashArray")  # the claim shows without colour too
    assert not ISLAND_STATUS_STYLES[UNCONTESTED].get("dashArray")


def test_the_selected_island_is_outlined(dataset: Dataset) -> None:
    def selected_outlines(selected: str | None) -> list[Shape]:
        return outlines(selection_layer(dataset, selected))

    assert selected_outlines(None) == []
    assert len(selected_outlines("iturup")) == 1
    habomai = selected_outlines("habomai")
    assert len(habomai) == 8  # every member: four polygons and four points
    assert all(shape.style["interactive"] is False for shape in habomai)  # clicks pass through
    assert all(shape.popup is None for shape in habomai)
    assert {shape.style["color"] for shape in habomai} == {MAP_SELECTED_COLOUR}
    island_map = build(dataset, selected="shikotan")
    (selection,) = [
        e for e in walk(island_map) if isinstance(e, folium.FeatureGroup) and e.layer_name == "Selected island"
    ]
    assert [shape.style["className"] for shape in outlines(selection)] == ["selected-outline"]


def rings(island_map: folium.Map) -> list[Shape]:
    """The highlight's rings, from the layer that holds them."""
    return [
        shape
        for element in walk(island_map)
        if isinstance(element, folium.FeatureGroup) and element.layer_name == "Highlighted islands"
        for shape in outlines(element)
    ]


def test_highlighted_islands_are_ringed_beneath_the_islands(dataset: Dataset) -> None:
    island_map = build(dataset, highlighted=("iturup", "habomai"))
    members = {island for island, group in dataset.island_groups.items() if group == "habomai" and island != "habomai"}
    geometries = {feature["properties"]["id"]: feature["geometry"] for feature in dataset.geojson["features"]}
    ringed = rings(island_map)
    assert sorted(map(str, (shape.feature["geometry"] for shape in ringed))) == sorted(
        str(geometries[island]) for island in {"iturup", *members}
    )
    assert all(shape.popup is None and shape.style["interactive"] is False for shape in ringed)
    assert {(shape.style["color"], shape.style["fill"]) for shape in ringed} == {(MAP_HIGHLIGHT_STYLE["color"], False)}
    # Drawn first, the rings lie beneath the islands: only their outer half shows.
    assert drawn(geojson_layers(island_map)[0]) == ringed


def test_nothing_is_ringed_unless_asked_and_unknown_ids_are_let_go(dataset: Dataset) -> None:
    assert rings(build(dataset)) == []
    assert rings(build(dataset, highlighted=("atlantis",))) == []
    assert len(rings(build(dataset, highlighted=("urup", "atlantis")))) == 1
