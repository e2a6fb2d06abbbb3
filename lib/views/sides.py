"""Both sides' case, attributed, each with the page that states it: their positions, their readings of an event."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from lib.i18n import N_, _
from lib.model.dataset import Dataset
from lib.model.dates import format_partial_date
from lib.model.schema import SIDES
from lib.views.markdown import escape_markdown, markdown_link
from lib.views.theme import country_name

POSITIONS_INTRO = N_(
    "Each government's position, in its own words and from its own pages. Neither is the dashboard's view."
)


def readings_markdown(readings: Sequence[Mapping[str, Any]], publisher_of: Callable[[str], str]) -> str:
    """A contested event's readings: each side's, in our words, then the sentence of the page that states it."""
    if not readings:
        return ""
    lines = [
        f"- **{escape_markdown(country_name(row['side']))}**: {escape_markdown(row['reading'])} "
        f"{markdown_link(publisher_of(row['url']), row['url'])}: “{escape_markdown(row['evidence'])}”"
        for row in readings
    ]
    return "**" + _("Contested: how each side reads it") + "**\n\n" + "\n".join(lines)


def contested_readings(dataset: Dataset) -> dict[str, str]:
    """Each contested event's readings as Markdown, Japan's first, by event id: worked out once per dataset."""
    rank = {side: number for number, side in enumerate(SIDES)}
    ordered = dataset.readings.sort_values("side", key=lambda sides: sides.map(rank).fillna(len(SIDES)), kind="stable")
    return {
        event_id: readings_markdown(rows.to_dict("records"), dataset.publisher_of)
        for event_id, rows in ordered.groupby("event_id", sort=False)
    }


def _position_markdown(position: Mapping[str, Any]) -> str:
    """Our summary, the page's words, and who says it where (and when); the link is the title, else the speaker."""
    said_by = markdown_link(position["speaker"], position["url"])
    if position["title"]:
        said_by = f"{escape_markdown(position['speaker'])}, {markdown_link(position['title'], position['url'])}"
    when = f", {format_partial_date(position['published'], 'day')}" if pd.notna(position["published"]) else ""
    quote = escape_markdown(position["quote"]).replace("\n", " ")
    return f"{escape_markdown(position['summary'])}\n\n> {quote}\n\n— {said_by}{escape_markdown(when)}"


def positions_markdown(positions: pd.DataFrame, side: str) -> str:
    """`side`'s positions, in their order, each with its quote and page; "" when the data has none."""
    return "\n\n".join(_position_markdown(row) for row in positions[positions["side"] == side].to_dict("records"))


def position_heading(side: str) -> str:
    """The column's heading: whose case it is, never the truth."""
    return _("{side}'s position, as its government states it").format(side=country_name(side))
