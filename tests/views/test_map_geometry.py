"""lib.views.map.shapes: a clipped shape's coast and the box around shapes."""

from __future__ import annotations

import itertools

from lib.model.load import Dataset
from lib.views.map.shapes import bounds, coast_lines


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


def test_bounds_hold_every_point_polygon_and_multipolygon() -> None:
    point = {"type": "Point", "coordinates": [146.5, 43.5]}
    polygon = {"type": "Polygon", "coordinates": [[[145, 43], [146, 44], [145.5, 44.5], [145, 43]]]}
    multi = {"type": "MultiPolygon", "coordinates": [[[[147, 45], [148, 45.2], [147.5, 44.8], [147, 45]]]]}
    assert bounds([point, polygon, multi]) == [[43, 145], [45.2, 148]]
