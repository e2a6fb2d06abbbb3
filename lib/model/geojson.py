"""islands.geojson checked like the CSVs: each value the app reads has its type and range, or a problem says so."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from lib.i18n import _
from lib.model.problems import Problem
from lib.model.schema import GEOJSON_FILE, ISLANDS, constraints

# Properties the map reads from a context feature (land islands.csv does not list, such as Hokkaido);
# its countries and its point are checked as the islands.csv columns they stand for.
CONTEXT_TEXT = ("name_en", "name_ja_romaji", "name_ja_kanji", "name_ru_latin", "name_ru_cyrillic", "feature_kind")
# A point feature stands for an islet too small to outline; its row's point must be this close (about 2 km).
POINT_TOLERANCE_DEGREES = 0.02


def is_context(feature: Mapping[str, Any]) -> bool:
    return str(feature["properties"].get("feature_kind", "")).startswith("context")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _shown(value: Any) -> str:
    return json.dumps(value)[:40]


def _position_problem(position: Any) -> str | None:
    if not isinstance(position, list) or len(position) < 2 or not all(_number(value) for value in position[:2]):
        return _("has {value} where a [longitude, latitude] pair of numbers belongs").format(value=_shown(position))
    lon, lat = position[:2]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        outside = _("has the position [{lon}, {lat}], outside longitude -180–180 and latitude -90–90")
        return outside.format(lon=lon, lat=lat)
    return None


def _ring_problem(ring: Any) -> str | None:
    if not isinstance(ring, list) or len(ring) < 4:
        return _("has a ring of fewer than four positions")
    unclosed = None if ring[0] == ring[-1] else _("has a ring whose last position is not its first")
    return next(filter(None, map(_position_problem, ring)), unclosed)


def _geometry_problem(geometry: Any) -> str | None:
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Point", "Polygon", "MultiPolygon"):
        return _("is not a Point, Polygon or MultiPolygon")
    if geometry["type"] == "Point":
        return _position_problem(geometry.get("coordinates"))
    coordinates = geometry.get("coordinates")
    rings = coordinates if isinstance(coordinates, list) else [None]
    if geometry["type"] == "MultiPolygon":
        rings = [ring for polygon in rings for ring in (polygon if isinstance(polygon, list) else [None])]
    return next(filter(None, map(_ring_problem, rings)), None)


def _context_problems(properties: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    for key in CONTEXT_TEXT:
        if not isinstance(properties.get(key, ""), str):
            yield f"properties.{key}", _("is {value}, not text").format(value=_shown(properties[key]))
    for key in ("administered_by", "claimed_by"):
        value, allowed = properties.get(key, ""), constraints(ISLANDS.field(key))["enum"]
        if value and value not in allowed:
            reason = _("is {value}; allowed values: {values}").format(value=_shown(value), values=", ".join(allowed))
            yield f"properties.{key}", reason
    for key, column in {"geom_centroid_lat": "lat", "geom_centroid_lon": "lon"}.items():
        value, rules = properties.get(key), constraints(ISLANDS.field(column))
        if not _number(value) or not rules["minimum"] <= value <= rules["maximum"]:
            reason = _("is {value}, not a number from {minimum} to {maximum}").format(value=_shown(value), **rules)
            yield f"properties.{key}", reason


def _feature_problems(feature: Any, seen: set[str]) -> Iterator[tuple[str, str]]:
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        yield "properties", _("the feature has no properties object")
        return
    feature_id = feature["properties"].get("id")
    if not isinstance(feature_id, str) or not feature_id:
        yield "properties.id", _("the feature has no id")
        return
    if feature_id in seen:
        yield "properties.id", _("{id!r} is used by another feature").format(id=feature_id)
    seen.add(feature_id)
    if geometry_problem := _geometry_problem(feature.get("geometry")):
        # Translators: {problem} is another message, e.g. "has a ring of fewer than four positions".
        yield "geometry", _("feature {id!r} {problem}").format(id=feature_id, problem=geometry_problem)
    if is_context(feature):
        yield from _context_problems(feature["properties"])


def read_geojson(data_dir: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The FeatureCollection and every problem in it; an empty one when it cannot be read at all."""
    path = data_dir / GEOJSON_FILE
    if not path.is_file():
        return {}, [Problem(GEOJSON_FILE, None, None, _("the file is missing"))]
    try:
        geojson = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return {}, [Problem(GEOJSON_FILE, None, None, _("is not valid UTF-8 JSON ({error})").format(error=error))]
    if not isinstance(geojson, dict) or geojson.get("type") != "FeatureCollection":
        return {}, [Problem(GEOJSON_FILE, None, None, _("is not a GeoJSON FeatureCollection"))]
    if not isinstance(geojson.get("features"), list):
        return {}, [Problem(GEOJSON_FILE, None, "features", _("is not a list of features"))]
    seen: set[str] = set()
    problems = [
        Problem(GEOJSON_FILE, number, column, reason)
        for number, feature in enumerate(geojson["features"], start=1)
        for column, reason in _feature_problems(feature, seen)
    ]
    return ({} if problems else geojson), problems


def _inside_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    """Ray casting: whether the point is inside the closed ring."""
    inside = False
    for (x1, y1, *_z1), (x2, y2, *_z2) in itertools.pairwise(ring):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def contains(geometry: Mapping[str, Any], lat: float, lon: float) -> bool:
    """Whether a (checked) geometry holds the point: in an outer ring and no hole, or near a point feature."""
    if geometry["type"] == "Point":
        point_lon, point_lat = geometry["coordinates"][:2]
        return math.hypot(point_lon - lon, point_lat - lat) <= POINT_TOLERANCE_DEGREES
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return any(
        _inside_ring(lon, lat, outer) and not any(_inside_ring(lon, lat, hole) for hole in holes)
        for outer, *holes in polygons
    )


def island_problems(geojson: Mapping[str, Any], islands: list[tuple[int, dict[str, Any]]]) -> Iterator[Problem]:
    """A feature per island (a group has none of its own), an island per feature, each island's point on it."""
    features = {feature["properties"]["id"]: feature for feature in geojson["features"]}
    listed = {record["id"] for _number, record in islands}
    for number, (feature_id, feature) in enumerate(features.items(), start=1):
        if feature_id not in listed and not is_context(feature):
            reason = _("{id!r} is not an id in {file}").format(id=feature_id, file=ISLANDS.file)
            yield Problem(GEOJSON_FILE, number, "properties.id", reason)
    for row, record in islands:
        feature = features.get(record["id"])
        if feature is None and record["kind"] != "island_group":
            reason = _("{id!r} has no feature in {file}").format(**record, file=GEOJSON_FILE)
            yield Problem(ISLANDS.file, row, "id", reason)
        point = (record["lat"], record["lon"])
        if feature and all(map(math.isfinite, point)) and not contains(feature["geometry"], *point):
            reason = _("({lat}, {lon}) is not on the island's outline in {file}").format(**record, file=GEOJSON_FILE)
            yield Problem(ISLANDS.file, row, "lat", reason)
