"""lib/views/timeline/grouping.py: the periods a date is known to or a mark gathers, and their names."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.views.timeline.grouping import period_name, period_stop


@pytest.mark.parametrize(
    ("period", "name"), [("day", "19 Oct 1956"), ("month", "Oct 1956"), ("year", "1956"), ("decade", "1950s")]
)
def test_a_period_is_named_as_a_reader_would(period: str, name: str) -> None:
    assert period_name(pd.Timestamp("1956-10-19"), period) == name


def test_a_period_stops_at_the_start_of_the_next() -> None:
    dates = pd.Series(pd.to_datetime(["1956-10-19", "1956-12-01", "1956-01-01", "1959-12-31"]))
    precisions = pd.Series(["day", "month", "year", "day"])
    stops = period_stop(dates, precisions)
    assert list(stops) == list(pd.to_datetime(["1956-10-20", "1957-01-01", "1957-01-01", "1960-01-01"]))
