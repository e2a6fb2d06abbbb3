"""The filters applied to events and statements, checked against the filters' definition row by row."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from lib.i18n import ENGLISH, use_language
from lib.model.dataset import Dataset
from lib.model.filters import (
    Filters,
    counted_as,
    describe_filters,
    related_islands,
    year_bounds,
)

GROUPS = {"habomai": "habomai", "habomai_yuri": "habomai", "habomai_zeleny": "habomai", "kunashir": "kunashir"}


def test_an_islet_counts_as_its_group_and_a_group_as_its_islets() -> None:
    assert related_islands("habomai", GROUPS) == {"habomai", "habomai_yuri", "habomai_zeleny"}
    assert related_islands("habomai_yuri", GROUPS) == {"habomai_yuri", "habomai"}
    assert related_islands("kunashir", GROUPS) == {"kunashir"}


def test_year_bounds_span_every_date_column_and_skip_missing_dates() -> None:
    starts = pd.Series(pd.to_datetime(["1956-10-19", None, "1960-01-27"]))
    ends = pd.Series(pd.to_datetime([None, "2018-07-23", None]))
    undated = pd.Series(pd.to_datetime([None, None]))
    assert year_bounds(starts, ends, undated) == (1956, 2018)


def _in_years(row: pd.Series, filters: Filters, bounds: tuple[int, int]) -> bool:
    if pd.isna(row["date"]):
        return filters.is_full_range(bounds)
    end = row.get("end_date")
    last = row["date"].year if end is None or pd.isna(end) else end.year
    return row["date"].year <= filters.year_to and last >= filters.year_from


def kept_by_definition(row: pd.Series, filters: Filters, dataset: Dataset) -> bool:
    """The filters, one row at a time, as the README describes them."""
    countries = row["countries"] if "countries" in row else (row["country"],)
    return (
        _in_years(row, filters, dataset.year_bounds)
        and (filters.country is None or filters.country in {"Russia" if c == "USSR" else c for c in countries})
        and (
            filters.island is None or bool(related_islands(filters.island, dataset.island_groups) & set(row["islands"]))
        )
    )


# None stands for the data's first or last year.
COMBINATIONS = list(
    itertools.product(
        [(None, None), (1956, 1956), (1945, 2000), (2018, None)],
        [None, "Japan", "Russia"],
        [None, "habomai", "habomai_yuri", "kunashir"],
    )
)


def filters_of(combination: tuple, bounds: tuple[int, int]) -> Filters:
    (first, last), country, island = combination
    return Filters(year_from=first or bounds[0], year_to=last or bounds[1], country=country, island=island)


@pytest.mark.parametrize("combination", COMBINATIONS, ids=str)
def test_the_filters_keep_the_rows_their_definition_keeps(combination: tuple, dataset: Dataset) -> None:
    filters = filters_of(combination, dataset.year_bounds)
    for frame, filtered in (
        (dataset.events, dataset.filtered_events(filters)),
        (dataset.statements, dataset.filtered_statements(filters)),
    ):
        expected = [row["id"] for _, row in frame.iterrows() if kept_by_definition(row, filters, dataset)]
        assert filtered["id"].tolist() == expected


def test_the_combinations_keep_some_rows_and_drop_others(dataset: Dataset) -> None:
    """Guards the test above: filters that keep everything, or nothing, would prove little."""
    sizes = {len(dataset.filtered_events(filters_of(combination, dataset.year_bounds))) for combination in COMBINATIONS}
    assert 0 in sizes and len(dataset.events) in sizes and len(sizes) > 5


def test_undated_statements_show_only_while_the_years_are_untouched(dataset: Dataset) -> None:
    undated = set(dataset.statements.loc[dataset.statements["date"].isna(), "id"])
    assert undated, "the data has an undated statement to test with"
    every = set(dataset.filtered_statements(Filters(*dataset.year_bounds))["id"])
    first, last = dataset.year_bounds
    narrowed = set(dataset.filtered_statements(Filters(year_from=first, year_to=last - 1))["id"])
    assert undated <= every and not undated & narrowed


@pytest.mark.parametrize(
    ("filters", "words"),
    [
        (Filters(1855, 2025), ""),
        (Filters(year_from=1950, year_to=2000, country="Japan"), "Japan · 1950–2000"),
        (Filters(year_from=1956, year_to=1956), "1956"),
        (Filters(year_from=1855, year_to=2025, island="shikotan"), "Shikotan"),
    ],
)
def test_filters_in_words(filters: Filters, words: str) -> None:
    assert describe_filters(filters, (1855, 2025), {"shikotan": "Shikotan"}) == words


def test_the_country_is_named_in_the_reader_s_language_and_kept_in_english_in_the_filters() -> None:
    use_language("ru")
    try:
        words = describe_filters(Filters(1950, 2000, country="Japan"), (1855, 2025), {})
    finally:
        use_language(ENGLISH)
    assert words == "Япония · 1950–2000"


def test_soviet_rows_count_as_russia_and_nothing_else_is_an_alias() -> None:
    assert counted_as("Russia") == {"Russia", "USSR"}
    assert counted_as("Japan") == {"Japan"}


@pytest.mark.parametrize("combination", COMBINATIONS[::5], ids=str)
def test_the_rows_kept_count_what_the_filtered_frames_hold(combination: tuple, dataset: Dataset) -> None:
    filters = filters_of(combination, dataset.year_bounds)
    assert dataset.events_kept(filters).sum() == len(dataset.filtered_events(filters))
    assert dataset.statements_kept(filters).sum() == len(dataset.filtered_statements(filters))
