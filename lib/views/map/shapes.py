"""What the map draws: the islands as Leaflet shapes styled by status, the outlines over or beneath them
that clicks pass through, and the islands' names (islets give way to their group at the overview zoom;
static/map/islands.css says how)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from folium.utilities import get_bounds

from lib.i18n import _
from lib.views.html import html
from lib.views.islands import PROMISED_1956, UNCONTESTED, Island, part_of
from lib.views.map.leaflet import POINT_RADIUS, IslandLabel, Shape
from lib.views.map.popups import PopupCounts, island_popup, names_html
from lib.views.theme import (
    COUNTRY_COLOURS,
    ISLAND_STATUS_STYLES,
    MAP_HIGHLIGHT_STYLE,
    MAP_SELECTED_COLOUR,
    NEUTRAL_COLOUR,
)


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


def _island_shape(island: Island, counts: PopupCounts, group_name: str, lists_link: str) -> list[Shape]:
    """The island's clickable shape; for a clipped one, its coast too, without the straight edges of the cut."""
    style = {**island_style(island), "className": "island-shape"}
    # Only the id travels: streamlit-folium hands the clicked feature back, and the id names it.
    feature = {"type": "Feature", "properties": {"id": island.id}, "geometry": island.geometry}
    shape = Shape(
        feature,
        {**style, "stroke": False} if island.clipped else style,
        # A clipped shape has no outline of its own (its coast is drawn over it), so hovering only fills it.
        hover={"fillOpacity": 1.0} if island.clipped else {"weight": 3, "fillOpacity": 1.0},
        tooltip=names_html(island),
        popup=island_popup(island, counts, group_name, lists_link),
    )
    if not island.clipped:
        return [shape]
    return [shape, decoration(coast_lines(island.geometry), {"color": style["color"], "weight": style["weight"]})]


def island_shapes(
    islands_on_map: Iterable[Island], counts: PopupCounts, lists_links: Mapping[str, str] | None = None
) -> list[Shape]:
    """Every island drawn, context first and points last, so smaller shapes stay on top and clickable."""
    on_map = list(islands_on_map)
    by_id = {island.id: island for island in on_map}
    drawn = sorted(
        (island for island in on_map if island.geometry is not None),
        key=lambda island: (island.status != UNCONTESTED, island.is_point),
    )
    return [
        shape
        for island in drawn
        for shape in _island_shape(island, counts, part_of(island, by_id), (lists_links or {}).get(island.id, ""))
    ]


def selection_outlines(islands: Iterable[Island]) -> list[Shape]:
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
    ]


def coast_lines(geometry: Mapping[str, Any]) -> dict[str, Any]:
    """The outline of a clipped shape without the cut, as a MultiLineString: segments lying along one
    side of the shape's own bounding box are the clip box's straight edges, not coast."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    rings = [ring for polygon in polygons for ring in polygon]
    (south, west), (north, east) = get_bounds(rings, lonlat=True)
    runs = []
    for ring in rings:
        runs.append([ring[0]])
        for start, end in itertools.pairwise(ring):
            if (start[0] == end[0] and start[0] in (west, east)) or (start[1] == end[1] and start[1] in (south, north)):
                runs.append([end])
            else:
                runs[-1].append(end)
    return {"type": "MultiLineString", "coordinates": [run for run in runs if len(run) > 1]}


def bounds(geometries: Iterable[Mapping[str, Any]]) -> list[list[float]]:
    """[[south, west], [north, east]] around every geometry."""
    return get_bounds([geometry["coordinates"] for geometry in geometries], lonlat=True)


def short_name(name: str) -> str:
    """The name a map label shows: without its bracketed variants ("Zeleny (Zelyony) Island" -> "Zeleny Island")."""
    return re.sub(r"\s*\([^)]*\)", "", name).strip() or name


def _label_classes(island: Island, groups: Mapping[str, str]) -> list[str]:
    classes = []
    if island.kind == "island_group":
        classes.append("group-name")
    elif island.group != island.id and island.group in groups:
        classes.append("islet-name")
    if island.is_point:
        classes.append("beside")
    elif island.kind != "island_group" and (island.area_km2 or 0) < 500:  # km²: the name would cover the island
        classes.append("below")
    if island.status == UNCONTESTED:
        classes.append("context")
    return classes


def island_label(island: Island, groups: Mapping[str, str]) -> IslandLabel:
    """The island's name at its representative point, with "promised in 1956" under it (an islet's group's only)."""
    classes = _label_classes(island, groups)
    promised = island.status == PROMISED_1956 and "islet-name" not in classes
    badge = html('<small class="badge">{}</small>', _("promised in 1956")) if promised else ""
    label = html(
        '<span class="island-label {}"><span class="name">{}</span>{}</span>',
        " ".join(classes),
        short_name(island.name),
        badge,
    )
    return IslandLabel(island.id, island.lat, island.lon, label)


def island_labels(islands_on_map: Iterable[Island], groups: Mapping[str, str]) -> list[IslandLabel]:
    """A label for every island drawn, and for every group (its members are drawn)."""
    return [
        island_label(island, groups)
        for island in islands_on_map
        if island.geometry is not None or island.kind == "island_group"
    ]
