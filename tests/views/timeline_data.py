"""What the timeline tests draw: the real events, changed or multiplied, and how to find a mark."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.model.dataset import Dataset
from lib.model.schema import EVENT_TYPES, ORIGINS
from lib.views.provenance import event_publishers
from lib.views.timeline.background import eras
from lib.views.timeline.figure import timeline_figure
from lib.views.timeline.marks import event_marks

FULL_RANGE = (1855, 2025)
DECLARATION = "1956-joint-declaration"

Trace = go.Bar | go.Scatter


def figure_for(
    dataset: Dataset,
    events: pd.DataFrame | None = None,
    years: tuple[int, int] = FULL_RANGE,
    chosen: str | None = None,
) -> go.Figure:
    """The figure the page draws of `events` (every event when None) over `years`, `chosen` ringed."""
    events = dataset.events if events is None else events
    publishers = dataset.derived(event_publishers)
    return timeline_figure(event_marks(events, publishers, years), events, years, eras(dataset.events), chosen)


def _drawn_by(figure: go.Figure, kind: str) -> dict[str, tuple[Trace, int]]:
    """Event id -> (the trace of `kind` that draws it, its index there)."""
    found: dict[str, tuple[Trace, int]] = {}
    for trace in figure.data:
        if trace.type != kind or trace.customdata is None:
            continue
        for index, row in enumerate(trace.customdata):
            assert row[0] not in found, f"{row[0]} has two {kind}s"
            found[row[0]] = (trace, index)
    return found


def markers_by_id(figure: go.Figure) -> dict[str, tuple[go.Scatter, int]]:
    """Event id -> (the trace of the marker that stands for it, its index there)."""
    return _drawn_by(figure, "scatter")  # type: ignore[return-value]


def bars_by_id(figure: go.Figure) -> dict[str, tuple[go.Bar, int]]:
    """Event id -> (the trace of the bar that spans it, its index there)."""
    return _drawn_by(figure, "bar")  # type: ignore[return-value]


def one_event(dataset: Dataset, **changes: object) -> pd.DataFrame:
    """The 1956 declaration's row with some columns changed, as the only event."""
    row = dataset.events[dataset.events["id"] == DECLARATION].iloc[0].to_dict()
    row.update(changes)
    return pd.DataFrame([row]).astype({"date": "datetime64[us]", "end_date": "datetime64[us]"})


def copies_of_today(dataset: Dataset, factor: int) -> pd.DataFrame:
    """Today's events `factor` times, the copies with new ids, as bench.synthetic writes them."""
    events = dataset.events
    copies = [events.assign(id=events["id"] + f"-copy-{number}") for number in range(1, factor)]
    return pd.concat([events, *copies], ignore_index=True)


def spread_events(dataset: Dataset, count: int, years: tuple[int, int] = FULL_RANGE) -> pd.DataFrame:
    """`count` single-day events on days spread evenly over `years`, through every lane and both origins."""
    template = dataset.events[dataset.events["id"] == DECLARATION].iloc[0].to_dict()
    days = pd.date_range(f"{years[0]}-01-01", f"{years[1]}-12-31", periods=count).normalize()
    rows = [
        {
            **template,
            "id": f"event-{number}",
            "title": f"Event {number}",
            "date": day,
            "end_date": pd.NaT,
            "event_type": EVENT_TYPES[number % len(EVENT_TYPES)],
            "origin": ORIGINS[number // len(EVENT_TYPES) % len(ORIGINS)],
        }
        for number, day in enumerate(days)
    ]
    return pd.DataFrame(rows).astype({"date": "datetime64[us]", "end_date": "datetime64[us]"})
