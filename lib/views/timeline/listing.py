"""The Event box and the list of events in view: which events they offer, and the notes that say so."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.i18n import N_, _, format_number, ngettext
from lib.views.markdown import escape_markdown
from lib.views.provenance import event_heading, event_when
from lib.views.theme import ORIGIN_LABELS
from lib.views.timeline.background import lane_name
from lib.views.timeline.grouping import PERIODS, event_codes, mark_groups, period_buckets, period_name
from lib.views.timeline.marks import MAX_EVENT_MARKS, Marks
from lib.views.wording import MAX_LISTED

# What a gathered mark stands for, by the period it gathers.
GROUPING_NOTES = {
    "day": N_(
        "{count} events are too many to draw one by one: each mark gathers the events of one type and origin that "
        "began on the same day (an event known only to its month or year stays in it), and a bigger mark stands for "
        "more of them."
    ),
    "month": N_(
        "{count} events are too many to draw one by one: each mark gathers the events of one type and origin that "
        "began in the same month (an event known only to its month or year stays in it), and a bigger mark stands "
        "for more of them."
    ),
    "year": N_(
        "{count} events are too many to draw one by one: each mark gathers the events of one type and origin that "
        "began in the same year, and a bigger mark stands for more of them."
    ),
    "decade": N_(
        "{count} events are too many to draw one by one: each mark gathers the events of one type and origin that "
        "began in the same decade, and a bigger mark stands for more of them."
    ),
}


def _in_date_order(events: pd.DataFrame) -> list[dict]:
    return events.sort_values(["date", "id"]).to_dict("records")


def event_choices(events: pd.DataFrame) -> dict[str, str]:
    """Event id -> "date · title", in date order, for a select box."""
    return {event["id"]: f"{event_when(event)} · {event['title']}" for event in _in_date_order(events)}


def event_rows(events: pd.DataFrame) -> dict[str, str]:
    """Event id -> "**date** · title" as Markdown, the title escaped, in date order: the list's rows."""
    return {event["id"]: event_heading(event) for event in _in_date_order(events)}


def grouping_note(marks: Marks) -> str | None:
    """What a gathered mark stands for, and how to see each event; None when each mark is one event."""
    if marks.period is None:
        return None
    narrow = _("Narrow the years, country or island to {limit} events or fewer to see each one.")
    gathered = _(GROUPING_NOTES[marks.period]).format(count=format_number(marks.event_count))
    return f"{gathered} {narrow.format(limit=format_number(MAX_EVENT_MARKS))}"


@dataclass(frozen=True)
class Listing:
    """The events the list and the Event box offer, in date order, and what they were taken from."""

    events: pd.DataFrame
    total: int  # how many events they were taken from: the clicked mark's, or every event in view
    mark: str | None  # the clicked gathered mark, as "lane · origin · period"; None when not listing one


def event_listing(events: pd.DataFrame, period: str | None, clicked: str | None) -> Listing:
    """Every event when each is its own mark (`period` is None); else the first MAX_LISTED events of the
    `clicked` event's gathered mark, when it is in view; else the latest MAX_LISTED."""
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
    lane, origin = lane_name(event["event_type"]), _(ORIGIN_LABELS[event["origin"]])
    mark = f"{lane} · {origin} · {period_name(pd.Timestamp(buckets[0]), PERIODS[ranks[0]])}"
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
    """What the list and the Event box offer, when it is not simply every event in view."""
    shown = len(listing.events)
    if listing.mark is not None:
        numbers = {"count": format_number(listing.total), "shown": format_number(shown)}
        if shown < listing.total:
            return ngettext(
                "The mark you clicked gathers {count} event ({mark}); the list and the Event box offer the first "
                "{shown} of them in date order.",
                "The mark you clicked gathers {count} events ({mark}); the list and the Event box offer the first "
                "{shown} of them in date order.",
                listing.total,
            ).format(mark=escape_markdown(listing.mark), **numbers)
        return ngettext(
            "The mark you clicked gathers {count} event ({mark}); the list and the Event box offer them.",
            "The mark you clicked gathers {count} events ({mark}); the list and the Event box offer them.",
            listing.total,
        ).format(mark=escape_markdown(listing.mark), **numbers)
    if shown < listing.total:
        return ngettext(
            "The list and the Event box offer the {shown} latest of {total} event. Click a mark on the chart to "
            "list its events, or choose a period, or narrow the years, country or island.",
            "The list and the Event box offer the {shown} latest of {total} events. Click a mark on the chart to "
            "list its events, or choose a period, or narrow the years, country or island.",
            listing.total,
        ).format(shown=format_number(shown), total=format_number(listing.total))
    return None


def chosen_mark_id(listing: Listing, period: str | None, chosen: str | None) -> str | None:
    """The id of the mark that draws the chosen event, if the listing offers it: the event's own, or its
    gathered mark's, whose first event the listing of that mark leads with."""
    if chosen is None or not listing.events["id"].eq(chosen).any():
        return None
    if period is None:
        return chosen
    return str(listing.events["id"].iloc[0]) if listing.mark is not None else None


def list_height(rows: int) -> int | None:
    # Past 8 rows the list scrolls within, 440 px tall, so the chosen event's details stay in sight.
    return None if rows <= 8 else 440
