"""The chart's axes and what stands on them: dates across, a lane per event type down, the era bands and
milestone lines behind the marks, and their labels above the plot in rows where none overlaps another."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count
from typing import Any
from unicodedata import east_asian_width

import pandas as pd

from lib.i18n import N_, _
from lib.model.dates import format_partial_date
from lib.model.frames import names_any
from lib.views.html import join
from lib.views.theme import ERA_COLOURS, MILESTONE_COLOUR

# A lane is named by its event type (schema.EVENT_TYPES); "legislative" reads better as a noun.
LANE_LABELS = dict(
    treaty=N_("Treaty"),
    declaration=N_("Declaration"),
    summit=N_("Summit"),
    ministerial=N_("Ministerial"),
    military=N_("Military"),
    legislative=N_("Legislation"),
    suspension=N_("Suspension"),
    other=N_("Other"),
)


def lane_name(event_type: str) -> str:
    return _(LANE_LABELS.get(event_type, event_type))


# A 390-px window less the page padding and lane names: what fits here fits any wider window too.
NARROWEST_PLOT_PX = 250
DateRange = tuple[pd.Timestamp, pd.Timestamp]  # the x axis's first and last instants


def axis_range(year_range: tuple[int, int]) -> DateRange:
    """The year filter's years whole, with a little room at each end."""
    start, stop = pd.Timestamp(year=year_range[0], month=1, day=1), pd.Timestamp(year=year_range[1] + 1, month=1, day=1)
    pad = (stop - start) * 0.02
    return start - pad, stop + pad


LABEL_FONT_PX = 12
LABEL_CHAR_PX = 0.58 * LABEL_FONT_PX  # a generous average width of one character (about 0.45 measured)
LABEL_LINE_PX = 16  # one line of label text (Plotly spaces lines at 1.3 times the font size)
LABEL_PAD_PX = 2
LABEL_GAP_PX = 4  # between rows of labels


@dataclass(frozen=True)
class AxisLabel:
    """Text over the plot, tied to a date: left-aligned from `left`, or right-aligned up to `right`."""

    lines: tuple[str, ...]
    left: pd.Timestamp
    right: pd.Timestamp
    background: str | None = None


def place_labels(labels: Sequence[AxisLabel], x_range: DateRange) -> tuple[list[dict[str, Any]], int]:
    """Annotations for the labels, each in the lowest row above the plot where it overlaps no other, and the rows'
    height in pixels. Widths are for the narrowest plot: labels apart there are apart on a wider one."""
    anchored = [_anchor(label, x_range) for label in labels]
    rows = _lowest_free_rows([extent for _, _, extent in anchored])
    row_lines = [0] * (max(rows, default=-1) + 1)
    for label, row in zip(labels, rows, strict=True):
        row_lines[row] = max(row_lines[row], len(label.lines))
    heights = [lines * LABEL_LINE_PX + 2 * LABEL_PAD_PX + LABEL_GAP_PX for lines in row_lines]
    annotations = [
        _annotation(label, anchor, x, yshift=LABEL_GAP_PX + sum(heights[:row]))
        for label, (anchor, x, _), row in zip(labels, anchored, rows, strict=True)
    ]
    return annotations, sum(heights)


def _anchor(label: AxisLabel, x_range: DateRange) -> tuple[str, pd.Timestamp, tuple[float, float]]:
    """Left-aligned from its left date unless only right-aligned keeps it on the axis; the span it covers, 0 to 1."""
    span = (x_range[1] - x_range[0]).value
    left, right = ((at - x_range[0]).value / span for at in (label.left, label.right))
    width = (max(map(_text_px, label.lines)) + 2 * LABEL_PAD_PX) / NARROWEST_PLOT_PX
    if left + width <= 1 or right - width < 0:
        return "left", label.left, (left, left + width)
    return "right", label.right, (right - width, right)


def _text_px(line: str) -> float:
    """A line's width: a Japanese character is a full em wide, any other LABEL_CHAR_PX."""
    wide = sum(east_asian_width(character) in "WF" for character in line)
    return len(line) * LABEL_CHAR_PX + wide * (LABEL_FONT_PX - LABEL_CHAR_PX)


def _lowest_free_rows(extents: Sequence[tuple[float, float]]) -> list[int]:
    """Each extent's row, in order: the lowest where it overlaps none placed before it."""
    rows: defaultdict[int, list[tuple[float, float]]] = defaultdict(list)
    placed: list[int] = []
    for start, stop in extents:
        row = next(number for number in count() if all(stop <= a or b <= start for a, b in rows[number]))
        rows[row].append((start, stop))
        placed.append(row)
    return placed


def _annotation(label: AxisLabel, anchor: str, x: pd.Timestamp, yshift: int) -> dict[str, Any]:
    return {
        "text": str(join(label.lines, "<br>")),
        "x": x,
        "xref": "x",
        "xanchor": anchor,
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "yshift": yshift,
        "showarrow": False,
        "align": anchor,
        "font": {"size": LABEL_FONT_PX, "color": MILESTONE_COLOUR},
        "bgcolor": label.background,
        "borderpad": LABEL_PAD_PX,
    }


# Key moments marked on the chart: event id -> a short label in our own words.
MILESTONES: dict[str, str] = {
    "1956-joint-declaration": N_("Joint Declaration"),
    "2018-date-matviyenko-meeting": N_("Meeting TASS reported"),
}

# The data name the USSR in rows before 1992: the Soviet Union ended in December 1991.
SOVIET_ERA_END = pd.Timestamp("1992-01-01")


@dataclass(frozen=True)
class Era:
    key: str  # a key of theme.ERA_COLOURS
    label: str  # English, marked for the catalogs: translated where drawn
    start: pd.Timestamp
    end: pd.Timestamp | None  # exclusive; None: still going


def eras(events: pd.DataFrame) -> tuple[Era, ...]:
    """The Soviet era, from the first event naming the USSR to December 1991, then the Russian Federation. The
    data does not date the USSR's beginning, so the label says where the events name it, not "Soviet Union"."""
    naming_ussr = events.loc[(events["date"] < SOVIET_ERA_END) & names_any(events["countries"], {"USSR"}), "date"]
    soviet = (Era("soviet", N_("USSR in these events"), naming_ussr.min(), SOVIET_ERA_END),) if len(naming_ussr) else ()
    return (*soviet, Era("russian_federation", N_("Russian Federation"), SOVIET_ERA_END, None))


def background(
    events: pd.DataFrame, era_bands: Sequence[Era], x_range: DateRange
) -> tuple[list[AxisLabel], list[dict[str, Any]]]:
    """The era bands and milestone lines in view, as Plotly shapes, and their labels."""
    milestones = events[events["id"].isin(MILESTONES.keys())].sort_values("date").to_dict("records")
    drawn = [_era_band(era, x_range) for era in era_bands] + [_milestone(row, x_range) for row in milestones]
    in_view = [item for item in drawn if item is not None]
    return [label for label, _ in in_view], [shape for _, shape in in_view]


def _full_height(kind: str, x0: pd.Timestamp, x1: pd.Timestamp, **style: Any) -> dict[str, Any]:
    return {"type": kind, "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1, **style, "layer": "below"}


def _era_band(era: Era, x_range: DateRange) -> tuple[AxisLabel, dict[str, Any]] | None:
    """The era's label and shaded band, cut to the axis; None when it is out of view."""
    start = max(era.start, x_range[0])
    end = x_range[1] if era.end is None else min(era.end, x_range[1])
    if start >= end:
        return None
    colour = ERA_COLOURS[era.key]
    band = _full_height("rect", start, end, fillcolor=colour, line={"width": 0})
    lines = (_(era.label),)
    if era.end is not None:  # its first and last months, under its name
        first, last = (format_partial_date(day, "month") for day in (era.start, era.end - pd.Timedelta(days=1)))
        lines += (f"{first} – {last}",)
    return AxisLabel(lines, start, end, background=colour), band


def _milestone(event: dict[str, Any], x_range: DateRange) -> tuple[AxisLabel, dict[str, Any]] | None:
    """A milestone event's label and dotted line, in the middle of its day; None when it is out of view."""
    at = event["date"] + pd.Timedelta(hours=12) if event["date_precision"] == "day" else event["date"]
    if not x_range[0] <= at <= x_range[1]:
        return None
    line = _full_height("line", at, at, line={"color": MILESTONE_COLOUR, "width": 1, "dash": "dot"})
    when = format_partial_date(event["date"], event["date_precision"])
    return AxisLabel((_(MILESTONES[event["id"]]), when), at, at), line
