"""The islands' GeoJSON geometry: a clipped shape's coast, and the box around shapes."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any


def coast_lines(geometry: Mapping[str, Any]) -> dict[str, Any]:
    """The outline of a clipped shape without the cut, as a MultiLineString: segments lying along one
    side of the shape's own bounding box are the clip box's straight edges, not coast."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    rings = [ring for polygon in polygons for ring in polygon]
    sides_lon = {min(lon for ring in rings for lon, _ in ring), max(lon for ring in rings for lon, _ in ring)}
    sides_lat = {min(lat for ring in rings for _, lat in ring), max(lat for ring in rings for _, lat in ring)}
    lines = []
    for ring in rings:
        run = [ring[0]]
        for start, end in itertools.pairwise(ring):
            along_cut = (start[0] == end[0] and start[0] in sides_lon) or (start[1] == end[1] and start[1] in sides_lat)
            if along_cut:
                if len(run) > 1:
                    lines.append(run)
                run = [end]
            else:
                run.append(end)
        if len(run) > 1:
            lines.append(run)
    return {"type": "MultiLineString", "coordinates": lines}


def lon_lats(coordinates: Any) -> list[tuple[float, float]]:
    """Every (lon, lat) of GeoJSON coordinates, however deeply nested."""
    if isinstance(coordinates[0], (int, float)):
        return [(coordinates[0], coordinates[1])]
    return [position for item in coordinates for position in lon_lats(item)]


def bounds(geometries: Iterable[Mapping[str, Any]]) -> list[list[float]]:
    """[[south, west], [north, east]] around every geometry."""
    positions = [position for geometry in geometries for position in lon_lats(geometry["coordinates"])]
    lats = [lat for _, lat in positions]
    lons = [lon for lon, _ in positions]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]
