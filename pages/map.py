"""Map of the southern Kurils: who administers and who claims each island, and the 1956 promise."""

from functools import partial

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from lib.i18n import N_, _, current_language, format_number
from lib.model.dataset import Dataset
from lib.model.view import PageParams, View
from lib.ui.address import map_page_links
from lib.ui.app import run_app
from lib.ui.data import WRAPPED_ROW_PX
from lib.ui.downloads import csv_download
from lib.ui.filters import choose_island, show_filters_in_use
from lib.views.downloads import csv_bytes, islands_frame
from lib.views.islands import NOT_PUBLISHED, area_format, facts_markdown, island_details, islands_table
from lib.views.map.build import build_island_map, clicked_island_id, selection_layer
from lib.views.map.legend import legend_in_words
from lib.views.markdown import escape_markdown
from lib.views.provenance import event_citations, events_markdown, figure_sources
from lib.views.statements import TABLE_LAYOUTS, TableLayout

MAP_KEY = "island_map"
# Rows WRAPPED_ROW_PX high wrap their cells' text; these widths keep every cell within three lines, and
# the first column is pinned, so a table swiped sideways on a phone still names its rows.
ISLAND_COLUMNS = {
    "Island": st.column_config.TextColumn(width=120, pinned=True),
    "Part of": st.column_config.TextColumn(width=110),
    "Japanese": st.column_config.TextColumn(width=140),
    "Russian": st.column_config.TextColumn(width=150),
    "Population": st.column_config.TextColumn(width=170),
}


def island_statement_columns(layout: TableLayout) -> dict:
    """The date and quote as wide as on the Statements page."""
    return {
        N_("Date"): st.column_config.TextColumn(width=layout.date_px, pinned=True),
        N_("Quote"): st.column_config.TextColumn(width=layout.quote_px),
    }


def select_clicked_island(island_ids: pd.Series) -> None:
    """The map's on_change: the island clicked becomes the filters' island, before the widgets are drawn."""
    if clicked := clicked_island_id(st.session_state[MAP_KEY], island_ids):
        choose_island(clicked)


def headed(frame: pd.DataFrame, columns: dict) -> tuple[pd.DataFrame, dict]:
    """A table and its columns' settings, its headers (marked where the table is made) in the reader's language."""
    source = {"Source": st.column_config.LinkColumn(display_text=_("source"), width=70)}
    return frame.rename(columns=_), {_(name): setting for name, setting in (columns | source).items()}


def render(view: View) -> PageParams:
    dataset, filters = view.dataset, view.filters
    events, statements = view.on_the_map
    st.title(_("Map of the southern Kurils"))
    st.caption(
        _(
            "Which islands are in question, who administers them, who claims them, and which ones the 1956 "
            "declaration promised to hand over after a peace treaty. With a mouse, point at an island for its names; "
            "click or tap it, or Tab to it and press Enter, for its details. Events and statements follow the "
            "country and years of the filters."
        )
    )
    show_filters_in_use(view)
    # The selected island's events and statements are listed under the map, not in its popup. An embedded
    # view's island is its link's: a click there chooses none, and each popup links to the full Map page instead.
    links = map_page_links(dataset, filters) if view.embedded else None
    st_folium(
        build_island_map(dataset, events, statements, lists_links=links),
        key=MAP_KEY,
        height=560,
        use_container_width=True,
        # Only a click on an island reruns the app: panning and zooming change nothing returned here.
        returned_objects=[] if view.embedded else ["last_active_drawing", "last_object_clicked_count"],
        # The selection outline is swapped in without redrawing the map, which keeps the reader's view.
        feature_group_to_add=selection_layer(dataset, filters.island),
        on_change=partial(select_clicked_island, dataset.islands["id"]),
        render=False,  # st_folium renders the map itself as well; rendering the whole page first only doubles the work
    )
    st.caption(_("The map in words: {legend}").format(legend=escape_markdown(legend_in_words(dataset))))
    if filters.island:
        selected_island(dataset, events, statements, filters.island)
    elif not view.embedded:
        st.info(
            _(
                "Click or tap an island on the map, or choose one under **Island** in the filters, to see its details here."
            ),
            icon=":material/touch_app:",
        )
    all_islands(dataset)
    return {}


def all_islands(dataset: Dataset) -> None:
    """Every island in a table, whatever the filters, and the same as CSV with each figure's page."""
    st.subheader(_("All islands"))
    # As wide as the longest placeholder, "не опубликовано" ("not published" in Russian): a narrower cell cuts it.
    area = {"Area (km²)": st.column_config.NumberColumn(format=area_format(), width=130)}
    listed, columns = headed(islands_table(dataset.islands, dataset.geojson), ISLAND_COLUMNS | area)
    with st.container(key="islands_table"):
        st.dataframe(
            listed,
            hide_index=True,
            width="stretch",
            height="content",  # every island in view, for screen readers too: the page scrolls, not the table
            row_height=WRAPPED_ROW_PX,
            placeholder=_(NOT_PUBLISHED),  # only a figure can be missing; the CSV keeps an empty cell
            column_config=columns,
        )
    build = partial(islands_frame, dataset.islands, dataset.geojson, dataset.derived(figure_sources))
    csv_download(len(listed), "island", lambda: csv_bytes(build()), name="islands", key="map_csv")


def selected_island(dataset: Dataset, events: pd.DataFrame, statements: pd.DataFrame, island: str) -> None:
    """The island's facts with their sources, then the events and statements that name it."""
    details = island_details(dataset, events, statements, island)
    st.subheader(escape_markdown(details.island.name), anchor="selected-island")
    st.markdown(facts_markdown(details))
    st.link_button(
        _("Where its names and status were checked"), details.island.source_url, type="tertiary", icon=":material/link:"
    )
    st.markdown(_("**Events naming it** ({count})").format(count=format_number(len(details.events))))
    if details.events.empty:
        st.info(_("No event in the country and years of the filters names this island."), icon=":material/event_busy:")
    else:
        # The latest 40: a list that does not grow with the data.
        st.markdown(events_markdown(details.events, dataset.derived(event_citations), 40))
    st.markdown(_("**Statements naming it** ({count})").format(count=format_number(len(details.statements))))
    if details.statements.empty:
        st.info(
            _("No statement in the country and years of the filters names this island."), icon=":material/chat_error:"
        )
    else:
        layout = TABLE_LAYOUTS[current_language()]
        statements, columns = headed(details.statements, island_statement_columns(layout))
        st.dataframe(statements, hide_index=True, width="stretch", row_height=layout.row_px, column_config=columns)


if __name__ == "__main__":
    run_app()  # Streamlit ran this file alone: see lib/ui/app.py
