import pandas as pd
import pytest

from lib.dates import format_date_range, format_partial_date, parse_partial_date


@pytest.mark.parametrize(
    ("text", "precision", "shown"),
    [
        ("1956-10-19", "day", "19 Oct 1956"),
        ("1956-10", "month", "Oct 1956"),
        ("1956", "year", "1956"),
        ("", "unknown", "date unknown"),
        ("2018-07-03", "day", "3 Jul 2018"),
    ],
)
def test_a_date_is_shown_at_its_precision(text: str, precision: str, shown: str) -> None:
    assert format_partial_date(parse_partial_date(text, precision), precision) == shown


@pytest.mark.parametrize(
    ("text", "precision", "reason"),
    [
        ("1956-10-19", "year", "YYYY"),
        ("1956", "day", "YYYY-MM-DD"),
        ("19/10/1956", "day", "YYYY-MM-DD"),
        ("2018-02-30", "day", "not a real date"),
        ("1956-13", "month", "not a real date"),
        ("1956", "unknown", "leave it empty"),
        ("1956", "decade", "unknown precision"),
    ],
)
def test_a_date_that_does_not_fit_its_precision_is_refused(text: str, precision: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_partial_date(text, precision)


def test_a_year_date_starts_on_the_first_of_january() -> None:
    assert parse_partial_date("2018", "year") == pd.Timestamp(2018, 1, 1)


def test_a_range_shows_both_ends() -> None:
    start, end = pd.Timestamp(1945, 8, 28), pd.Timestamp(1945, 9, 5)
    assert format_date_range(start, end, "day") == "28 Aug 1945 – 5 Sep 1945"
    assert format_date_range(start, pd.NaT, "day") == "28 Aug 1945"
