"""The Plotly figure: the marks as traces, one pair per origin, over the background and under the labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.model.schema import ORIGINS
from lib.views.theme import ORIGIN_COLOURS, ORIGIN_LABELS, ORIGIN_SYMBOLS, rgba
from lib.views.timeline.axes import LANE_LABELS, axis_range
from lib.views.timeline.background import Era, background
from lib.views.timeline.hover import GROUP_HOVER, GROUP_HOVER_COLUMNS, HOVER, HOVER_COLUMNS
from lib.views.timeline.labels import place_labels
from lib.views.timeline.marks import MARKER_PX, Marks, mark_sizes

LANE_PX = 56
MODEBAR_PX = 28  # Plotly's tool buttons, top right, kept clear of the labels
LEGEND_PX = 112  # below the plot: the date ticks, then the legend, on two lines on a phone

BAR_THICKNESS = 0.2


# What every figure has, whatever it draws.
_LAYOUT: dict[str, Any] = {
    "barmode": "overlay",
    "hovermode": "closest",
    "hoverlabel": {"align": "left", "bgcolor": "white", "font": {"size": 13}},
    "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 0, "yref": "container", "yanchor": "bottom"},
    "clickmode": "event+select",
    "dragmode": "zoom",
    "plot_bgcolor": "white",
}
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
    labels, shapes = background(events, era_bands, x_range)
    annotations, labels_px = place_labels(labels, x_range)
    figure = go.Figure(mark_traces(marks))
    figure.update_layout(
        _LAYOUT,
        height=MODEBAR_PX + labels_px + max(len(marks.lanes), 1) * LANE_PX + LEGEND_PX + 8,
        margin={"l": 8, "r": 12, "t": MODEBAR_PX + labels_px + 8, "b": LEGEND_PX},
        shapes=shapes,
        annotations=annotations,
        # Keeps the reader's zoom when they pick an event; a new year range starts afresh.
        uirevision=f"{year_range[0]}-{year_range[1]}",
    )
    figure.update_xaxes(
        type="date",
        range=list(x_range),
        tickformatstops=_TICK_FORMATS,
        showgrid=True,
        gridcolor=rgba("#000000", 0.08),
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


def mark_traces(marks: Marks) -> list[go.Bar | go.Scatter]:
    """A trace of bars and one of markers per origin, each when it has any. Context first, so that
    the article's events are drawn on top of them."""
    table, grouped = marks.table, marks.period is not None
    traces: list[go.Bar | go.Scatter] = []
    for origin in reversed(ORIGINS):
        of_origin = table[table["origin"] == origin]
        bars = of_origin[of_origin["kind"] != "point"]
        points = of_origin[of_origin["kind"] == "point"]
        # One legend entry per origin, from its markers when it has any, for the symbol.
        if len(bars):
            traces.append(_bar_trace(bars, origin, showlegend=not len(points), grouped=grouped))
        if len(points):
            traces.append(_point_trace(points, origin, grouped=grouped))
    return traces


def _trace_of(marks: pd.DataFrame, origin: str, showlegend: bool, grouped: bool) -> dict[str, Any]:
    """What a bar trace and a marker trace of one origin share: legend entry, lane, hover text."""
    return {
        "name": ORIGIN_LABELS[origin],
        "legendgroup": origin,
        "legendrank": ORIGINS.index(origin),
        "showlegend": showlegend,
        "y": marks["y"],
        "customdata": marks[list(GROUP_HOVER_COLUMNS if grouped else HOVER_COLUMNS)].to_numpy(dtype=object),
        "hovertemplate": GROUP_HOVER if grouped else HOVER,
        "hoverlabel": {"bordercolor": ORIGIN_COLOURS[origin]},
        "unselected": {"marker": {"opacity": 0.35}},
    }


def _bar_trace(marks: pd.DataFrame, origin: str, showlegend: bool, grouped: bool) -> go.Bar:
    """Bars for events over several days (solid) and events known only to the month or year (hatched)."""
    colour = ORIGIN_COLOURS[origin]
    return go.Bar(
        _trace_of(marks, origin, showlegend, grouped),
        orientation="h",
        base=marks["start"],
        x=(marks["stop"] - marks["start"]) / pd.Timedelta(milliseconds=1),
        # A gathered bar thickens as its marker would grow.
        width=(BAR_THICKNESS * mark_sizes(marks["count"]) / MARKER_PX).round(3) if grouped else BAR_THICKNESS,
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
    )


def _point_trace(marks: pd.DataFrame, origin: str, grouped: bool) -> go.Scatter:
    return go.Scatter(
        _trace_of(marks, origin, showlegend=True, grouped=grouped),
        mode="markers",
        # In the middle of its day (or gathered period), so a single day sits inside it when zoomed in to days.
        x=marks["start"] + (marks["stop"] - marks["start"]) / 2,
        marker={
            "symbol": ORIGIN_SYMBOLS[origin],
            "size": mark_sizes(marks["count"]) if grouped else MARKER_PX,
            "color": ORIGIN_COLOURS[origin],
            "line": {"color": "white", "width": 1},
        },
    )


def selected_event_id(selection: Mapping[str, Any] | None) -> str | None:
    """The event id of the first selected mark of a `st.plotly_chart` selection, if any."""
    for point in (selection or {}).get("points", ()):
        customdata = point.get("customdata")
        if isinstance(customdata, Sequence) and not isinstance(customdata, str) and customdata:
            return str(customdata[0])
    return None
