"""The benchmark's verdicts: which reference page a page is judged against, and which targets it misses."""

from __future__ import annotations

import pytest

from bench.cold import Target, reference_for
from bench.report import RENDER_TARGET, SCALE_TARGET, Figures, render_table, scale_table, structures_section
from bench.reruns import without_derived
from lib.model.dataset import Dataset

PATHS = ["", "map", "timeline", "statements"]


def target(name: str, *times_ms: float, components: frozenset[str] = frozenset()) -> Target:
    return Target(name, f"http://127.0.0.1/{name}", times_ms=list(times_ms), components=set(components))


REFERENCES = {
    name: target(name, ms)
    for name, ms in {
        "bare": 1000,
        "plotly": 2600,
        "folium": 1500,
        "dataframe": 1800,
        "dataframe+folium": 2400,
        "sidebar: bare": 1300,
        "sidebar: plotly": 2900,
        "sidebar: folium": 1800,
        "sidebar: dataframe": 2100,
        "sidebar: dataframe+folium": 2700,
    }.items()
}


@pytest.mark.parametrize(
    ("components", "sidebar", "expected"),
    [
        (set(), False, "bare"),
        ({"folium"}, True, "sidebar: folium"),
        ({"folium", "dataframe"}, True, "sidebar: dataframe+folium"),
        ({"folium", "dataframe"}, False, "dataframe+folium"),
        # No reference shows a chart and a table together: the slower of the two stands in.
        ({"dataframe", "plotly"}, True, "sidebar: plotly"),
        ({"dataframe", "plotly"}, False, "plotly"),
    ],
)
def test_a_page_is_judged_against_the_reference_of_its_components(components, sidebar, expected) -> None:
    assert reference_for(components, REFERENCES, sidebar) == expected


def test_the_render_table_misses_each_page_over_its_sidebar_reference_and_only_those() -> None:
    over = 2700 * RENDER_TARGET + 10  # the map page: just over its reference inside the sidebar
    pages = {
        "": target("home", 1800 * RENDER_TARGET, components=frozenset({"folium"})),
        "map": target("map", over, components=frozenset({"folium", "dataframe"})),
    }
    figures = Figures(REFERENCES, {1: pages}, {}, {}, [], None, 7, {})
    lines = render_table(figures)
    assert figures.missed == [f"cold render of map: {over / 2700:.2f} × the sidebar: dataframe+folium page"]
    map_row = next(line for line in lines if line.startswith("| map |"))
    assert "| **no** |" in map_row
    assert map_row.endswith(f"| dataframe+folium | {over / 2400:.2f} |")


def test_the_scale_table_names_each_page_over_the_target_and_only_those() -> None:
    today = dict.fromkeys(PATHS, 100.0)
    largest = {path: 100.0 * SCALE_TARGET for path in PATHS} | {"timeline": 100.0 * SCALE_TARGET + 1}
    missed: list[str] = []
    lines = scale_table("rerun", {1: today, 1000: largest}, missed)
    assert missed == [f"rerun of timeline at ×1000: {SCALE_TARGET + 0.01:.2f} × today"]
    assert len(lines) == 2 + len(PATHS)
    timeline_row = next(line for line in lines if line.startswith("| timeline |"))
    assert timeline_row.endswith("| **no** |")
    assert sum(line.endswith("| yes |") for line in lines) == len(PATHS) - 1


def test_the_structures_section_names_the_pages_whose_target_dataset_derived_keeps() -> None:
    with_derived = {1: dict.fromkeys(PATHS, 0.1), 1000: dict.fromkeys(PATHS, 0.1 * SCALE_TARGET)}
    without = {1: dict.fromkeys(PATHS, 0.1), 1000: dict.fromkeys(PATHS, 0.1 * SCALE_TARGET) | {"map": 0.5}}
    figures = Figures(REFERENCES, {}, with_derived, without, [], None, 7, {})
    lines = structures_section(figures)
    assert lines[-1] == "Without `Dataset.derived`, it keeps the rerun target of map."
    assert next(line for line in lines if line.startswith("| map |")).endswith("| 5.00 | **no** |")
    figures.reruns_without_derived = with_derived
    assert (
        structures_section(figures)[-1]
        == "Without `Dataset.derived`, no page's rerun target depends on it in this run."
    )


def test_without_derived_builds_on_every_call_and_then_keeps_again(dataset: Dataset) -> None:
    calls: list[int] = []

    def builder(data: Dataset) -> int:
        calls.append(1)
        return len(calls)

    with without_derived():
        assert [dataset.derived(builder), dataset.derived(builder)] == [1, 2]
    assert dataset.derived(builder) == dataset.derived(builder) == 3
