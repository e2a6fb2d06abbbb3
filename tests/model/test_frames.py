"""lib.model.frames: per-distinct-value helpers give the same answer as working row by row."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.model.frames import each_distinct, names_any

ISLANDS = pd.Series(
    [("iturup", "kunashir"), ("shikotan",), (), ("iturup", "kunashir"), ("habomai",)], index=[7, 3, 9, 1, 4]
)


def test_each_distinct_calls_once_per_value_and_keeps_the_index() -> None:
    calls: list[object] = []

    def length(value: tuple[str, ...]) -> int:
        calls.append(value)
        return len(value)

    result = each_distinct(ISLANDS, length)
    assert result.tolist() == [len(value) for value in ISLANDS]
    assert list(result.index) == list(ISLANDS.index)
    assert len(calls) == len(set(ISLANDS))


def test_each_distinct_passes_missing_values_through_the_function() -> None:
    dates = pd.Series(["1956", None, "1956"], dtype="str")
    assert each_distinct(dates, lambda value: "unknown" if pd.isna(value) else value).tolist() == [
        "1956",
        "unknown",
        "1956",
    ]


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        ({"kunashir"}, [True, False, False, True, False]),
        ({"shikotan", "habomai"}, [False, True, False, False, True]),
        ({"urup"}, [False] * 5),
        (set(), [False] * 5),
    ],
)
def test_names_any(wanted: set[str], expected: list[bool]) -> None:
    result = names_any(ISLANDS, wanted)
    assert result.dtype == bool
    assert result.tolist() == expected
