"""What stands behind the marks: the era bands and the milestone lines, with their labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from lib.model.dates import format_partial_date
from lib.views.theme import ERA_COLOURS, MILESTONE_COLOUR
from lib.views.timeline.labels import AxisLabel

# Key moments marked on the chart: event id -> a short label in our own words.
MILESTONES: dict[str, str] = {
    "1956-joint-declaration": "Joint Declaration",
    "2018-date-matviyenko-meeting": "The article's meeting",
}

# The data name the USSR in rows before 1992: the Soviet Union ended in December 1991.
SOVIET_ERA_END = pd.Timestamp("1992-01-01")
SOVIET_ERA_LABEL = "USSR in these events"


@dataclass(frozen=True)
class Era:
    key: str  # a key of theme.ERA_COLOURS
    label: str
    start: pd.Timestamp
    end: pd.Timestamp | None  # exclusive; None: still going


def eras(events: pd.DataFrame) -> tuple[Era, ...]:
    """The Soviet era, from the first event naming the USSR to December 1991, then the Russian Federation.
    The data does not date the USSR's beginning: a band named "Soviet Union" from 1945 would read as if it
    began then, so the label says where the events first name it."""
    soviet_start = first_naming(events, "USSR", before=SOVIET_ERA_END)
    soviet = () if soviet_start is None else (Era("soviet", SOVIET_ERA_LABEL, soviet_start, SOVIET_ERA_END),)
    return (*soviet, Era("russian_federation", "Russian Federation", SOVIET_ERA_END, None))


def first_naming(events: pd.DataFrame, country: str, before: pd.Timestamp) -> pd.Timestamp | None:
    """The date of the earliest event naming `country`, if one is dated before `before`; reads them in
    date order and stops at the first, rather than testing every row."""
    dates = events["date"].to_numpy("datetime64[ns]")
    earlier = np.flatnonzero(dates < before.to_datetime64())
    in_order = earlier[np.argsort(dates[earlier], kind="stable")]
    countries = events["countries"].to_numpy()
    found = next((position for position in in_order if country in countries[position]), None)
    return None if found is None else pd.Timestamp(dates[found])


def background(
    events: pd.DataFrame, era_bands: Sequence[Era], x_range: tuple[pd.Timestamp, pd.Timestamp]
) -> tuple[list[AxisLabel], list[dict[str, Any]]]:
    """The era bands and milestone lines in view, as Plotly shapes, and their labels."""
    milestones = events[events["id"].isin(MILESTONES.keys())].sort_values("date").to_dict("records")
    drawn = [_era_band(era, x_range) for era in era_bands] + [_milestone(row, x_range) for row in milestones]
    in_view = [item for item in drawn if item is not None]
    return [label for label, _ in in_view], [shape for _, shape in in_view]


def _full_height(kind: str, x0: pd.Timestamp, x1: pd.Timestamp, **style: Any) -> dict[str, Any]:
    return {"type": kind, "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1, **style, "layer": "below"}


def _era_band(era: Era, x_range: tuple[pd.Timestamp, pd.Timestamp]) -> tuple[AxisLabel, dict[str, Any]] | None:
    """The era's label and shaded band, cut to the axis; None when it is out of view."""
    start = max(era.start, x_range[0])
    end = x_range[1] if era.end is None else min(era.end, x_range[1])
    if start >= end:
        return None
    colour = ERA_COLOURS[era.key]
    band = _full_height("rect", start, end, fillcolor=colour, line={"width": 0})
    lines = (era.label,)
    if era.end is not None:  # its first and last months, under its name
        first, last = (format_partial_date(day, "month") for day in (era.start, era.end - pd.Timedelta(days=1)))
        lines = (era.label, f"{first} – {last}")
    return AxisLabel(lines, start, end, background=colour), band


def _milestone(
    event: dict[str, Any], x_range: tuple[pd.Timestamp, pd.Timestamp]
) -> tuple[AxisLabel, dict[str, Any]] | None:
    """A milestone event's label and dotted line, in the middle of its day; None when it is out of view."""
    at = event["date"] + pd.Timedelta(hours=12) if event["date_precision"] == "day" else event["date"]
    if not x_range[0] <= at <= x_range[1]:
        return None
    line = _full_height("line", at, at, line={"color": MILESTONE_COLOUR, "width": 1, "dash": "dot"})
    when = format_partial_date(event["date"], event["date_precision"])
    return AxisLabel((MILESTONES[event["id"]], when), at, at), line
