"""lib/views/timeline/periods.py: the periods a reader jumps to, cut to the data's years."""

from __future__ import annotations

from itertools import pairwise

from lib.model.dataset import Dataset
from lib.views.timeline.periods import ALL_YEARS, YearSpan, span_of, year_spans


def test_today_s_periods_run_from_the_first_treaty_to_the_data_s_last_year(dataset: Dataset) -> None:
    first, last = dataset.year_bounds
    spans = year_spans((first, last), this_year=last + 1)
    assert spans[0] == YearSpan(ALL_YEARS, first, last)
    periods = spans[1:]
    assert [span.label for span in periods] == ["1855–1945", "1945–1991", "1991–2012", "2012–2019", f"2019–{last}"]
    assert periods[0].first == first and periods[-1].last == last
    for earlier, later in pairwise(periods):
        assert earlier.last == later.first, "each period starts where the one before ends"


def test_the_last_period_says_today_only_when_the_data_reach_this_year() -> None:
    assert year_spans((1855, 2026), this_year=2026)[-1].label == "2019–today"
    assert year_spans((1855, 2025), this_year=2026)[-1].label == "2019–2025"


def test_periods_are_cut_to_the_data_s_years_and_name_them() -> None:
    spans = year_spans((1950, 2015), this_year=2026)
    assert [(span.label, span.first, span.last) for span in spans] == [
        (ALL_YEARS, 1950, 2015),
        ("1950–1991", 1950, 1991),
        ("1991–2012", 1991, 2012),
        ("2012–2015", 2012, 2015),
    ]


def test_a_period_the_data_do_not_reach_or_fill_is_left_out() -> None:
    assert [span.label for span in year_spans((1960, 1980), this_year=2026)] == [ALL_YEARS]
    assert [span.label for span in year_spans((2019, 2019), this_year=2026)] == [ALL_YEARS]


def test_the_span_shown_is_the_one_the_years_are_exactly(dataset: Dataset) -> None:
    spans = year_spans(dataset.year_bounds, this_year=2026)
    assert span_of(spans, dataset.year_bounds) == spans[0]
    assert span_of(spans, (1991, 2012)) == YearSpan("1991–2012", 1991, 2012)
    assert span_of(spans, (1991, 2011)) is None
