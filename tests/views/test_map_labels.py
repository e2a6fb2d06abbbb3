"""lib.views.map.shapes: every island named on the map, islets only when zoomed in."""

from __future__ import annotations

from lib.model.load import Dataset
from lib.views.map.shapes import short_name
from tests.views.map_parts import build, labels


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


def test_small_islands_and_points_are_named_beside_the_shape(dataset: Dataset) -> None:
    found = labels(build(dataset))
    assert "below" in found["shikotan"] and "below" not in found["iturup"]
    assert "beside" in found["habomai_dyomin"]  # a point
    assert "context" in found["hokkaido_east"] and "context" not in found["kunashir"]


def test_short_name_drops_bracketed_variants() -> None:
    assert short_name("Zeleny (Zelyony) Island") == "Zeleny Island"
    assert short_name("Hokkaido (eastern coast: Shiretoko and Nemuro peninsulas)") == "Hokkaido"
    assert short_name("Iturup") == "Iturup"
