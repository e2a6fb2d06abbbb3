"""Timeline: every event of the dispute on one date axis; pick one to read its details and sources."""

import streamlit as st

from lib.model.filters import EVENT_PARAM, describe_filters, filters_to_query
from lib.views.text import escape_markdown
from lib.views.timeline import (
    details_markdown,
    eras,
    event_choices,
    event_details,
    event_listing,
    event_marks,
    grouping_note,
    listing_note,
    selected_event_id,
    timeline_figure,
)
from lib.ui import (
    dataset_year_bounds,
    filtered_events,
    island_names,
    keep_choice_in_url,
    linked_choice,
    page_context,
    reset_filters,
    show_filters_in_use,
)

CHART_KEY = "timeline_chart"
EVENT_KEY = "timeline_event"
# The chart's selection as last seen: only a new click on the chart overrides the select box.
LAST_CLICK_KEY = "timeline_last_click"

dataset, filters = page_context()
bounds = dataset_year_bounds(dataset)
events = filtered_events(dataset, filters)

st.title("Timeline of the negotiations")
show_filters_in_use(dataset, filters)
linked = linked_choice(EVENT_PARAM, dataset.events["id"], "an event")
if events.empty:
    st.info(
        f"No event matches these filters ({escape_markdown(describe_filters(filters, bounds, island_names(dataset)))}). "
        "Widen the years, or choose another country or island.",
        icon=":material/filter_alt_off:",
    )
    st.button("Clear every filter", on_click=reset_filters, args=(bounds,), icon=":material/filter_alt_off:")
else:
    years = f"{filters.year_from}" if filters.year_from == filters.year_to else f"{filters.year_from}–{filters.year_to}"
    st.caption(
        f"Showing {len(events):,} of {len(dataset.events):,} events, {years}. "
        "Click a mark for its details; drag across the chart to zoom in, double-click to zoom out."
    )
    year_range = (filters.year_from, filters.year_to)
    marks = event_marks(events, dataset.sources, year_range)
    chart = st.plotly_chart(
        timeline_figure(marks, events, year_range, eras(dataset.events)),
        on_select="rerun",
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

    clicked = selected_event_id(chart.selection)
    # An event chosen by the opening link is listed as a clicked one would be.
    listing = event_listing(events, marks.period, clicked or linked)
    choices = event_choices(listing.events)
    if clicked != st.session_state.get(LAST_CLICK_KEY):
        st.session_state[LAST_CLICK_KEY] = clicked
        if clicked in choices:
            st.session_state[EVENT_KEY] = clicked
    if linked in choices:
        st.session_state[EVENT_KEY] = linked
    if st.session_state.get(EVENT_KEY) not in choices:
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
    keep_choice_in_url(EVENT_PARAM, picked)
    details = event_details(picked, events, dataset.sources, dataset.islands, dataset.statements) if picked else None
    if details is not None:
        with st.container(border=True, key="timeline_details"):
            st.markdown(details_markdown(details, filters_to_query(filters, bounds)))
