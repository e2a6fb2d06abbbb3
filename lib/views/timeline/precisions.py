"""Periods of time a date is known to, or a gathered mark spans: day, month, year, decade."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from lib.model.dates import format_partial_date

PERIODS: tuple[str, ...] = ("day", "month", "year", "decade")


def positions(values: pd.Series, names: Sequence[str]) -> np.ndarray:
    """Where each value stands in `names`, looked up once per distinct value."""
    codes, uniques = pd.factorize(values)
    return np.array([names.index(value) for value in uniques], dtype=np.int64)[codes]


def period_instants(dates: np.ndarray, ranks: np.ndarray, offset: int = 0) -> np.ndarray:
    """The first instant of the period (`ranks`: positions in PERIODS) each date falls in, or of the
    period `offset` after it. Worked out once per distinct date: many events share one."""
    codes, distinct = pd.factorize(dates, use_na_sentinel=False)
    years = distinct.astype("datetime64[Y]")
    decades = np.where(np.isnat(years), years, years - (years.astype(np.int64) + 1970) % 10) + 10 * offset
    starts = [distinct.astype("datetime64[D]") + offset, distinct.astype("datetime64[M]") + offset, years + offset]
    return np.stack([start.astype("datetime64[ns]") for start in (*starts, decades)])[ranks, codes]


def period_name(instant: pd.Timestamp, period: str) -> str:
    """A period as a reader names it: "19 Oct 1956", "Oct 1956", "1956" or "1950s"."""
    return f"{instant.year // 10 * 10}s" if period == "decade" else format_partial_date(instant, period)


def period_stop(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    """The first instant after the day, month or year each date names; NaT for an unknown date."""
    # An unknown date has no period: any precision gives NaT, and "day" is one PERIODS knows.
    known = precisions.where(dates.notna(), "day")
    stops = period_instants(dates.to_numpy("datetime64[ns]"), positions(known, PERIODS), offset=1)
    return pd.Series(stops, index=dates.index, name=dates.name)


def event_kinds(events: pd.DataFrame) -> pd.Series:
    """ "point" for a single known day, "range" for several days, "period" when only a month or year is known."""
    kinds = np.select([events["date_precision"] != "day", events["end_date"].notna()], ["period", "range"], "point")
    return pd.Series(kinds, index=events.index, dtype=object)
