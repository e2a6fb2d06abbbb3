"""The timeline: every event on a date axis, in one lane per event type, and the details of one event.

Pure functions, no Streamlit: `event_marks` decides what the chart draws and `timeline_figure`
draws it with Plotly; `event_listing` and `event_choices` fill the Event box, and `event_details`
and `details_markdown` describe the event a reader picked.

Up to `MAX_EVENT_MARKS` events the chart draws a mark per event and the Event box lists them all.
Past that, a mark per event could not be told apart and would make the page slow to build and send,
so each mark gathers the events of one lane and origin in one day, month or year, and the Event
box lists the clicked mark's events (or the latest ones): the work stays bounded whatever the rows.

Lanes are event types, not countries: nearly every event involves both Japan and Russia (or the
USSR), so lanes by country would repeat each mark and separate nothing, while the event types
show the shape of the story (treaties, the 1945 war, summits, then suspensions).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlparse

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.model.dates import format_date_range, format_partial_date
from lib.model.frames import each_distinct
from lib.model.link import share_link
from lib.model.schema import EVENT_TYPES, ORIGINS
from lib.views.text import escape_html, escape_markdown
from lib.views.theme import (
    ERA_COLOURS,
    MILESTONE_COLOUR,
    ORIGIN_COLOURS,
    ORIGIN_LABELS,
    ORIGIN_SYMBOLS,
)

LANE_LABELS: dict[str, str] = {
    "treaty": "Treaty",
    "declaration": "Declaration",
    "summit": "Summit",
    "ministerial": "Ministerial",
    "military": "Military",
    "legislative": "Legislation",
    "suspension": "Suspension",
    "other": "Other",
}

# Key moments marked on the chart: event id -> a short label in our own words.
MILESTONES: dict[str, str] = {
    "1956-joint-declaration": "Joint Declaration",
    "2018-date-matviyenko-meeting": "The article's meeting",
}

# The data name the USSR in rows before 1992: the Soviet Union ended in December 1991.
SOVIET_ERA_END = pd.Timestamp("1992-01-01")

# Up to this many events in view, a mark per event (each an SVG element) and the Event box lists every one.
MAX_EVENT_MARKS = 500
# Past it, marks gather events by the finest period that makes at most this many marks, decades when
# none does: a 170-year view then has at most 18 decades times 8 lanes times 2 origins, 288 marks.
MAX_GROUP_MARKS = 500
# Past it, the Event box lists at most this many: the clicked mark's first events, or the latest.
MAX_LISTED = 200
# The periods a gathered mark can span, finest first; the first three are also the dates' precisions.
PERIODS: tuple[str, ...] = ("day", "month", "year", "decade")

# Layout is planned for the narrowest plot area: a 390-px window less the page padding and the
# lane names. Any wider window only gives every label more room, so nothing that fits here overlaps.
NARROWEST_PLOT_PX = 250
LABEL_FONT_PX = 12
LABEL_CHAR_PX = 0.58 * LABEL_FONT_PX  # a generous average width of one character (about 0.45 measured)
LABEL_LINE_PX = 16  # one line of label text (Plotly spaces lines at 1.3 times the font size)
LABEL_PAD_PX = 2
LABEL_GAP_PX = 4  # between rows of labels
MARKER_PX = 13
# A gathered mark grows with the logarithm of its count, up to the gap between sub-rows.
GROUP_MARKER_MAX_PX = 19
LANE_PX = 56
MODEBAR_PX = 28  # Plotly's tool buttons, top right, kept clear of the labels
LEGEND_PX = 112  # below the plot: the date ticks, then the legend, on two lines on a phone
# Marks of one lane that would touch at the first view are moved to a sub-row above or below.
SUB_ROW_OFFSETS: tuple[float, ...] = (0.0, -0.34, 0.34)
BAR_THICKNESS = 0.2
HOVER_LINE_CHARS = 42
HOVER_MAX_CHARS = 160

_NAT_NANOSECONDS = np.datetime64("NaT", "ns").astype("int64").item()  # a missing date, as an integer

_HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br>"
    "Source: %{customdata[4]}<br><i>%{customdata[5]}</i><extra></extra>"
)
_GROUP_HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br>"
    "<i>%{customdata[4]}</i><br>Click to list them under the chart<extra></extra>"
)


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


def axis_range(year_range: tuple[int, int]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x range for the year filter: its first and last years whole, with a little room at each end."""
    start = pd.Timestamp(year=year_range[0], month=1, day=1)
    stop = pd.Timestamp(year=year_range[1] + 1, month=1, day=1)
    pad = (stop - start) * 0.02
    return start - pad, stop + pad


def positions(values: pd.Series, names: Sequence[str]) -> np.ndarray:
    """Where each value stands in `names` (each value is one of them), looked up once per distinct value."""
    codes, uniques = pd.factorize(values)
    return np.array([names.index(value) for value in uniques], dtype=np.int64)[codes]


def period_instants(dates: np.ndarray, ranks: np.ndarray, offset: int = 0) -> np.ndarray:
    """The first instant of the period each date falls in, `ranks` being positions in PERIODS, or of
    the period `offset` after it. Worked out once per distinct date: many events share one."""
    codes, distinct = pd.factorize(dates, use_na_sentinel=False)
    years = distinct.astype("datetime64[Y]")
    decades = np.where(np.isnat(years), years, years - (years.astype(np.int64) + 1970) % 10) + 10 * offset
    starts = [distinct.astype("datetime64[D]") + offset, distinct.astype("datetime64[M]") + offset, years + offset]
    return np.stack([start.astype("datetime64[ns]") for start in (*starts, decades)])[ranks, codes]


def period_name(instant: pd.Timestamp, period: str) -> str:
    """A period as a reader names it: "19 Oct 1956", "Oct 1956", "1956" or "1950s"."""
    return f"{instant.year // 10 * 10}s" if period == "decade" else format_partial_date(instant, period)


def period_stops(dates: np.ndarray, precisions: np.ndarray) -> np.ndarray:
    """The first instant after the period each date names (`precisions` are positions in PERIODS):
    the next day, month or year."""
    return period_instants(dates, precisions, offset=1)


def period_stop(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    """`period_stops` for a column of dates and their precisions."""
    stops = period_stops(dates.to_numpy("datetime64[ns]"), positions(precisions, PERIODS))
    return pd.Series(stops, index=dates.index, name=dates.name)


def event_kinds(events: pd.DataFrame) -> pd.Series:
    """ "point" for a single known day, "range" for several days, "period" when only a month or year is known."""
    kinds = pd.Series("point", index=events.index, dtype=object)
    kinds[events["end_date"].notna()] = "range"
    kinds[events["date_precision"] != "day"] = "period"
    return kinds


def url_domain(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def hover_lines(text: str, width: int = HOVER_LINE_CHARS, limit: int = HOVER_MAX_CHARS) -> str:
    """Text for a hover label: shortened, broken into lines that fit a phone, and escaped."""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "<br>".join(escape_html(line) for line in lines)


def source_labels(events: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Where each event comes from: the article's publisher and headline, or the web site it was checked on."""
    headlines = {
        row["id"]: f"{row['publisher']}, “{row['title']}”"
        for row in sources[["id", "publisher", "title"]].to_dict("records")
    }
    from_article = (events["origin"] == "article") & events["source_id"].isin(headlines.keys())
    labels = each_distinct(events["source_url"], url_domain)
    labels[from_article] = events.loc[from_article, "source_id"].map(headlines)
    return labels


def _timestamp(nanoseconds: int) -> pd.Timestamp | None:
    return None if nanoseconds == _NAT_NANOSECONDS else pd.Timestamp(nanoseconds)


HOVER_COLUMNS: tuple[str, ...] = ("id", "hover_title", "hover_date", "hover_countries", "hover_source", "hover_origin")
GROUP_HOVER_COLUMNS: tuple[str, ...] = ("id", "hover_count", "hover_period", "hover_first", "hover_origin")


def hover_texts(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Escaped hover text per event: title, date at its precision, countries, source and origin."""
    # Dates as integers make cheap keys; only the distinct ones become timestamps again.
    starts = events["date"].to_numpy("datetime64[ns]").astype("int64").tolist()
    ends = events["end_date"].to_numpy("datetime64[ns]").astype("int64").tolist()
    when = pd.Series(list(zip(starts, ends, events["date_precision"].tolist(), strict=True)), index=events.index)

    def date_text(key: tuple[int, int, str]) -> str:
        start, end, precision = key
        return escape_html(format_date_range(_timestamp(start), _timestamp(end), precision))

    return pd.DataFrame(
        {
            "hover_title": each_distinct(events["title"], hover_lines),
            "hover_date": each_distinct(when, date_text),
            "hover_countries": each_distinct(events["countries"], lambda countries: escape_html(", ".join(countries))),
            "hover_source": each_distinct(source_labels(events, sources), hover_lines),
            "hover_origin": each_distinct(
                events["origin"], lambda origin: escape_html(ORIGIN_LABELS.get(origin, origin))
            ),
        },
        index=events.index,
    )


def sub_rows(lanes: Sequence[int], starts: Sequence[float], stops: Sequence[float], min_width: float) -> list[int]:
    """The sub-row of each mark, so that marks of one lane that would touch sit apart.

    Greedy, in date order: a mark takes the first sub-row that is free at its start; when none is,
    the one that frees up first. `starts`, `stops` and `min_width` are in the same unit.
    """
    rows = [0] * len(lanes)
    free_from: dict[int, list[float]] = {}
    for index in sorted(range(len(lanes)), key=lambda i: (lanes[i], starts[i])):
        ends = free_from.setdefault(lanes[index], [-math.inf] * len(SUB_ROW_OFFSETS))
        row = next((r for r, end in enumerate(ends) if end <= starts[index]), ends.index(min(ends)))
        rows[index] = row
        ends[row] = max(stops[index], starts[index] + min_width)
    return rows


def event_codes(events: pd.DataFrame) -> pd.DataFrame:
    """Each event's type, origin and date precision as positions in EVENT_TYPES, ORIGINS and PERIODS,
    and its date, for the numeric work of gathering marks."""
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

    `precisions` are positions in PERIODS. A date known only to a coarser precision keeps it: an event
    known only to the year is in no day.
    """
    ranks = np.maximum(precisions, PERIODS.index(period))
    return ranks, period_instants(dates, ranks)


def mark_groups(codes: pd.DataFrame, period: str) -> np.ndarray:
    """A number per event (from `event_codes`), the same for the events that one gathered mark holds:
    one lane, one origin, one period."""
    ranks, buckets = period_buckets(codes["date"].to_numpy(), codes["precision"].to_numpy(), period)
    bucket_numbers = pd.factorize(buckets)[0]
    lane_origin = codes["type"].to_numpy() * len(ORIGINS) + codes["origin"].to_numpy()
    return (bucket_numbers * len(PERIODS) + ranks) * len(EVENT_TYPES) * len(ORIGINS) + lane_origin


def group_period(codes: pd.DataFrame) -> tuple[str, np.ndarray]:
    """The finest period that gathers the events into at most MAX_GROUP_MARKS marks (decades when none
    does), and the events' `mark_groups` for it."""
    for period in PERIODS[:-1]:
        groups = mark_groups(codes, period)
        if len(pd.unique(groups)) <= MAX_GROUP_MARKS:
            return period, groups
    return PERIODS[-1], mark_groups(codes, PERIODS[-1])


def _single_marks(dated: pd.DataFrame, sources: pd.DataFrame, lanes: np.ndarray) -> pd.DataFrame:
    """A mark per event, with its hover text."""
    starts = dated["date"]
    marks = pd.DataFrame(
        {
            "id": dated["id"],
            "origin": dated["origin"],
            "kind": event_kinds(dated),
            "start": starts,
            "stop": period_stop(dated["end_date"].fillna(starts), dated["date_precision"]),
            "lane": lanes,
            "count": 1,
        }
    )
    return marks.join(hover_texts(dated, sources))


def events_text(count: int) -> str:
    return f"{count:,} event" if count == 1 else f"{count:,} events"


def _group_marks(
    dated: pd.DataFrame, codes: pd.DataFrame, groups: np.ndarray, lanes: np.ndarray, period: str
) -> pd.DataFrame:
    """A mark per lane, origin and period, with its count and hover text.

    A marker in the middle of the period when all its events are single days, else a bar from the
    first start to the last stop (hatched when every one is known only to the month or year). Its id
    is that of its first event in date order, the one a click on it picks.
    """
    dates, precisions = codes["date"].to_numpy(), codes["precision"].to_numpy()
    # Each mark's events side by side, in date order with ids breaking ties, so its first event leads.
    order = np.lexsort((dated["id"].to_numpy(object), dates, groups))
    in_order = groups[order]
    leads = np.flatnonzero(np.r_[True, in_order[1:] != in_order[:-1]])
    first = dated.iloc[order[leads]]
    day = PERIODS.index("day")
    points = np.logical_and.reduceat(((precisions == day) & dated["end_date"].isna().to_numpy())[order], leads)
    periods = np.logical_and.reduceat((precisions != day)[order], leads)
    stops = period_stops(dated["end_date"].fillna(dated["date"]).to_numpy("datetime64[ns]"), precisions)
    ranks, buckets = period_buckets(dates[order[leads]], precisions[order[leads]], period)
    marks = pd.DataFrame(
        {
            "id": first["id"].to_numpy(object),
            "origin": first["origin"].to_numpy(object),
            "kind": np.select([points, periods], ["point", "period"], "range"),
            # A marker stands in the middle of its period; a bar spans its events.
            "start": np.where(points, buckets, dates[order[leads]]),
            "stop": np.where(points, period_stops(buckets, ranks), np.maximum.reduceat(stops[order], leads)),
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
    lane_names = [LANE_LABELS.get(event_type, event_type) for event_type in first["event_type"]]
    return marks.assign(
        hover_count=[
            escape_html(f"{events_text(count)} · {lane}")
            for count, lane in zip(marks["count"], lane_names, strict=True)
        ],
        hover_period=[escape_html(text) for text in when],
        hover_first=[
            hover_lines(title if count == 1 else f"First: {title}")
            for title, count in zip(first["title"], marks["count"], strict=True)
        ],
        hover_origin=[escape_html(ORIGIN_LABELS.get(origin, origin)) for origin in marks["origin"]],
    )


def _period_text(first: pd.Timestamp, last: pd.Timestamp, precision: str) -> str:
    """A gathered mark's period, or the periods its first and last events fall in."""
    text = period_name(first, precision)
    return text if last == first else f"{text} – {period_name(last, precision)}"


@dataclass(frozen=True)
class Marks:
    """What the chart draws."""

    table: pd.DataFrame  # a mark per row: id, origin, kind, start, stop, lane, y, count and its hover columns
    lanes: tuple[str, ...]  # the event types present, in lane order
    period: str | None  # None: a mark per event; else one of PERIODS, the span of a lane's events each mark gathers
    events: int  # the events drawn


def event_marks(events: pd.DataFrame, sources: pd.DataFrame, year_range: tuple[int, int]) -> Marks:
    """Where each mark is drawn: its kind, start and stop, lane and y, and its hover data.

    A mark per event up to MAX_EVENT_MARKS events; past that, a mark per lane, origin and period.
    """
    dated = events[events["date"].notna()]
    codes = event_codes(dated)
    present = np.unique(codes["type"].to_numpy())
    lanes = np.searchsorted(present, codes["type"].to_numpy())  # each event's lane
    if len(dated) <= MAX_EVENT_MARKS:
        period, table = None, _single_marks(dated, sources, lanes)
    else:
        period, groups = group_period(codes)
        table = _group_marks(dated, codes, groups, lanes, period)
    # Plan sub-rows for the first view: a mark is at least a marker wide at the narrowest width.
    x_range = axis_range(year_range)
    marker_px = float(mark_sizes(table["count"]).max()) if len(table) else MARKER_PX
    rows = sub_rows(
        table["lane"].tolist(),
        table["start"].to_numpy("datetime64[ns]").astype("int64").astype(float).tolist(),
        table["stop"].to_numpy("datetime64[ns]").astype("int64").astype(float).tolist(),
        (x_range[1] - x_range[0]).value * marker_px / NARROWEST_PLOT_PX,
    )
    table["y"] = table["lane"] + np.take(SUB_ROW_OFFSETS, rows)
    return Marks(table, tuple(EVENT_TYPES[number] for number in present), period, len(dated))


def mark_sizes(counts: pd.Series) -> np.ndarray:
    """Marker size in pixels: MARKER_PX for one event, growing with the logarithm of the count."""
    return np.minimum(MARKER_PX + 2 * np.log10(counts.to_numpy(float)), GROUP_MARKER_MAX_PX).round(1)


def _customdata(marks: pd.DataFrame, grouped: bool) -> np.ndarray:
    return marks[list(GROUP_HOVER_COLUMNS if grouped else HOVER_COLUMNS)].to_numpy(dtype=object)


def _bar_trace(marks: pd.DataFrame, origin: str, showlegend: bool, grouped: bool) -> go.Bar:
    """Bars for events over several days (solid) and events known only to the month or year (hatched)."""
    durations_ms = (marks["stop"] - marks["start"]) / pd.Timedelta(milliseconds=1)
    colour = ORIGIN_COLOURS[origin]
    return go.Bar(
        name=ORIGIN_LABELS[origin],
        legendgroup=origin,
        legendrank=ORIGINS.index(origin),
        showlegend=showlegend,
        orientation="h",
        base=marks["start"],
        x=durations_ms,
        y=marks["y"],
        # A gathered bar thickens as its marker would grow.
        width=(BAR_THICKNESS * mark_sizes(marks["count"]) / MARKER_PX).round(3) if grouped else BAR_THICKNESS,
        customdata=_customdata(marks, grouped),
        hovertemplate=_GROUP_HOVER if grouped else _HOVER,
        marker={
            "color": colour,
            "opacity": np.where(marks["kind"] == "period", 0.6, 1.0).tolist(),
            # The outline keeps a bar of a day or two visible when 170 years share the axis.
            "line": {"color": colour, "width": 4},
            "pattern": {
                "shape": np.where(marks["kind"] == "period", "/", "").tolist(),
                "fillmode": "replace",
                "bgcolor": "white",
                "fgcolor": colour,
                "size": 6,
            },
        },
        hoverlabel={"bordercolor": colour},
        unselected={"marker": {"opacity": 0.35}},
    )


def _point_trace(marks: pd.DataFrame, origin: str, showlegend: bool, grouped: bool) -> go.Scatter:
    colour = ORIGIN_COLOURS[origin]
    return go.Scatter(
        name=ORIGIN_LABELS[origin],
        legendgroup=origin,
        legendrank=ORIGINS.index(origin),
        showlegend=showlegend,
        mode="markers",
        # In the middle of its day (or gathered period), so a single day sits inside it when zoomed in to days.
        x=marks["start"] + (marks["stop"] - marks["start"]) / 2,
        y=marks["y"],
        customdata=_customdata(marks, grouped),
        hovertemplate=_GROUP_HOVER if grouped else _HOVER,
        marker={
            "symbol": ORIGIN_SYMBOLS[origin],
            "size": mark_sizes(marks["count"]) if grouped else MARKER_PX,
            "color": colour,
            "line": {"color": "white", "width": 1},
        },
        hoverlabel={"bordercolor": colour},
        unselected={"marker": {"opacity": 0.35}},
    )


@dataclass(frozen=True)
class Label:
    """Text over the plot, tied to a date: left-aligned from `left`, or right-aligned up to `right`."""

    lines: tuple[str, ...]
    left: pd.Timestamp
    right: pd.Timestamp
    background: str | None = None


def place_labels(
    labels: Sequence[Label], x_range: tuple[pd.Timestamp, pd.Timestamp], plot_px: float = NARROWEST_PLOT_PX
) -> tuple[list[dict[str, Any]], int]:
    """Annotations for the labels, each in the lowest row above the plot where it overlaps no other,
    and the height in pixels of all the rows.

    Widths are estimated for a plot `plot_px` wide; on a wider plot every label takes a smaller
    share of the axis, so labels that are apart here stay apart.
    """
    span = (x_range[1] - x_range[0]).value

    def fraction(timestamp: pd.Timestamp) -> float:
        return (timestamp - x_range[0]).value / span

    rows: list[list[tuple[float, float]]] = []
    row_lines: list[int] = []
    placed: list[tuple[Label, str, pd.Timestamp, int]] = []
    for label in labels:
        width = (max(len(line) for line in label.lines) * LABEL_CHAR_PX + 2 * LABEL_PAD_PX) / plot_px
        if fraction(label.left) + width <= 1 or fraction(label.right) - width < 0:
            anchor, x, extent = "left", label.left, (fraction(label.left), fraction(label.left) + width)
        else:
            anchor, x, extent = "right", label.right, (fraction(label.right) - width, fraction(label.right))
        row = next(
            (number for number, spans in enumerate(rows) if all(extent[1] <= a or b <= extent[0] for a, b in spans)),
            len(rows),
        )
        if row == len(rows):
            rows.append([])
            row_lines.append(0)
        rows[row].append(extent)
        row_lines[row] = max(row_lines[row], len(label.lines))
        placed.append((label, anchor, x, row))

    heights = [lines * LABEL_LINE_PX + 2 * LABEL_PAD_PX + LABEL_GAP_PX for lines in row_lines]
    annotations = [
        {
            "text": "<br>".join(escape_html(line) for line in label.lines),
            "x": x,
            "xref": "x",
            "xanchor": anchor,
            "y": 1,
            "yref": "paper",
            "yanchor": "bottom",
            "yshift": LABEL_GAP_PX + sum(heights[:row]),
            "showarrow": False,
            "align": anchor,
            "font": {"size": LABEL_FONT_PX, "color": MILESTONE_COLOUR},
            "bgcolor": label.background,
            "borderpad": LABEL_PAD_PX,
        }
        for label, anchor, x, row in placed
    ]
    return annotations, sum(heights)


def background_labels(
    events: pd.DataFrame, era_bands: Sequence[Era], x_range: tuple[pd.Timestamp, pd.Timestamp]
) -> tuple[list[Label], list[dict[str, Any]]]:
    """The era bands and milestone lines in view, with their labels."""
    labels: list[Label] = []
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
        labels.append(Label((era.label, *until), start, end, background=colour))
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
        labels.append(Label((MILESTONES[row["id"]], when), at, at))
    return labels, shapes


_TICK_FORMATS = [
    {"dtickrange": [None, 86_400_000 * 27], "value": "%-d %b"},
    {"dtickrange": [86_400_000 * 27, "M12"], "value": "%b %Y"},
    {"dtickrange": ["M12", None], "value": "%Y"},
]


def timeline_figure(
    marks: Marks,
    events: pd.DataFrame,
    year_range: tuple[int, int],
    era_bands: Sequence[Era] = (),
) -> go.Figure:
    """The `marks` of `events` on a date axis, one lane per event type; each mark carries its event id
    (or its first event's) in customdata[0].

    Single days are markers, spans are bars (hatched when only the month or year is known), with
    shape and colour by origin. The x axis covers `year_range`; `era_bands` are shaded behind.
    """
    x_range = axis_range(year_range)
    table = marks.table
    grouped = marks.period is not None
    figure = go.Figure()
    # Context first, so that the article's events are drawn on top of them.
    for origin in reversed(ORIGINS):
        of_origin = table[table["origin"] == origin]
        bars = of_origin[of_origin["kind"] != "point"]
        points = of_origin[of_origin["kind"] == "point"]
        # One legend entry per origin, from its markers when it has any, for the symbol.
        if len(bars):
            figure.add_trace(_bar_trace(bars, origin, showlegend=not len(points), grouped=grouped))
        if len(points):
            figure.add_trace(_point_trace(points, origin, showlegend=True, grouped=grouped))

    labels, shapes = background_labels(events, era_bands, x_range)
    annotations, labels_px = place_labels(labels, x_range)
    figure.update_layout(
        barmode="overlay",
        height=MODEBAR_PX + labels_px + max(len(marks.lanes), 1) * LANE_PX + LEGEND_PX + 8,
        margin={"l": 8, "r": 12, "t": MODEBAR_PX + labels_px + 8, "b": LEGEND_PX},
        shapes=shapes,
        annotations=annotations,
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 13}},
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 0,
            "yref": "container",
            "yanchor": "bottom",
        },
        # Keeps the reader's zoom when they pick an event; a new year range starts afresh.
        uirevision=f"{year_range[0]}-{year_range[1]}",
        clickmode="event+select",
        dragmode="zoom",
        plot_bgcolor="white",
    )
    figure.update_xaxes(
        type="date",
        range=list(x_range),
        tickformatstops=_TICK_FORMATS,
        showgrid=True,
        gridcolor="rgba(0,0,0,0.08)",
        automargin=True,
    )
    figure.update_yaxes(
        tickvals=list(range(len(marks.lanes))),
        ticktext=[LANE_LABELS.get(lane, lane) for lane in marks.lanes],
        range=[len(marks.lanes) - 0.5, -0.5],
        fixedrange=True,
        showgrid=False,
        zeroline=False,
        automargin=True,
    )
    return figure


def selected_event_id(selection: Mapping[str, Any] | None) -> str | None:
    """The event id of the first selected mark of a `st.plotly_chart` selection, if any."""
    for point in (selection or {}).get("points", ()):
        customdata = point.get("customdata")
        if isinstance(customdata, Sequence) and not isinstance(customdata, str) and customdata:
            return str(customdata[0])
    return None


@dataclass(frozen=True)
class EventDetails:
    event: dict[str, Any]  # the events.csv row
    article: dict[str, Any] | None  # its sources.csv row, for an event from an article
    islands: tuple[tuple[str, str], ...]  # (island id, English name)
    statements: pd.DataFrame  # statements made on the event's day(s)


def statements_during(statements: pd.DataFrame, event: Mapping[str, Any]) -> pd.DataFrame:
    """Statements dated to a day of the event; none when the event's day is not known."""
    if event["date_precision"] != "day" or pd.isna(event["date"]):
        return statements.iloc[0:0]
    last = event["end_date"] if not pd.isna(event["end_date"]) else event["date"]
    on_day = statements["date_precision"].eq("day") & statements["date"].between(event["date"], last)
    return statements[on_day.fillna(False).astype(bool)]


def event_details(
    event_id: str, events: pd.DataFrame, sources: pd.DataFrame, islands: pd.DataFrame, statements: pd.DataFrame
) -> EventDetails | None:
    """Everything the details panel shows for one event, or None when `events` has no such id."""
    matches = events[events["id"] == event_id]
    if matches.empty:
        return None
    event = matches.iloc[0].to_dict()
    article_rows = sources[sources["id"] == event["source_id"]] if event["origin"] == "article" else sources.iloc[0:0]
    names = dict(zip(islands["id"], islands["name_en"], strict=True))
    return EventDetails(
        event=event,
        article=article_rows.iloc[0].to_dict() if len(article_rows) else None,
        islands=tuple((island, names.get(island, island)) for island in event["islands"]),
        statements=statements_during(statements, event),
    )


def markdown_url(url: str) -> str:
    """An http(s) address made safe as a Markdown link target: brackets, quotes and spaces percent-encoded."""
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def markdown_link(label: str, url: str) -> str:
    return f"[{escape_markdown(label)}]({markdown_url(url)})"


def details_markdown(details: EventDetails, view_params: Mapping[str, str] | None = None) -> str:
    """The details panel as Markdown, every data text escaped.

    `view_params` are the current filters as URL parameters: the island links keep them, so the
    map opens on the same view with only the island changed.
    """
    event = details.event
    lines = [
        f"**{escape_markdown(event['title'])}**  ",
        f"{escape_markdown(format_date_range(event['date'], event['end_date'], event['date_precision']))} · "
        f"{escape_markdown(LANE_LABELS.get(event['event_type'], event['event_type']))} · "
        f"{escape_markdown(', '.join(event['countries']))} · "
        f"_{escape_markdown(ORIGIN_LABELS.get(event['origin'], event['origin']))}_",
        "",
        escape_markdown(event["description"]),
        "",
    ]
    if details.article is not None and event["evidence"]:
        article = details.article
        headline = f"{article['publisher']}, “{article['title']}”"
        lines += ["From the article:", "", f"> {escape_markdown(event['evidence'])}", ""]
        lines += [f"— {markdown_link(headline, article['url'])}", ""]
    article_url = details.article["url"] if details.article is not None else None
    if event["source_url"] and event["source_url"] != article_url:
        what = "Also checked against" if details.article is not None else "Source"
        site = url_domain(event["source_url"]) or event["source_url"]
        lines += [f"{what}: {markdown_link(site, event['source_url'])}", ""]
    if details.islands:
        links = ", ".join(
            f"[{escape_markdown(name)}]({share_link('map', {**(view_params or {}), 'island': island})})"
            for island, name in details.islands
        )
        lines += [f"Islands (open on the map): {links}", ""]
    if event["date_precision"] == "day":
        day = format_date_range(event["date"], event["end_date"], "day")
        lines += [f"**Said on {escape_markdown(day)}**", ""]
        said = [f"- {statement_markdown(statement)}" for statement in details.statements.to_dict("records")]
        lines += said or ["No statement in the data is dated to that day."]
    return "\n".join(lines)


def statement_markdown(statement: Mapping[str, Any]) -> str:
    """One statement made during the event: who, in what role, and the words, escaped."""
    words = f"“{escape_markdown(statement['quote'])}”"
    if statement["kind"] == "reported":
        words = f"{words} (reported)"
    return (
        f"**{escape_markdown(statement['speaker'])}** ({escape_markdown(statement['role'])}, "
        f"{escape_markdown(statement['country'])}): {words}"
    )


def event_choices(events: pd.DataFrame) -> dict[str, str]:
    """Event id -> "date · title", in date order, for a select box."""
    ordered = events.sort_values(["date", "id"])
    columns = (ordered[name].tolist() for name in ("id", "date", "end_date", "date_precision", "title"))
    return {
        event_id: f"{format_date_range(start, end, precision)} · {title}"
        for event_id, start, end, precision, title in zip(*columns, strict=True)
    }


_SAME_PERIOD: dict[str, str] = {
    "day": "on the same day",
    "month": "in the same month",
    "year": "in the same year",
    "decade": "in the same decade",
}


def grouping_note(marks: Marks) -> str | None:
    """What a gathered mark stands for, and how to see each event; None when each mark is one event."""
    if marks.period is None:
        return None
    known_to = " (an event known only to its month or year stays in it)" if marks.period in ("day", "month") else ""
    return (
        f"{marks.events:,} events are too many to draw one by one: each mark gathers the events of one "
        f"type and origin that began {_SAME_PERIOD[marks.period]}{known_to}, and a bigger mark stands for "
        f"more of them. Narrow the years, country or island to {MAX_EVENT_MARKS:,} events or fewer to see each one."
    )


@dataclass(frozen=True)
class Listing:
    """The events the Event box offers, in date order, and what they were taken from."""

    events: pd.DataFrame
    total: int  # how many events they were taken from: the clicked mark's, or every event in view
    mark: str | None  # the clicked gathered mark, as "lane · origin · period"; None when not listing one


def event_listing(events: pd.DataFrame, period: str | None, clicked: str | None) -> Listing:
    """What the Event box lists: every event when each is its own mark (`period` is None); else, when
    `clicked` is an event in view, the first MAX_LISTED events of its gathered mark; else the latest."""
    if period is None:
        return Listing(events.sort_values(["date", "id"]), len(events), None)
    at = np.flatnonzero((events["id"] == clicked).to_numpy()) if clicked is not None else ()
    if not len(at):
        return Listing(latest_events(events, MAX_LISTED), len(events), None)
    codes = event_codes(events)
    groups = mark_groups(codes, period)
    members = events[groups == groups[at[0]]].sort_values(["date", "id"])
    event = events.iloc[at[0]]
    ranks, buckets = period_buckets(codes["date"].to_numpy()[at], codes["precision"].to_numpy()[at], period)
    mark = " · ".join(
        (
            LANE_LABELS.get(event["event_type"], event["event_type"]),
            ORIGIN_LABELS.get(event["origin"], event["origin"]),
            period_name(pd.Timestamp(buckets[0]), PERIODS[ranks[0]]),
        )
    )
    return Listing(members.head(MAX_LISTED), len(members), mark)


def latest_events(events: pd.DataFrame, count: int) -> pd.DataFrame:
    """The last `count` events in date order (ids breaking ties), without sorting all of them."""
    if len(events) <= count:
        return events.sort_values(["date", "id"])
    dates = events["date"].to_numpy("datetime64[ns]")
    cutoff = np.partition(dates, len(dates) - count)[len(dates) - count]
    candidates = np.flatnonzero(dates >= cutoff)  # `count` and any that tie with the last of them
    in_order = np.lexsort((events["id"].iloc[candidates].to_numpy(object), dates[candidates]))
    return events.iloc[candidates[in_order][-count:]]


def listing_note(listing: Listing) -> str | None:
    """Markdown saying what the Event box lists when it is not simply every event in view."""
    shown = len(listing.events)
    if listing.mark is not None:
        held = "them" if shown == listing.total else f"the first {shown:,} of them in date order"
        return (
            f"The mark you clicked gathers {events_text(listing.total)} ({escape_markdown(listing.mark)}); "
            f"the Event box lists {held}."
        )
    if shown < listing.total:
        return (
            f"The Event box lists the {shown:,} latest of {listing.total:,} events. Click a mark on the chart "
            "to list its events, or narrow the years, country or island."
        )
    return None
