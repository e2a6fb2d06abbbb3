"""The islands as Leaflet shapes, styled by status, and the outlines over or beneath them that clicks pass through."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from lib.views.islands import UNCONTESTED, Island, part_of
from lib.views.map.geometry import coast_lines
from lib.views.map.leaflet import POINT_RADIUS, Shape
from lib.views.map.popups import PopupLists, island_popup, names_html
from lib.views.theme import (
    COUNTRY_COLOURS,
    ISLAND_STATUS_STYLES,
    MAP_HIGHLIGHT_STYLE,
    MAP_SELECTED_COLOUR,
    NEUTRAL_COLOUR,
)

ISLAND_HOVER = {"weight": 3, "fillOpacity": 1.0}
# A clipped shape has no outline of its own (its coast is drawn over it), so hovering only fills it.
CLIPPED_HOVER = {"fillOpacity": 1.0}


def island_style(island: Island) -> dict[str, str | float]:
    """Leaflet path options for the island's status; land outside the dispute in its administrator's colour."""
    style = dict(ISLAND_STATUS_STYLES[island.status])
    if island.status == UNCONTESTED:
        style["color"] = COUNTRY_COLOURS.get(island.administered_by, NEUTRAL_COLOUR)
    return style


def decoration(geometry: Mapping[str, Any], style: Mapping[str, Any], radius: float = POINT_RADIUS) -> Shape:
    """A shape that clicks and hovers pass through (`radius`: a point's)."""
    return Shape(
        {"type": "Feature", "properties": {}, "geometry": geometry}, {**style, "radius": radius, "interactive": False}
    )


def _island_shape(island: Island, lists: PopupLists, group_name: str, lists_below: bool) -> list[Shape]:
    """The island's clickable shape; for a clipped one, its coast too, without the cut's straight edges."""
    style = {**island_style(island), "className": "island-shape"}
    # Only the id travels: streamlit-folium hands the clicked feature back, and the id names it.
    feature = {"type": "Feature", "properties": {"id": island.id}, "geometry": island.geometry}
    shape = Shape(
        feature,
        {**style, "stroke": False} if island.clipped else style,
        hover=CLIPPED_HOVER if island.clipped else ISLAND_HOVER,
        tooltip=names_html(island),
        popup=island_popup(island, lists, group_name, lists_below),
    )
    if not island.clipped:
        return [shape]
    return [shape, decoration(coast_lines(island.geometry), {"color": style["color"], "weight": style["weight"]})]


def island_shapes(islands_on_map: Iterable[Island], lists: PopupLists, lists_below: bool = False) -> list[Shape]:
    """Every island drawn, context first and points last: smaller shapes stay on top and clickable."""
    on_map = list(islands_on_map)
    by_id = {island.id: island for island in on_map}
    drawn = sorted(
        (island for island in on_map if island.geometry is not None),
        key=lambda island: (island.status != UNCONTESTED, island.is_point),
    )
    return [shape for island in drawn for shape in _island_shape(island, lists, part_of(island, by_id), lists_below)]


def selection_outlines(islands: Iterable[Island]) -> list[Shape]:
    """A thick outline around each of the islands, for the selection."""
    style = {"color": MAP_SELECTED_COLOUR, "fill": False, "className": "selected-outline"}
    return [
        decoration(island.geometry, {**style, "weight": 3 if island.is_point else 4}, radius=POINT_RADIUS + 4)
        for island in islands
        if island.geometry is not None
    ]


def highlight_rings(islands: Iterable[Island]) -> list[Shape]:
    """A wide ring along each island's coast, to draw beneath the islands: its outer half is a halo."""
    return [
        decoration(island.geometry, {**MAP_HIGHLIGHT_STYLE, "fill": False, "className": "highlight-ring"})
        for island in islands
        if island.geometry is not None
    ]
