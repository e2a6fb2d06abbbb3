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


@dataclass(frozen=True)
class Era:
    key: str  # a key of theme.ERA_COLOURS
    label: str
    start: pd.Timestamp
    end: pd.Timestamp | None  # exclusive; None: still going


def eras(events: pd.DataFrame) -> tuple[Era, ...]:
    """The Soviet era, from the first event naming the USSR to December 1991, then the Russian Federation.

    Neither the article nor the reference data dates the Soviet Union's beginning, so its band
    starts where the data first name it.
    """
    soviet_start = first_naming(events, "USSR", before=SOVIET_ERA_END)
    soviet = () if soviet_start is None else (Era("soviet", "Soviet Union", soviet_start, SOVIET_ERA_END),)
    return (*soviet, Era("russian_federation", "Russian Federation", SOVIET_ERA_END, None))


def first_naming(events: pd.DataFrame, country: str, before: pd.Timestamp) -> pd.Timestamp | None:
    """The date of the earliest event naming `country`, if one is dated before `before`.

    Reads those events in date order and stops at the first that names it, rather than testing every row.
    """
    dates = events["date"].to_numpy("datetime64[ns]")
    earlier = np.flatnonzero(dates < before.to_datetime64())
    in_order = earlier[np.argsort(dates[earlier], kind="stable")]
    countries = events["countries"].to_numpy()
    found = next((position for position in in_order if country in countries[position]), None)
    return None if found is None else pd.Timestamp(dates[found])


def background_labels(
    events: pd.DataFrame, era_bands: Sequence[Era], x_range: tuple[pd.Timestamp, pd.Timestamp]
) -> tuple[list[AxisLabel], list[dict[str, Any]]]:
    """The era bands and milestone lines in view, with their labels."""
    labels: list[AxisLabel] = []
    shapes: list[dict[str, Any]] = []
    for era in era_bands:
        start = max(era.start, x_range[0])
        end = x_range[1] if era.end is None else min(era.end, x_range[1])
        if start >= end:
            continue
        colour = ERA_COLOURS[era.key]
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": start,
                "x1": end,
                "y0": 0,
                "y1": 1,
                "fillcolor": colour,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        until = () if era.end is None else (f"to {format_partial_date(era.end - pd.Timedelta(days=1), 'month')}",)
        labels.append(AxisLabel((era.label, *until), start, end, background=colour))
    milestones = events[events["id"].isin(MILESTONES.keys())]
    for row in milestones.sort_values("date").to_dict("records"):
        at = row["date"] + pd.Timedelta(hours=12) if row["date_precision"] == "day" else row["date"]
        if not x_range[0] <= at <= x_range[1]:
            continue
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": at,
                "x1": at,
                "y0": 0,
                "y1": 1,
                "line": {"color": MILESTONE_COLOUR, "width": 1, "dash": "dot"},
                "layer": "below",
            }
        )
        when = format_partial_date(row["date"], row["date_precision"])
        labels.append(AxisLabel((MILESTONES[row["id"]], when), at, at))
    return labels, shapes
