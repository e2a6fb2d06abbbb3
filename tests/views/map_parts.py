"""The parts of a built islands map, found by walking its folium elements: what each test reads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import branca
import folium
import pandas as pd

from lib.model.dataset import Dataset
from lib.views.map.build import build_island_map
from lib.views.map.leaflet import IslandLabels, MapChrome, Shape, Shapes


def build(dataset: Dataset, islands: pd.DataFrame | None = None, **options) -> folium.Map:
    """The map of the whole dataset (or of other islands), as the pages build it."""
    mapped = dataset if islands is None else replace(dataset, islands=islands)
    return build_island_map(mapped, mapped.events, mapped.statements, **options)


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
        if isinstance(element, IslandLabels):
            for label in element.labels:
                island = re.search(r"(?:^|\s)label-(\S+)", label.class_name).group(1)
                found[island] = label.html
    return found


def chrome(island_map: folium.Map) -> MapChrome:
    (found,) = [element for element in walk(island_map) if isinstance(element, MapChrome)]
    return found
