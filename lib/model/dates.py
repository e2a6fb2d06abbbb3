"""Dates stored at their precision: "1956", "1956-10" or "1956-10-19"; empty when unknown."""

from __future__ import annotations

import re

import pandas as pd
from babel.dates import format_date, format_interval, format_skeleton

from lib.i18n import ENGLISH, _, current_language

PRECISIONS: tuple[str, ...] = ("day", "month", "year", "unknown")

# Each known precision's shape as a problem names it, as a pattern, and what its text lacks of a day.
_SHAPES: dict[str, tuple[str, str, str]] = {
    "day": ("YYYY-MM-DD", r"\d{4}-\d{2}-\d{2}", ""),
    "month": ("YYYY-MM", r"\d{4}-\d{2}", "-01"),
    "year": ("YYYY", r"\d{4}", "-01-01"),
}

# English as CLDR patterns ("7 Oct 1956"), not CLDR's own "Oct 7, 1956".
_FORMATS: dict[str, str] = {"day": "d MMM y", "month": "MMM y", "year": "y"}
# A span's first date within the year of its last, which names the year.
_WITHOUT_YEAR: dict[str, str] = {"day": "d MMM", "month": "MMM"}
# Other languages write dates as CLDR's data, through Babel, gives them ("1956年10月19日", "19 октября 1956 г.").
_SKELETONS: dict[str, str] = {"day": "yMMMMd", "month": "yMMMM", "year": "y"}


def parse_partial_date(text: str, precision: str) -> pd.Timestamp:
    """The first instant of the period `text` names, or NaT for an unknown date; ValueError for a bad one."""
    if precision == "unknown":
        if text:
            raise ValueError(f"is {text!r} but date_precision is 'unknown' (leave it empty)")
        return pd.NaT
    if precision not in _SHAPES:
        raise ValueError(f"has unknown precision {precision!r}")
    shape, pattern, to_a_day = _SHAPES[precision]
    if not re.fullmatch(pattern, text):
        raise ValueError(f"is {text!r}; with precision {precision!r} it must look like {shape}")
    try:
        return pd.Timestamp(text + to_a_day)
    except ValueError:
        raise ValueError(f"is {text!r}, which is not a real date") from None


def format_partial_date(value: pd.Timestamp | None, precision: str) -> str:
    """A date as a reader should see it: "1956", "Oct 1956", "19 Oct 1956", or "date unknown"."""
    if value is None or pd.isna(value) or precision not in _FORMATS:
        return _("date unknown")
    if current_language() != ENGLISH:
        return format_skeleton(_SKELETONS[precision], value, locale=current_language())
    return format_date(value, _FORMATS[precision], locale=ENGLISH)


def format_date_range(start: pd.Timestamp | None, end: pd.Timestamp | None, precision: str) -> str:
    """A span naming the shared month and year once: "7–10 Oct 1973", "28 Aug – 5 Sep 1945", "1991 – 1993"."""
    first = format_partial_date(start, precision)
    if end is None or pd.isna(end) or (last := format_partial_date(end, precision)) == first:
        return first
    if start is None or pd.isna(start):
        return f"{first} – {last}"
    if current_language() != ENGLISH:
        return format_interval(start, end, _SKELETONS[precision], locale=current_language())
    if precision == "day" and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{last}"
    if precision in _WITHOUT_YEAR and start.year == end.year:
        return f"{format_date(start, _WITHOUT_YEAR[precision], locale=ENGLISH)} – {last}"
    return f"{first} – {last}"
