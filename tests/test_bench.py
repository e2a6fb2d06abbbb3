"""The benchmark's verdicts: which minimal page a page is compared with, and which targets it misses."""

from __future__ import annotations

import pytest

from bench.__main__ import PAGES, SCALE_TARGET, Target, _scale_table, heaviest_reference, ratio_with_sidebar


def reference(name: str, *times_ms: float) -> Target:
    return Target(name, f"http://127.0.0.1/{name}", times_ms=list(times_ms))


REFERENCES = {
    "bare": reference("bare", 1000, 1100, 900),
    "plotly": reference("plotly", 2600, 2700, 2500),
    "folium": reference("folium", 1500, 1600, 1400),
    "dataframe": reference("dataframe", 1800, 1700, 1900),
    "sidebar": reference("sidebar", 1300, 1250, 1350),
}


@pytest.mark.parametrize(
    ("components", "expected"),
    [
        (set(), "bare"),
        ({"folium"}, "folium"),
        ({"folium", "dataframe"}, "dataframe"),
        ({"dataframe", "plotly"}, "plotly"),
    ],
)
def test_a_page_is_compared_with_the_slowest_minimal_page_of_its_components(components, expected) -> None:
    assert heaviest_reference(components, REFERENCES) == expected


def test_the_sidebar_page_is_never_the_heaviest_minimal_page() -> None:
    assert heaviest_reference(set(), REFERENCES) == "bare", "slower than bare, but not a component"


def test_the_ratio_with_the_sidebar_adds_what_the_sidebar_costs_a_bare_page() -> None:
    # The sidebar page takes 1300 ms, the bare page 1000: the folium page's 1500 becomes 1800.
    assert ratio_with_sidebar(1800, "folium", REFERENCES) == pytest.approx(1.0)
    assert ratio_with_sidebar(2700, "folium", REFERENCES) == pytest.approx(1.5)


def test_the_scale_table_names_each_page_over_the_target_and_only_those() -> None:
    today = dict.fromkeys(PAGES, 100.0)
    largest = {path: 100.0 * SCALE_TARGET for path in PAGES} | {"timeline": 100.0 * SCALE_TARGET + 1}
    missed: list[str] = []
    lines = _scale_table("rerun", {1: today, 1000: largest}, missed)
    assert missed == [f"rerun of timeline at ×1000: {SCALE_TARGET + 0.01:.2f} × today"]
    assert len(lines) == 2 + len(PAGES)
    timeline_row = next(line for line in lines if line.startswith("| timeline |"))
    assert timeline_row.endswith("| **no** |")
    assert sum(line.endswith("| yes |") for line in lines) == len(PAGES) - 1
