"""The periods a date is known to or a mark spans (day, month, year, decade), and past MAX_EVENT_MARKS
events, the marks that each gather one lane's events of one origin and period."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from lib.i18n import _
from lib.model.dates import format_partial_date
from lib.model.schema import EVENT_TYPES, ORIGINS
from lib.views.timeline.hover import gathered_hover_texts

PERIODS: tuple[str, ...] = ("day", "month", "year", "decade")


def positions(values: pd.Series, names: Sequence[str]) -> np.ndarray:
    """Where each value stands in `names`, looked up once per distinct value."""
    codes, uniques = pd.factorize(values)
    return np.array([names.index(value) for value in uniques], dtype=np.int64)[codes]


def period_instants(dates: np.ndarray, ranks: np.ndarray, offset: int = 0) -> np.ndarray:
    """The first instant of the period (`ranks`: in PERIODS) each date falls in, or `offset` periods after it."""
    codes, distinct = pd.factorize(dates, use_na_sentinel=False)
    years = distinct.astype("datetime64[Y]")
    decades = np.where(np.isnat(years), years, years - (years.astype(np.int64) + 1970) % 10) + 10 * offset
    starts = [distinct.astype("datetime64[D]") + offset, distinct.astype("datetime64[M]") + offset, years + offset]
    return np.stack([start.astype("datetime64[ns]") for start in (*starts, decades)])[ranks, codes]


def period_name(instant: pd.Timestamp, period: str) -> str:
    """A period as a reader names it: "19 Oct 1956", "Oct 1956", "1956" or "1950s"."""
    if period == "decade":
        # Translators: a decade, as in "1950s"
        return _("{decade}s").format(decade=instant.year // 10 * 10)
    return format_partial_date(instant, period)


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


# Marks gather events by the finest period that makes at most this many marks, else by decade: a 170-year
# view then has at most 18 decades times 8 lanes times 2 origins, 288 marks.
MAX_GROUP_MARKS = 500


def event_codes(events: pd.DataFrame) -> pd.DataFrame:
    """Each event's type, origin and date precision as positions in their vocabularies, and its date."""
    return pd.DataFrame(
        {
            "type": positions(events["event_type"], EVENT_TYPES),
            "origin": positions(events["origin"], ORIGINS),
            "precision": positions(events["date_precision"], PERIODS),
            "date": events["date"].to_numpy("datetime64[ns]"),
        },
        index=events.index,
    )


def period_buckets(dates: np.ndarray, precisions: np.ndarray, period: str) -> tuple[np.ndarray, np.ndarray]:
    """The period each date falls in when marks gather `period`s: its position in PERIODS and first instant.
    A date known only to a coarser precision keeps it: an event known only to the year is in no day."""
    ranks = np.maximum(precisions, PERIODS.index(period))
    return ranks, period_instants(dates, ranks)


def mark_groups(codes: pd.DataFrame, period: str) -> np.ndarray:
    """A number per event, the same for the events one gathered mark holds: one lane, origin and period."""
    ranks, buckets = period_buckets(codes["date"].to_numpy(), codes["precision"].to_numpy(), period)
    bucket_numbers = pd.factorize(buckets)[0]
    lane_origin = codes["type"].to_numpy() * len(ORIGINS) + codes["origin"].to_numpy()
    return (bucket_numbers * len(PERIODS) + ranks) * len(EVENT_TYPES) * len(ORIGINS) + lane_origin


def group_period(codes: pd.DataFrame) -> tuple[str, np.ndarray]:
    """The finest period that makes at most MAX_GROUP_MARKS marks (else decades), and its `mark_groups`."""
    for period in PERIODS[:-1]:
        groups = mark_groups(codes, period)
        if len(pd.unique(groups)) <= MAX_GROUP_MARKS:
            return period, groups
    return PERIODS[-1], mark_groups(codes, PERIODS[-1])


def gathered_marks(
    dated: pd.DataFrame, codes: pd.DataFrame, groups: np.ndarray, lanes: np.ndarray, period: str
) -> pd.DataFrame:
    """A mark per lane, origin and period, with its count and hover text: a marker when all its events are single
    days, else a bar (hatched if all are known only to the month or year). Its id is its first event's."""
    dates, precisions = codes["date"].to_numpy(), codes["precision"].to_numpy()
    # Each mark's events side by side, in date order with ids breaking ties, so its first event leads.
    order = np.lexsort((dated["id"].to_numpy(object), dates, groups))
    in_order = groups[order]
    leads = np.flatnonzero(np.r_[True, in_order[1:] != in_order[:-1]])
    first = dated.iloc[order[leads]]
    day = PERIODS.index("day")
    points = np.logical_and.reduceat(((precisions == day) & dated["end_date"].isna().to_numpy())[order], leads)
    periods = np.logical_and.reduceat((precisions != day)[order], leads)
    stops = period_instants(dated["end_date"].fillna(dated["date"]).to_numpy("datetime64[ns]"), precisions, offset=1)
    ranks, buckets = period_buckets(dates[order[leads]], precisions[order[leads]], period)
    marks = pd.DataFrame(
        {
            "id": first["id"].to_numpy(object),
            "origin": first["origin"].to_numpy(object),
            "kind": np.select([points, periods], ["point", "period"], "range"),
            "start": np.where(points, buckets, dates[order[leads]]),
            "stop": np.where(
                points, period_instants(buckets, ranks, offset=1), np.maximum.reduceat(stops[order], leads)
            ),
            "lane": lanes[order[leads]],
            "count": np.diff(np.r_[leads, len(order)]),
        }
    )
    # The period a bar's last instant falls in, at the mark's own precision.
    lasts = period_buckets(marks["stop"].to_numpy() - np.timedelta64(1, "ns"), ranks, PERIODS[0])[1]
    when = [
        _period_text(pd.Timestamp(start), pd.Timestamp(last), PERIODS[rank])
        for start, last, rank in zip(buckets, lasts, ranks, strict=True)
    ]
    return marks.join(gathered_hover_texts(first, marks["count"].tolist(), when))


def _period_text(first: pd.Timestamp, last: pd.Timestamp, precision: str) -> str:
    text = period_name(first, precision)
    return text if last == first else f"{text} – {period_name(last, precision)}"
