"""The parts of a built islands map, found by walking its folium elements: what each test reads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import branca
import folium
import pandas as pd
import streamlit_folium

from lib.model.dataset import Dataset
from lib.views.map.build import build_island_map
from lib.views.map.leaflet import MapChrome, Shape


def build(dataset: Dataset, islands: pd.DataFrame | None = None, **options) -> folium.Map:
    """The map of the whole dataset (or of other islands), as the pages build it."""
    mapped = dataset if islands is None else replace(dataset, islands=islands)
    return build_island_map(mapped, mapped.events, mapped.statements, **options)


def walk(element: branca.element.Element) -> Iterator[branca.element.Element]:
    yield element
    for child in element._children.values():
        yield from walk(child)


def sent_script(island_map: folium.Map) -> str:
    """The script st_folium sends: it renders the map (folium computes the styles then), then takes
    each element's script."""
    island_map.render()
    return streamlit_folium._get_map_string(island_map)


def geojson_layers(element: branca.element.Element) -> list[folium.GeoJson]:
    return [found for found in walk(element) if isinstance(found, folium.GeoJson)]


def drawn(layer: folium.GeoJson) -> list[Shape]:
    """The layer's features as Leaflet draws them: each with its style, and an island's hover style,
    tooltip and popup (decorations have none)."""
    shapes = []
    for feature in layer.data["features"]:
        properties = feature["properties"]
        hover = layer.highlight_function(feature) if layer.highlight else None
        tooltip, popup = properties.get("tooltip", ""), properties.get("popup")
        shapes.append(Shape(feature, layer.style_function(feature), hover, tooltip, popup))
    return shapes


def island_shapes(island_map: folium.Map) -> folium.GeoJson:
    """The layer of the islands, the one with popups (the outlines and names are others)."""
    (layer,) = [
        layer
        for layer in geojson_layers(island_map)
        if any(isinstance(child, folium.GeoJsonPopup) for child in layer._children.values())
    ]
    return layer


def clickable(island_map: folium.Map) -> dict[str, list[Shape]]:
    """The clickable island shapes by island id."""
    found: dict[str, list[Shape]] = {}
    for shape in drawn(island_shapes(island_map)):
        found.setdefault(shape.island_id, []).append(shape)
    return found


def outlines(element: branca.element.Element) -> list[Shape]:
    """The decorations drawn in the element (clipped coasts, rings, the selection's outline), in order."""
    return [
        shape
        for layer in geojson_layers(element)
        if isinstance(layer.marker, folium.CircleMarker) and not layer.highlight
        for shape in drawn(layer)
    ]


def tooltip_of(island_map: folium.Map, island: str) -> str:
    (shape,) = clickable(island_map)[island]
    return shape.tooltip


def popup_of(island_map: folium.Map, island: str) -> str:
    (shape,) = clickable(island_map)[island]
    return shape.popup or ""


def style_of(island_map: folium.Map, island: str) -> dict:
    (shape,) = clickable(island_map)[island]
    return shape.style


def labels(island_map: folium.Map) -> dict[str, str]:
    """Label html by island id (read from the icon's label-<id> class)."""
    found = {}
    for layer in geojson_layers(island_map):
        if type(layer.marker) is folium.Marker:  # a CircleMarker is a Marker too
            for feature in layer.data["features"]:
                icon = layer.style_function(feature)
                island = re.search(r"(?:^|\s)label-(\S+)", icon["className"]).group(1)
                found[island] = icon["html"]
    return found


def chrome(island_map: folium.Map) -> MapChrome:
    (found,) = [element for element in walk(island_map) if isinstance(element, MapChrome)]
    return found
