"""Hover text of the marks, escaped for the subset of HTML Plotly renders in hover labels."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.model.dates import format_date_range
from lib.model.frames import each_distinct
from lib.views.text import escape_html
from lib.views.theme import ORIGIN_LABELS
from lib.views.timeline.sources import source_labels

HOVER_LINE_CHARS = 42
HOVER_MAX_CHARS = 160

_NAT_NANOSECONDS = np.datetime64("NaT", "ns").astype("int64").item()  # a missing date, as an integer

HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br>"
    "Source: %{customdata[4]}<br><i>%{customdata[5]}</i><extra></extra>"
)
GROUP_HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br>"
    "<i>%{customdata[4]}</i><br>Click to list them under the chart<extra></extra>"
)


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


def events_text(count: int) -> str:
    return f"{count:,} event" if count == 1 else f"{count:,} events"
