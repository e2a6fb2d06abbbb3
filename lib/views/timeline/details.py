"""The details of one event as Markdown: its row, its sources, its islands and what was said that day."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.i18n import _
from lib.model.dataset import Dataset
from lib.model.dates import format_date_range
from lib.model.link import share_link
from lib.views.markdown import escape_markdown, markdown_link
from lib.views.overview import last_day
from lib.views.provenance import citations_markdown, event_citations, event_when
from lib.views.sides import contested_readings
from lib.views.statements import statements_markdown
from lib.views.theme import ORIGIN_LABELS, country_name
from lib.views.timeline.background import lane_name


@dataclass(frozen=True)
class EventDetails:
    event: dict[str, Any]  # the events.csv row
    dataset: Dataset  # what the panel shows with it: its sources, islands, readings and the statements of its days


def statements_during(statements: pd.DataFrame, event: Mapping[str, Any]) -> pd.DataFrame:
    """Statements dated to a day of the event; none when the event's day is not known."""
    if event["date_precision"] != "day" or pd.isna(event["date"]):
        return statements.iloc[0:0]
    on_day = statements["date_precision"].eq("day") & statements["date"].between(event["date"], last_day(event))
    return statements[on_day.fillna(False).astype(bool)]


def event_details(event_id: str, events: pd.DataFrame, dataset: Dataset) -> EventDetails | None:
    matches = events[events["id"] == event_id]
    return None if matches.empty else EventDetails(matches.iloc[0].to_dict(), dataset)


def details_markdown(details: EventDetails, view_params: Mapping[str, str] | None = None) -> str:
    """The details panel, every data text escaped; the island links keep `view_params` (the current filters
    as URL parameters), so the map opens on the same view with only the island changed."""
    event, dataset = details.event, details.dataset
    readings = dataset.derived(contested_readings).get(event["id"], "")
    citations = dataset.derived(event_citations).get(event["id"], ())
    sections = (
        _summary_lines(event),
        [readings, ""] if readings else [],
        [_("**Sources**"), "", citations_markdown(citations), ""] if citations else [],
        _island_lines(event["islands"], dataset.island_names, view_params or {}),
        _said_lines(event, dataset.statements),
    )
    return "\n".join(line for section in sections for line in section)


def _summary_lines(event: Mapping[str, Any]) -> list[str]:
    facts = (event_when(event), lane_name(event["event_type"]), ", ".join(map(country_name, event["countries"])))
    origin = _(ORIGIN_LABELS.get(event["origin"], event["origin"]))
    return [
        f"**{escape_markdown(event['title'])}**  ",
        " · ".join([*(escape_markdown(fact) for fact in facts), f"_{escape_markdown(origin)}_"]),
        "",
        escape_markdown(event["description"]),
        "",
    ]


def _island_lines(islands: Sequence[str], names: Mapping[str, str], view_params: Mapping[str, str]) -> list[str]:
    if not islands:
        return []
    links = (
        markdown_link(names.get(island, island), share_link("map", {**view_params, "island": island}))
        for island in islands
    )
    return [_("Islands (open on the map): {islands}").format(islands=", ".join(links)), ""]


def _said_lines(event: Mapping[str, Any], statements: pd.DataFrame) -> list[str]:
    if event["date_precision"] != "day":
        return []
    day = format_date_range(event["date"], event["end_date"], "day")
    said = statements_markdown(statements_during(statements, event), roles=True)
    nothing_said = _("No statement in the data is dated to that day.")
    return [_("**Said on {day}**").format(day=escape_markdown(day)), "", said or nothing_said]
