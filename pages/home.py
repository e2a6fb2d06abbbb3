"""Overview: what the dispute is, the figures that frame it, the latest event and its story, where to look next."""

from functools import partial

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from lib.i18n import _, format_number
from lib.model.dataset import Dataset
from lib.model.filters import year_bounds
from lib.model.view import PageParams, View
from lib.ui.address import map_page_links
from lib.ui.app import run_app, streamlit_page
from lib.ui.downloads import csv_download, package_download
from lib.ui.sides import show_both_positions
from lib.views.downloads import csv_bytes, positions_frame
from lib.views.map.build import build_island_map
from lib.views.markdown import escape_markdown
from lib.views.overview import data_runs_to, declaration_figure, dispute_summary, headline_figures, sources_help
from lib.views.provenance import citations_markdown, event_citations, event_heading
from lib.views.wording import filters_in_use, share_of


def render(view: View) -> PageParams:
    dataset, filters = view.dataset, view.filters
    figures = dataset.derived(headline_figures)
    st.title(_("Russia–Japan peace-treaty talks"))
    summary_column, map_column = st.columns([3, 2], gap="medium")
    summary_column.markdown(dispute_summary(dataset.islands, dataset.island_names, figures.declaration))
    with map_column:
        # Popups count what the filters keep and link to the Map page's lists: lists in every popup made it heavier.
        links = map_page_links(dataset, filters)
        island_map = build_island_map(dataset, *view.on_the_map, filters.island, compact=True, lists_links=links)
        # A picture, not a control: nothing it returns reruns the page (the Map page has the clickable one).
        # render=False: st_folium renders the map itself as well; rendering the whole page first only doubles the work.
        st_folium(island_map, key="home_map", height=260, use_container_width=True, returned_objects=[], render=False)
    headline(dataset)
    show_both_positions(dataset)
    build = partial(positions_frame, dataset.positions)
    csv_download(len(dataset.positions), "position", lambda: csv_bytes(build()), name="positions", key="home_csv")
    latest_column, explore_column = st.columns([3, 2], gap="medium")
    with latest_column:
        latest_event(dataset, figures.latest)
    with explore_column:
        explore(view)
        # The figures above are the whole dataset's: so is this download.
        package_download(dataset, key="home_package")
    return {}


def headline(dataset: Dataset) -> None:
    figures = dataset.derived(headline_figures)
    first_year, last_year = year_bounds(dataset.events["date"], dataset.events["end_date"])
    years_column, events_column, statements_column, sources_column = st.columns(4)
    if figures.declaration is not None:
        label, value, note = declaration_figure(figures.declaration, pd.Timestamp.today().normalize())
        years_column.metric(label, value, help=note)
    dated = _("Dated events from {first} to {last}.").format(first=first_year, last=last_year)
    events_column.metric(_("Events"), format_number(figures.events), help=dated)
    said = _("Who said what, each with the sentence it came from.")
    statements_column.metric(_("Statements"), format_number(figures.statements), help=said)
    sources_column.metric(_("Sources"), format_number(figures.sources), help=sources_help(figures))
    if figures.latest is not None:
        whole = _("Figures for the whole dataset. {events_up_to} The links under Explore count what the filters keep.")
        st.caption(whole.format(events_up_to=data_runs_to(figures.latest)))


def latest_event(dataset: Dataset, latest: pd.Series | None) -> None:
    """The latest event with its sources, and beside it the way into the story that leads up to it."""
    with st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"):
        st.markdown("#### " + _("Latest event"))
        st.page_link(streamlit_page("story"), label=_("Read the story"), icon=":material/auto_stories:")
    if latest is None:
        st.info(_("The data has no events yet."))
    else:
        st.markdown(event_heading(latest))
        st.markdown(escape_markdown(latest["description"]))
        st.markdown(_("Sources:") + "\n" + citations_markdown(dataset.derived(event_citations).get(latest["id"], ())))


def explore(view: View) -> None:
    dataset = view.dataset
    st.markdown("#### " + _("Explore"))
    in_use = filters_in_use(view.filters, dataset.year_bounds, dataset.island_names)
    st.caption(in_use or _("No filters: everything is shown."))
    events = share_of(len(view.events), len(dataset.events), "event")
    statements = share_of(len(view.statements), len(dataset.statements), "statement")
    for page, label, icon in (
        ("map", _("Map: who holds and who claims each island"), "map"),
        # Translators: {events} is "all 42 events" or "10 of 42 events".
        ("timeline", _("Timeline: {events}").format(events=events), "timeline"),
        # Translators: {statements} is "all 8 statements" or "3 of 8 statements".
        ("statements", _("Statements: {statements}").format(statements=statements), "format_quote"),
    ):
        st.page_link(streamlit_page(page), label=label, icon=f":material/{icon}:")


if __name__ == "__main__":
    run_app()  # Streamlit ran this file alone: see lib/ui/app.py
