"""Hover text of the marks: Plotly renders a subset of HTML in hover labels, so every text from data is
escaped by lib/views/html.py, and lines break with <br>."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import pandas as pd

from lib.i18n import _, format_number, ngettext
from lib.model.dates import format_date_range
from lib.model.frames import each_distinct
from lib.views.html import escape, join
from lib.views.theme import ORIGIN_LABELS, country_name
from lib.views.timeline.background import lane_name
from lib.views.wording import shorten

HOVER_LINE_CHARS = 42
HOVER_MAX_CHARS = 160


def hover_template(grouped: bool) -> str:
    """The marks' Plotly hover template; customdata[0] of every mark is its event id (a gathered mark's first event's)."""
    lines = "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br>"
    if grouped:
        click = hover_text(_("Click to list them under the chart"))
        return lines + f"<i>%{{customdata[4]}}</i><br>{click}<extra></extra>"
    source = hover_text(_("Source: {publishers}")).format(publishers="%{customdata[4]}")
    return lines + f"{source}<br><i>%{{customdata[5]}}</i><extra></extra>"


HOVER_COLUMNS: tuple[str, ...] = ("id", "hover_title", "hover_date", "hover_countries", "hover_source", "hover_origin")
GROUP_HOVER_COLUMNS: tuple[str, ...] = ("id", "hover_count", "hover_period", "hover_first", "hover_origin")


def hover_text(text: object) -> str:
    """Escaped, as a plain str: Plotly's JSON wants one."""
    return str(escape(text))


def hover_lines(text: str) -> str:
    """Shortened, broken into lines that fit a phone, and escaped."""
    lines = textwrap.wrap(
        shorten(text, HOVER_MAX_CHARS), HOVER_LINE_CHARS, break_long_words=False, break_on_hyphens=False
    )
    return str(join(lines, "<br>"))


def _origin_text(origin: str) -> str:
    return hover_text(_(ORIGIN_LABELS.get(origin, origin)))


def hover_texts(events: pd.DataFrame, publishers: Mapping[str, str]) -> pd.DataFrame:
    """Per event: title, date at its precision, countries, its sources' publishers (by event id) and origin."""
    # Dates as integers make cheap keys; only the distinct ones become timestamps again.
    starts = events["date"].to_numpy("datetime64[ns]").astype("int64").tolist()
    ends = events["end_date"].to_numpy("datetime64[ns]").astype("int64").tolist()
    when = pd.Series(list(zip(starts, ends, events["date_precision"].tolist(), strict=True)), index=events.index)

    def date_text(key: tuple[int, int, str]) -> str:
        start, end, precision = key  # a missing date's integer becomes NaT again
        return hover_text(format_date_range(pd.Timestamp(start), pd.Timestamp(end), precision))

    return pd.DataFrame(
        {
            "hover_title": each_distinct(events["title"], hover_lines),
            "hover_date": each_distinct(when, date_text),
            "hover_countries": each_distinct(
                events["countries"], lambda countries: hover_text(", ".join(map(country_name, countries)))
            ),
            "hover_source": each_distinct(events["id"].map(publishers).fillna(""), hover_lines),
            "hover_origin": each_distinct(events["origin"], _origin_text),
        },
        index=events.index,
    )


def gathered_hover_texts(firsts: pd.DataFrame, counts: Sequence[int], periods: Sequence[str]) -> pd.DataFrame:
    """Per gathered mark: how many events of which lane, its period, its first event's title, and the origin."""
    counted_lanes = [
        ngettext("{count} event · {lane}", "{count} events · {lane}", count).format(
            count=format_number(count), lane=lane_name(event_type)
        )
        for count, event_type in zip(counts, firsts["event_type"], strict=True)
    ]
    first = _("First: {title}")
    titles = [
        title if count == 1 else first.format(title=title) for title, count in zip(firsts["title"], counts, strict=True)
    ]
    return pd.DataFrame(
        {
            "hover_count": [hover_text(text) for text in counted_lanes],
            "hover_period": [hover_text(period) for period in periods],
            "hover_first": [hover_lines(title) for title in titles],
            "hover_origin": [_origin_text(origin) for origin in firsts["origin"]],
        }
    )
