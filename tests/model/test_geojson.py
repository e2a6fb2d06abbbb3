"""islands.geojson is checked like the CSVs: every value the map reads, with feature and property named."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from lib.model.geojson import contains
from lib.model.load import read_dataset

Feature = dict


def change_feature(data: Path, feature_id: str, change: Callable[[Feature], None]) -> int:
    """Change one feature of the copy's GeoJSON; its number (from 1), as problems name it."""
    path = data / "islands.geojson"
    geojson = json.loads(path.read_text(encoding="utf-8"))
    number, feature = next((n, f) for n, f in enumerate(geojson["features"], 1) if f["properties"]["id"] == feature_id)
    change(feature)
    path.write_text(json.dumps(geojson), encoding="utf-8")
    return number


def set_property(key: str, value: object) -> Callable[[Feature], None]:
    return lambda feature: feature["properties"].__setitem__(key, value)


def set_geometry(geometry: object) -> Callable[[Feature], None]:
    return lambda feature: feature.__setitem__("geometry", geometry)


@pytest.mark.parametrize(
    ("feature_id", "change", "column", "reason"),
    [
        # The issue's own example: a latitude of "north" used to load, then raise on the map page.
        ("hokkaido_east", set_property("geom_centroid_lat", "north"), "properties.geom_centroid_lat", '"north"'),
        ("hokkaido_east", set_property("geom_centroid_lon", 200), "properties.geom_centroid_lon", "from -180 to 180"),
        ("hokkaido_east", set_property("name_en", ["Hokkaido"]), "properties.name_en", "not text"),
        ("hokkaido_east", set_property("administered_by", "Atlantis"), "properties.administered_by", "allowed values"),
        (
            "habomai_dyomin",
            set_geometry({"type": "Point", "coordinates": ["146", 43.4]}),
            "geometry",
            "pair of numbers",
        ),
        ("habomai_dyomin", set_geometry({"type": "Point", "coordinates": [146.2, 95]}), "geometry", "outside"),
        ("habomai_dyomin", set_geometry({"type": "LineString", "coordinates": []}), "geometry", "not a Point"),
        (
            "shikotan",
            set_geometry({"type": "Polygon", "coordinates": [[[146, 43], [147, 43], [146, 44]]]}),
            "geometry",
            "fewer than four",
        ),
        (
            "shikotan",
            set_geometry({"type": "Polygon", "coordinates": [[[146, 43], [147, 43], [147, 44], [146, 44]]]}),
            "geometry",
            "last position is not its first",
        ),
        ("shikotan", set_property("id", 7), "properties.id", "has no id"),
    ],
)
def test_each_bad_value_is_named_by_feature_and_property(
    data_copy: Path, feature_id: str, change: Callable[[Feature], None], column: str, reason: str
) -> None:
    number = change_feature(data_copy, feature_id, change)
    problems = [p for p in read_dataset(data_copy).problems if p.file == "islands.geojson"]
    assert any(p.row == number and p.column == column and reason in p.reason for p in problems), [
        str(p) for p in problems
    ]


def test_an_island_s_point_must_lie_on_its_outline(data_copy: Path, edit_cell) -> None:
    row = edit_cell("islands.csv", "shikotan", "lat", "44.9")  # north of Shikotan, at sea
    [problem] = read_dataset(data_copy).problems
    assert (problem.file, problem.row, problem.column) == ("islands.csv", row, "lat")
    assert "is not on the island's outline" in problem.reason


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]],
}


@pytest.mark.parametrize(
    ("geometry", "lat", "lon", "inside"),
    [
        (SQUARE, 3, 3, True),
        (SQUARE, 1.5, 1.5, False),  # in the hole
        (SQUARE, 5, 3, False),
        ({"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]}, 3, 3, True),
        ({"type": "Point", "coordinates": [146.0, 43.4]}, 43.41, 146.0, True),
        ({"type": "Point", "coordinates": [146.0, 43.4]}, 43.5, 146.0, False),
    ],
)
def test_contains(geometry: dict, lat: float, lon: float, inside: bool) -> None:
    assert contains(geometry, lat, lon) is inside
