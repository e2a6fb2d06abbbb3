"""Timeline: every event of the dispute on one date axis. Jump to a period, then pick an event in the
list of events in view (or click its mark) to read its details and sources."""

import pandas as pd
import streamlit as st

from lib.i18n import N_, _, format_number, ngettext
from lib.model.dataset import Dataset
from lib.model.filters import Filters, years_text
from lib.model.link import filters_to_query, hidden_choice_notice
from lib.model.view import PageParams, View
from lib.site import STATIC_DIR
from lib.ui.address import linked_choice, show_notices
from lib.ui.app import run_app
from lib.ui.downloads import events_download
from lib.ui.filters import choose_years, show_filters_in_use, show_nothing_matches
from lib.views.provenance import event_publishers
from lib.views.timeline.background import eras
from lib.views.timeline.details import details_markdown, event_details
from lib.views.timeline.figure import chart_config, chosen_at, selected_event_id, show_chosen_html, timeline_figure
from lib.views.timeline.listing import (
    Listing,
    chosen_mark_id,
    event_choices,
    event_listing,
    event_rows,
    grouping_note,
    list_height,
    listing_note,
)
from lib.views.timeline.marks import Marks, event_marks
from lib.views.timeline.periods import YearSpan, span_of, year_spans

CHART_KEY = "timeline_chart"
EVENT_KEY = "timeline_event"
PERIOD_KEY = "timeline_period"
ROWS_KEY = "timeline_rows"
EVENT_PARAM = "event"


def choose_clicked_event() -> None:
    """The chart's on_select: the mark clicked chooses its event in the Event box, before the box is drawn."""
    if clicked := selected_event_id(st.session_state[CHART_KEY].selection):
        st.session_state[EVENT_KEY] = clicked


def choose_listed_event() -> None:
    """The list's on_change: the row picked chooses its event in the Event box, before the box is drawn."""
    st.session_state[EVENT_KEY] = st.session_state[ROWS_KEY]


def jump_to_period(spans: dict[str, YearSpan]) -> None:
    """The period control's on_change: the period becomes the filters' years, before they are drawn."""
    if (span := spans.get(st.session_state[PERIOD_KEY])) is not None:
        choose_years(span.first, span.last)


def render(view: View) -> PageParams:
    dataset, filters, events = view.dataset, view.filters, view.events
    years = (filters.year_from, filters.year_to)
    st.html(STATIC_DIR / "timeline" / "timeline.css")
    st.title(_("Timeline of the negotiations"))
    show_filters_in_use(view)
    start_from_linked_event(view)
    if not view.embedded:  # a period sets the filters, which an embedded view takes from its link
        period_control(dataset.year_bounds, filters)
    if events.empty:
        show_nothing_matches(view, "event")
        return {}
    total = len(dataset.events)
    showing = ngettext(
        "Showing {shown} of {total} event, {years}.", "Showing {shown} of {total} events, {years}.", total
    )
    sentences = [
        showing.format(shown=format_number(len(events)), total=format_number(total), years=years_text(*years)),
        "" if view.embedded else _("A period sets the years of the filters."),
        _("Pick an event in the list under the chart for its details; with a mouse, you can also click its mark."),
    ]
    st.caption(" ".join(filter(None, sentences)))
    marks = event_marks(events, dataset.derived(event_publishers), years)
    listing = event_listing(events, marks.period, st.session_state[EVENT_KEY])
    if not listing.events["id"].eq(st.session_state[EVENT_KEY]).any():  # the filters hide it, or the list leaves it out
        st.session_state[EVENT_KEY] = None
    chart(dataset, events, marks, years, chosen_mark_id(listing, marks.period, st.session_state[EVENT_KEY]))
    listed, detailed = st.columns(2, gap="medium")
    with listed:
        picked = event_box(listing)
        event_list(listing, picked)
    with detailed:
        details_panel(dataset, events, filters, picked)
    events_download(dataset, events, name="events", key="timeline_csv")
    return {EVENT_PARAM: picked}


def start_from_linked_event(view: View) -> None:
    """The event the link chose, on the page's first run: a bad id, or one its filters hide, gets a notice instead."""
    linked = linked_choice(view.query, EVENT_PARAM, view.dataset.events["id"], N_("an event"))
    if EVENT_KEY not in st.session_state:
        if linked is not None and linked not in set(view.events["id"]):
            show_notices([hidden_choice_notice(EVENT_PARAM, linked)])
            linked = None
        st.session_state[EVENT_KEY] = linked


def period_control(bounds: tuple[int, int], filters: Filters) -> None:
    """One click or tap sets the years to a period; it shows the period the years are, if one."""
    spans = {span.label: span for span in year_spans(bounds, pd.Timestamp.today().year)}
    if len(spans) < 2:
        return
    shown = span_of(tuple(spans.values()), (filters.year_from, filters.year_to))
    st.session_state[PERIOD_KEY] = None if shown is None else shown.label
    st.pills(_("Period"), list(spans), key=PERIOD_KEY, required=True, on_change=jump_to_period, args=(spans,))


def chart(dataset: Dataset, events: pd.DataFrame, marks: Marks, years: tuple[int, int], ringed: str | None) -> None:
    figure = timeline_figure(marks, events, years, eras(dataset.events), chosen=ringed)
    st.plotly_chart(
        figure,
        on_select=choose_clicked_event,
        selection_mode="points",
        key=CHART_KEY,
        width="stretch",
        config=chart_config(),
    )
    if (at := chosen_at(figure)) is not None:
        with st.container(key="timeline_chosen_mark"):  # hidden: it holds no more than a place and a script
            st.html(show_chosen_html(at), unsafe_allow_javascript=True)
    st.caption(
        _(
            "Diamonds: events from the TASS article; circles: context events from other sources. A bar spans an "
            "event over several days; hatched, with a hollow mark, when only its month or year is known. A ring marks "
            "the chosen event. Shaded: the events that name the USSR (which ended in December 1991), then the Russian "
            "Federation. On a narrow screen the chart opens on the chosen event, or else on recent years: swipe it "
            "sideways for the rest."
        )
    )
    if grouping := grouping_note(marks):
        st.caption(grouping)


def event_box(listing: Listing) -> str | None:
    """The Event box, which a click on a mark or a row of the list also sets; its choice goes in the link."""
    choices = event_choices(listing.events)
    if listed := listing_note(listing):
        st.caption(listed)
    hint = _("Type to find an event, or pick one in the list")
    return st.selectbox(_("Event"), list(choices), key=EVENT_KEY, format_func=choices.__getitem__, placeholder=hint)


def event_list(listing: Listing, picked: str | None) -> None:
    """Every event the Event box offers, by date and title, one tap or click (or arrow key) to choose."""
    rows = event_rows(listing.events)
    st.session_state[ROWS_KEY] = picked if picked in rows else None
    st.markdown(_("**Events in view** ({count}, oldest first)").format(count=format_number(len(rows))))
    with st.container(height=list_height(len(rows)) or "content", key="timeline_list"):
        st.radio(
            _("Events in view"),
            list(rows),
            index=None,
            key=ROWS_KEY,
            format_func=rows.__getitem__,
            on_change=choose_listed_event,
            label_visibility="collapsed",
            width="stretch",
        )


def details_panel(dataset: Dataset, events: pd.DataFrame, filters: Filters, picked: str | None) -> None:
    details = event_details(picked, events, dataset) if picked else None
    if details is None:
        st.caption(
            _("Pick an event in the list, or click its mark on the chart, to read its details and sources here.")
        )
        return
    with st.container(border=True, key="timeline_details"):
        st.markdown(details_markdown(details, filters_to_query(filters, dataset.year_bounds)))


if __name__ == "__main__":
    run_app()  # Streamlit ran this file alone: see lib/ui/app.py
