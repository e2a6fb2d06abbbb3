"""Overview: what the dispute is, the figures that frame it, the latest event, where to look next."""

import streamlit as st
from streamlit_folium import st_folium

from lib.model.load import Dataset
from lib.model.dates import format_date_range, format_partial_date
from lib.model.filters import describe_filters, year_bounds
from lib.views.islands import map_filters
from lib.views.island_map import build_island_map, dataset_popup_index
from lib.views.overview import (
    DECLARATION_YEAR,
    HeadlineFigures,
    counted,
    dispute_summary,
    event_source,
    headline_figures,
    share_of,
)
from lib.views.text import escape_markdown
from lib.ui import (
    dataset_year_bounds,
    filtered_events,
    filtered_statements,
    island_names,
    page_context,
    per_data_version,
)

MAP_HEIGHT = 260


def dataset_overview(dataset: Dataset) -> tuple[tuple[int, int], HeadlineFigures, str, tuple[int, int]]:
    """What the page shows of the whole dataset: year bounds, headline figures, summary, event years."""
    figures = headline_figures(dataset)
    event_years = year_bounds(dataset.events["date"], dataset.events["end_date"])
    return dataset_year_bounds(dataset), figures, dispute_summary(dataset.islands, figures.declaration), event_years


dataset, filters = page_context()
bounds, figures, summary, (first_year, last_year) = per_data_version(dataset_overview)

st.title("Russia–Japan peace-treaty talks")
summary_column, map_column = st.columns([3, 2], gap="medium")
summary_column.markdown(summary)
shown_events = filtered_events(dataset, filters)
shown_statements = filtered_statements(dataset, filters)
scope = map_filters(filters)
# Without an island or a search the map's scope is the filters themselves: filter once.
map_events = shown_events if scope == filters else filtered_events(dataset, scope)
map_statements = shown_statements if scope == filters else filtered_statements(dataset, scope)
with map_column:
    island_map = build_island_map(
        dataset.islands,
        dataset.geojson,
        map_events,
        map_statements,
        filters.island,
        sources=dataset.sources,
        compact=True,
        index=per_data_version(dataset_popup_index),
    )
    # A picture, not a control: nothing it returns reruns the page (the Map page has the clickable one).
    # render=False: st_folium renders the map itself as well; rendering the whole page first only doubles the work.
    st_folium(
        island_map, key="home_map", height=MAP_HEIGHT, use_container_width=True, returned_objects=[], render=False
    )

years_column, events_column, statements_column, sources_column = st.columns(4)
if figures.years_from_declaration is not None and figures.latest is not None:
    years_column.metric(
        f"Since the {DECLARATION_YEAR} declaration",
        f"{figures.years_from_declaration} years",
        help=(
            f"Whole years from {format_partial_date(figures.declaration['date'], figures.declaration['date_precision'])} "
            f"to {format_partial_date(figures.latest['date'], figures.latest['date_precision'])}, "
            "the latest event in the data."
        ),
    )
events_column.metric("Events", figures.events, help=f"Dated events from {first_year} to {last_year}.")
statements_column.metric("Statements", figures.statements, help="Who said what, each with the sentence it came from.")
sources_column.metric(
    "Sources",
    figures.sources,
    help=(
        f"{counted(figures.articles, 'source article')} and {counted(figures.pages, 'other page')} cited for "
        "context events, island facts and speakers' roles."
    ),
)

if figures.latest is not None:
    # The figures ignore the filters, and "since 1956" stops at the data's end, not at today.
    st.caption(
        "Figures for the whole dataset, up to its latest event "
        f"({format_partial_date(figures.latest['date'], figures.latest['date_precision'])}); "
        "the links under Explore count what the filters keep."
    )

latest_column, explore_column = st.columns([3, 2], gap="medium")
with latest_column:
    st.markdown("#### Latest event")
    latest = figures.latest
    if latest is None:
        st.info("The data has no events yet.")
    else:
        when = format_date_range(latest["date"], latest["end_date"], latest["date_precision"])
        st.markdown(f"**{escape_markdown(when)}** · {escape_markdown(latest['title'])}")
        st.markdown(escape_markdown(latest["description"]))
        source = event_source(latest, dataset.sources)
        if source is not None:
            st.markdown(f"Source: [{escape_markdown(source.label)}]({escape_markdown(source.url)})")

with explore_column:
    st.markdown("#### Explore")
    described = describe_filters(filters, bounds, island_names(dataset))
    st.caption(f"Filters: {escape_markdown(described)}" if described else "No filters: everything is shown.")
    st.page_link("pages/map.py", label="Map: who holds and who claims each island", icon=":material/map:")
    st.page_link(
        "pages/timeline.py",
        label=f"Timeline: {share_of(len(shown_events), len(dataset.events), 'event')}",
        icon=":material/timeline:",
    )
    st.page_link(
        "pages/statements.py",
        label=f"Statements: {share_of(len(shown_statements), len(dataset.statements), 'statement')}",
        icon=":material/format_quote:",
    )
