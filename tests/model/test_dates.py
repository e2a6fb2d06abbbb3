import pandas as pd
import pytest

from lib.model.dates import format_date_range, format_partial_date, parse_partial_date


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


@pytest.mark.parametrize(
    ("start", "end", "precision", "shown"),
    [
        ("1973-10-07", "1973-10-10", "day", "7–10 Oct 1973"),
        ("1945-08-28", "1945-09-05", "day", "28 Aug – 5 Sep 1945"),
        ("1991-12-25", "1992-01-02", "day", "25 Dec 1991 – 2 Jan 1992"),
        ("1945-08-01", "1945-09-01", "month", "Aug – Sep 1945"),
        ("1945-12-01", "1946-02-01", "month", "Dec 1945 – Feb 1946"),
        ("1991-01-01", "1993-01-01", "year", "1991 – 1993"),
        ("2018-07-23", "2018-07-23", "day", "23 Jul 2018"),
        ("2018-07-23", None, "day", "23 Jul 2018"),
        (None, "2018-07-23", "day", "date unknown – 23 Jul 2018"),
    ],
)
def test_a_range_names_what_its_ends_share_once(start: str | None, end: str | None, precision: str, shown: str) -> None:
    assert format_date_range(timestamp(start), timestamp(end), precision) == shown


def timestamp(text: str | None) -> pd.Timestamp:
    return pd.NaT if text is None else pd.Timestamp(text)
