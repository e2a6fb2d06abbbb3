"""The Plotly figure: the marks as traces, up to three per origin, over the background and under the labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from babel.dates import get_month_names

from lib.i18n import ENGLISH, N_, _, current_language
from lib.model.schema import ORIGINS
from lib.views.html import Markup, html
from lib.views.theme import ORIGIN_COLOURS, ORIGIN_LABELS, ORIGIN_SYMBOLS, TIMELINE_CHOSEN_COLOUR, rgba
from lib.views.timeline.background import DateRange, Era, axis_range, background, lane_name, place_labels
from lib.views.timeline.hover import GROUP_HOVER_COLUMNS, HOVER_COLUMNS, hover_template
from lib.views.timeline.marks import MARKER_PX, Marks, mark_sizes

LANE_PX = 56
MODEBAR_PX = 28  # Plotly's tool buttons, top right, kept clear of the labels
TICKS_PX = 24  # the date ticks under the plot
LEGEND_PX = TICKS_PX + 2 * 22  # two lines of the legend: one on a laptop, two on a phone
BAR_THICKNESS = 0.2
CHOSEN_RING = "chosen event"  # the name of the trace that rings the chosen event
SHOW_CHOSEN_JS = "app/static/timeline/show-chosen-event.js"
# Ticks a year apart or more read as years ("2013", not "Jan 2013"), months as "Mar 2018", days as "23 Jul".
# Translators: the chart's dates a day apart, in d3's codes (%-d day, %b month's short name, %-m its number).
DAY_TICKS = N_("%-d %b")
# Translators: the chart's dates a month apart, in d3's codes (%b month's short name, %-m its number, %Y year).
MONTH_TICKS = N_("%b %Y")
# The chart's tools: a picture to save and Streamlit's full screen. Zooming is the period control's.
ZOOM_TOOLS = ["zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d"]
CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ZOOM_TOOLS}
MONTH_NAMES = (("months", "wide"), ("shortMonths", "abbreviated"))
TOOLBAR_MESSAGES = (
    N_("Download plot as a PNG"),
    N_("Preparing image - this may take a few seconds"),
    N_("Image download succeeded"),
    N_("Sorry, there was a problem downloading your image!"),
)


def chart_config() -> dict[str, Any]:
    """Plotly's config: in ja and ru, `locales` gives Plotly the words of the chart's one button and its notices."""
    if (language := current_language()) == ENGLISH:
        return CHART_CONFIG
    dictionary = {message: _(message) for message in TOOLBAR_MESSAGES}
    # Month names as a date stands alone in the language (a tick is a label, not part of a sentence).
    months = {name: list(get_month_names(width, "stand-alone", language).values()) for name, width in MONTH_NAMES}
    return CHART_CONFIG | {"locale": language, "locales": {language: {"dictionary": dictionary, "format": months}}}


def timeline_figure(
    marks: Marks,
    events: pd.DataFrame,
    year_range: tuple[int, int],
    era_bands: Sequence[Era] = (),
    chosen: str | None = None,
) -> go.Figure:
    """The `marks` of `events` on a date axis, a lane per event type, `era_bands` shaded behind and the mark
    whose id is `chosen` ringed. Every mark has a marker, the one thing to hover or click however short its span."""
    x_range = axis_range(year_range)
    labels, shapes = background(events, era_bands, x_range)
    annotations, labels_px = place_labels(labels, x_range)
    height = MODEBAR_PX + labels_px + max(len(marks.lanes), 1) * LANE_PX + LEGEND_PX + 8
    figure = go.Figure([*mark_traces(marks), *chosen_ring(marks, chosen)])
    figure.update_layout(
        barmode="overlay",
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 13}},
        clickmode="event+select",
        # The reader zooms by the years: a drag's zoom would be lost when the chart remounts, and on a
        # touch screen the drag would hold the page's scroll.
        dragmode=False,
        plot_bgcolor="white",
        height=height,
        margin={"l": 8, "r": 12, "t": MODEBAR_PX + labels_px + 8, "b": LEGEND_PX},
        # Under the dates, across the whole figure so that it wraps only where the figure ends; entries one
        # after the other (grouped by origin, Plotly would give each its own row).
        legend={
            "orientation": "h",
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": (LEGEND_PX - TICKS_PX) / height,
            "yref": "container",
            "yanchor": "top",
            "traceorder": "normal",
        },
        shapes=shapes,
        annotations=annotations,
    )
    set_axes(figure, marks.lanes, x_range)
    return figure


def set_axes(figure: go.Figure, lanes: Sequence[str], x_range: DateRange) -> None:
    """Dates across, fixed to the years chosen; a lane per event type down, the first at the top."""
    figure.update_xaxes(
        type="date",
        range=list(x_range),
        fixedrange=True,
        tickformatstops=[
            {"dtickrange": [None, 86_400_000 * 27], "value": _(DAY_TICKS)},
            {"dtickrange": [86_400_000 * 27, "M6"], "value": _(MONTH_TICKS)},
            {"dtickrange": ["M12", None], "value": "%Y"},
        ],
        showgrid=True,
        gridcolor=rgba("#000000", 0.08),
        automargin=True,
    )
    figure.update_yaxes(
        tickvals=list(range(len(lanes))),
        ticktext=[lane_name(lane) for lane in lanes],
        range=[len(lanes) - 0.5, -0.5],
        fixedrange=True,
        showgrid=False,
        zeroline=False,
        automargin=True,
    )


def mark_traces(marks: Marks) -> list[go.Bar | go.Scatter]:
    """Per origin (context first, so the article's events lie on top), bars for the marks that span time,
    markers for those known to the day and hollow markers for the others."""
    table, grouped = marks.table, marks.period is not None
    traces: list[go.Bar | go.Scatter] = []
    for origin in reversed(ORIGINS):
        of_origin = table[table["origin"] == origin]
        spans = of_origin[of_origin["kind"] != "point"]
        if len(spans):
            traces.append(_bar_trace(spans, origin, grouped=grouped))
        known_to_the_day = of_origin["kind"] != "period"
        # The legend shows the origin's symbol from its first marker trace: filled when it has any.
        for hollow, of_kind in ((False, of_origin[known_to_the_day]), (True, of_origin[~known_to_the_day])):
            if len(of_kind):
                in_legend = not hollow or not known_to_the_day.any()
                traces.append(_point_trace(of_kind, origin, grouped=grouped, hollow=hollow, showlegend=in_legend))
    return traces


def _trace_of(marks: pd.DataFrame, origin: str, showlegend: bool, grouped: bool) -> dict[str, Any]:
    return {
        "name": _(ORIGIN_LABELS[origin]),
        "legendgroup": origin,
        "legendrank": ORIGINS.index(origin),
        "showlegend": showlegend,
        "y": marks["y"],
        "customdata": marks[list(GROUP_HOVER_COLUMNS if grouped else HOVER_COLUMNS)].to_numpy(dtype=object),
        "hovertemplate": hover_template(grouped),
        "hoverlabel": {"bordercolor": ORIGIN_COLOURS[origin]},
        "unselected": {"marker": {"opacity": 0.35}},
    }


def _bar_trace(marks: pd.DataFrame, origin: str, grouped: bool) -> go.Bar:
    """Bars for events over several days (solid) and events known only to the month or year (hatched)."""
    colour = ORIGIN_COLOURS[origin]
    return go.Bar(
        _trace_of(marks, origin, showlegend=False, grouped=grouped),
        orientation="h",
        base=marks["start"],
        x=(marks["stop"] - marks["start"]) / pd.Timedelta(milliseconds=1),
        # A gathered bar thickens as its marker would grow.
        width=(BAR_THICKNESS * mark_sizes(marks["count"]) / MARKER_PX).round(3) if grouped else BAR_THICKNESS,
        marker={
            "color": colour,
            "opacity": np.where(marks["kind"] == "period", 0.6, 1.0).tolist(),
            "line": {"color": colour, "width": 1},
            "pattern": {
                "shape": np.where(marks["kind"] == "period", "/", "").tolist(),
                "fillmode": "replace",
                "bgcolor": "white",
                "fgcolor": colour,
                "size": 6,
            },
        },
    )


def _point_trace(marks: pd.DataFrame, origin: str, grouped: bool, hollow: bool, showlegend: bool) -> go.Scatter:
    """Markers in the middle of their marks; hollow when only the month or year is known, not to be taken for a day."""
    colour = ORIGIN_COLOURS[origin]
    return go.Scatter(
        _trace_of(marks, origin, showlegend=showlegend, grouped=grouped),
        mode="markers",
        x=mark_middles(marks),
        marker={
            "symbol": f"{ORIGIN_SYMBOLS[origin]}-open" if hollow else ORIGIN_SYMBOLS[origin],
            "size": mark_sizes(marks["count"]) if grouped else MARKER_PX,
            "color": colour,
            # A hollow marker is all outline; a white one keeps filled markers apart where they meet.
            "line": {"color": colour, "width": 2} if hollow else {"color": "white", "width": 1},
        },
    )


def mark_middles(marks: pd.DataFrame) -> pd.Series:
    """The middle of each mark's span: a single day's marker sits inside its day when zoomed in to days."""
    return marks["start"] + (marks["stop"] - marks["start"]) / 2


def chosen_ring(marks: Marks, chosen: str | None) -> list[go.Scatter]:
    """A ring round the marker of the mark whose id is `chosen`: it takes no hover or click; the mark under it does."""
    ringed = marks.table[marks.table["id"] == chosen].head(1)
    if ringed.empty:
        return []
    ring = {"symbol": "circle-open", "size": 25, "color": TIMELINE_CHOSEN_COLOUR, "line": {"width": 2.5}}
    trace = {"name": CHOSEN_RING, "showlegend": False, "hoverinfo": "skip", "mode": "markers", "marker": ring}
    return [go.Scatter(trace, x=mark_middles(ringed), y=ringed["y"])]


def chosen_at(figure: go.Figure) -> float | None:
    """Where the chosen event's ring lies along the date axis, from 0 (its first day) to 1, if an event is ringed."""
    ring = next((trace for trace in figure.data if trace.name == CHOSEN_RING), None)
    if ring is None:
        return None
    first, last, at = (pd.Timestamp(date) for date in (*figure.layout.xaxis.range, ring.x[0]))
    return (at - first) / (last - first)


def show_chosen_html(at: float) -> Markup:
    """Where the ring is (`chosen_at`), and the script that brings it into view on a phone's strip."""
    return html('<div class="kd-chosen-mark" data-at="{:.4f}"></div><script src="{}"></script>', at, SHOW_CHOSEN_JS)


def selected_event_id(selection: Mapping[str, Any] | None) -> str | None:
    """The event id of the first selected mark of a `st.plotly_chart` selection, if any."""
    for point in (selection or {}).get("points", ()):
        customdata = point.get("customdata")
        if isinstance(customdata, Sequence) and not isinstance(customdata, str) and customdata:
            return str(customdata[0])
    return None
