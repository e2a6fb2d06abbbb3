"""Timeline: every event of the dispute on one date axis; pick one to read its details and sources."""

import pandas as pd
import streamlit as st

from lib.model.dataset import Dataset
from lib.model.filters import Filters, describe_filters, years_text
from lib.model.link import filters_to_query
from lib.ui.address import keep_in_address, linked_choice
from lib.ui.app import page_context, run_app
from lib.ui.filters import reset_filters, show_filters_in_use
from lib.views.markdown import escape_markdown
from lib.views.provenance import event_publishers
from lib.views.timeline.background import eras
from lib.views.timeline.details import details_markdown, event_details
from lib.views.timeline.figure import selected_event_id, timeline_figure
from lib.views.timeline.listing import event_choices, event_listing, grouping_note, listing_note
from lib.views.timeline.marks import Marks, event_marks

CHART_KEY = "timeline_chart"
EVENT_KEY = "timeline_event"
EVENT_PARAM = "event"


def choose_clicked_event() -> None:
    """The chart's on_select: the mark clicked chooses its event in the Event box, before the box is drawn."""
    clicked = selected_event_id(st.session_state[CHART_KEY].selection)
    if clicked:
        st.session_state[EVENT_KEY] = clicked


def render() -> None:
    dataset, filters = page_context()
    events = dataset.filtered_events(filters)
    st.title("Timeline of the negotiations")
    show_filters_in_use(dataset, filters)
    linked = linked_choice(EVENT_PARAM, dataset.events["id"], "an event")
    if EVENT_KEY not in st.session_state:  # the page's first run in the session: the link's choice
        st.session_state[EVENT_KEY] = linked
    if events.empty:
        described = describe_filters(filters, dataset.year_bounds, dataset.island_names)
        st.info(
            f"No event matches these filters ({escape_markdown(described)}). "
            "Widen the years, or choose another country or island.",
            icon=":material/filter_alt_off:",
        )
        st.button(
            "Clear every filter", on_click=reset_filters, args=(dataset.year_bounds,), icon=":material/filter_alt_off:"
        )
        return
    st.caption(
        f"Showing {len(events):,} of {len(dataset.events):,} events, {years_text(filters.year_from, filters.year_to)}. "
        "Click a mark for its details; drag across the chart to zoom in, double-click to zoom out."
    )
    marks = event_marks(events, dataset.derived(event_publishers), (filters.year_from, filters.year_to))
    chart(dataset, events, marks, filters)
    event_box(dataset, events, marks, filters)


def chart(dataset: Dataset, events: pd.DataFrame, marks: Marks, filters: Filters) -> None:
    st.plotly_chart(
        timeline_figure(marks, events, (filters.year_from, filters.year_to), eras(dataset.events)),
        on_select=choose_clicked_event,
        selection_mode="points",
        key=CHART_KEY,
        width="stretch",
        config={"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]},
    )
    st.caption(
        "Diamonds: events from the article; circles: context events from other sources. "
        "Bars span events over several days; hatched bars, events known only to the month or year."
    )
    grouping = grouping_note(marks)
    if grouping:
        st.caption(grouping)


def event_box(dataset: Dataset, events: pd.DataFrame, marks: Marks, filters: Filters) -> None:
    """The Event box, which a click on a mark also sets, and the chosen event's details."""
    listing = event_listing(events, marks.period, st.session_state[EVENT_KEY])
    choices = event_choices(listing.events)
    if st.session_state[EVENT_KEY] not in choices:  # hidden by the filters: let it go
        st.session_state[EVENT_KEY] = None
    listed = listing_note(listing)
    if listed:
        st.caption(listed)
    picked = st.selectbox(
        "Event",
        list(choices),
        key=EVENT_KEY,
        format_func=choices.__getitem__,
        placeholder="Click a mark on the chart, or choose an event here",
    )
    keep_in_address(EVENT_PARAM, picked)
    details = event_details(picked, events, dataset) if picked else None
    if details is not None:
        with st.container(border=True, key="timeline_details"):
            st.markdown(details_markdown(details, filters_to_query(filters, dataset.year_bounds)))


if __name__ == "__main__":
    run_app()  # Streamlit ran this file alone: see lib/ui/app.py
