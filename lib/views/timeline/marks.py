"""What the chart draws: a mark per event, or past MAX_EVENT_MARKS a mark per gathered group, each in its lane
and sub-row."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.model.schema import EVENT_TYPES
from lib.views.timeline.background import NARROWEST_PLOT_PX, axis_range
from lib.views.timeline.grouping import event_codes, event_kinds, gathered_marks, group_period, period_stop
from lib.views.timeline.hover import hover_texts

# Up to this many events in view, a mark per event (each an SVG element) and the Event box lists every one.
MAX_EVENT_MARKS = 500

MARKER_PX = 13
# A gathered mark grows with the logarithm of its count, up to the gap between sub-rows.
GROUP_MARKER_MAX_PX = 19

# Marks of one lane that would touch at the first view are moved to a sub-row above or below.
SUB_ROW_OFFSETS: tuple[float, ...] = (0.0, -0.34, 0.34)


def sub_rows(lanes: Sequence[int], lefts: Sequence[float], rights: Sequence[float]) -> list[int]:
    """The sub-row of each mark (covering `lefts` to `rights`), so that marks of one lane that would touch sit
    apart. Greedy, in order across: the first sub-row free at its left edge, else the one that frees up first."""
    rows = [0] * len(lanes)
    free_from: dict[int, list[float]] = {}
    for index in sorted(range(len(lanes)), key=lambda i: (lanes[i], lefts[i])):
        ends = free_from.setdefault(lanes[index], [-math.inf] * len(SUB_ROW_OFFSETS))
        row = next((r for r, end in enumerate(ends) if end <= lefts[index]), ends.index(min(ends)))
        rows[index] = row
        ends[row] = rights[index]
    return rows


def mark_extents(table: pd.DataFrame, marker_width: float) -> tuple[list[float], list[float]]:
    """Where each mark lies across, in nanoseconds: its span, and its marker (`marker_width` wide) in its middle."""
    starts, stops = (table[end].to_numpy("datetime64[ns]").astype("int64").astype(float) for end in ("start", "stop"))
    middles = (starts + stops) / 2
    lefts = np.minimum(starts, middles - marker_width / 2)
    rights = np.maximum(stops, middles + marker_width / 2)
    return lefts.tolist(), rights.tolist()


@dataclass(frozen=True)
class Marks:
    table: pd.DataFrame  # a mark per row: id, origin, kind, start, stop, lane, y, count and its hover columns
    lanes: tuple[str, ...]  # the event types present, in lane order
    period: str | None  # None: a mark per event; else one of PERIODS, the span of a lane's events each mark gathers
    event_count: int  # how many events the marks draw


def event_marks(events: pd.DataFrame, publishers: Mapping[str, str], year_range: tuple[int, int]) -> Marks:
    """Where each mark is drawn, and its hover text (`publishers`: each event's, by id)."""
    dated = events[events["date"].notna()]
    codes = event_codes(dated)
    present = np.unique(codes["type"].to_numpy())
    lanes = np.searchsorted(present, codes["type"].to_numpy())  # each event's lane
    if len(dated) <= MAX_EVENT_MARKS:
        period = None
        table = dated[["id", "origin"]].assign(
            kind=event_kinds(dated),
            start=dated["date"],
            stop=period_stop(dated["end_date"].fillna(dated["date"]), dated["date_precision"]),
            lane=lanes,
            count=1,
        )
        table = table.join(hover_texts(dated, publishers))
    else:
        period, groups = group_period(codes)
        table = gathered_marks(dated, codes, groups, lanes, period)
    # Plan sub-rows for the view: a marker's width at the narrowest plot, whatever the window.
    x_range = axis_range(year_range)
    marker_px = float(mark_sizes(table["count"]).max()) if len(table) else MARKER_PX
    lefts, rights = mark_extents(table, (x_range[1] - x_range[0]).value * marker_px / NARROWEST_PLOT_PX)
    rows = sub_rows(table["lane"].tolist(), lefts, rights)
    table["y"] = table["lane"] + np.take(SUB_ROW_OFFSETS, rows)
    return Marks(table, tuple(EVENT_TYPES[number] for number in present), period, len(dated))


def mark_sizes(counts: pd.Series) -> np.ndarray:
    """MARKER_PX for one event, growing with the logarithm of the count."""
    return np.minimum(MARKER_PX + 2 * np.log10(counts.to_numpy(float)), GROUP_MARKER_MAX_PX).round(1)
