"""Map of the southern Kurils: who administers and who claims each island, and the 1956 promise."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from lib.model.load import Dataset
from lib.views.islands import island_details, island_records, islands_table, map_filters
from lib.views.island_map import (
    build_island_map,
    clicked_island_id,
    dataset_popup_index,
    legend_entries,
    legend_text,
    selection_layer,
)
from lib.views.text import escape_markdown
from lib.ui import (
    filtered_events,
    filtered_statements,
    page_context,
    per_data_version,
    select_island,
    show_filters_in_use,
)

MAP_HEIGHT = 560
# Only a click on an island reruns the app: panning and zooming change nothing returned here.
RETURNED_OBJECTS = ["last_active_drawing", "last_object_clicked_count"]
_CLICKED_KEY = "island_map_clicked"


def dataset_map_facts(dataset: Dataset) -> tuple[str, pd.DataFrame]:
    """What the page shows of the whole dataset: the legend in words, the islands table."""
    legend = legend_text(legend_entries(island_records(dataset.islands, dataset.geojson)))
    return legend, islands_table(dataset.islands, dataset.geojson)


def _note_click() -> None:
    st.session_state[_CLICKED_KEY] = True


dataset, filters = page_context()
legend, all_islands = per_data_version(dataset_map_facts)
scope = map_filters(filters)
events = filtered_events(dataset, scope)
statements = filtered_statements(dataset, scope)

st.title("Map of the southern Kurils")
st.caption(
    "Which islands are in question, who administers them, who claims them, and which ones the 1956 "
    "declaration promised to hand over after a peace treaty. Hover over an island for its names; click it "
    "for its details. Events and statements follow the sidebar's country and years."
)
show_filters_in_use(dataset, filters)

island_map = build_island_map(
    dataset.islands,
    dataset.geojson,
    events,
    statements,
    sources=dataset.sources,
    lists_below=True,  # the selected island's events and statements are listed under the map
    index=per_data_version(dataset_popup_index),
)
map_state = st_folium(
    island_map,
    key="island_map",
    height=MAP_HEIGHT,
    use_container_width=True,
    returned_objects=RETURNED_OBJECTS,
    # The selection outline is swapped in without redrawing the map, which keeps the reader's view.
    feature_group_to_add=selection_layer(dataset.islands, dataset.geojson, filters.island),
    on_change=_note_click,
    render=False,  # st_folium renders the map itself as well; rendering the whole page first only doubles the work
)
st.caption("The map in words: " + escape_markdown(legend))
if st.session_state.pop(_CLICKED_KEY, False):
    clicked = clicked_island_id(map_state, dataset.islands["id"])
    if clicked and clicked != filters.island:
        select_island(clicked)

source_column = st.column_config.LinkColumn("Source", display_text="source")
if filters.island:
    details = island_details(dataset.islands, dataset.geojson, events, statements, dataset.sources, filters.island)
    st.subheader(escape_markdown(details.island.name), anchor="selected-island")
    st.markdown(
        "\n".join(f"- **{escape_markdown(fact)}:** {escape_markdown(value)}" for fact, value in details.facts.values)
    )
    st.link_button("Where these facts were checked", details.island.source_url, type="tertiary", icon=":material/link:")

    st.markdown(f"**Events naming it** ({len(details.events)})")
    if details.events.empty:
        st.info("No event in the sidebar's countries and years names this island.", icon=":material/event_busy:")
    else:
        st.dataframe(details.events, hide_index=True, width="stretch", column_config={"Source": source_column})
    st.markdown(f"**Statements naming it** ({len(details.statements)})")
    if details.statements.empty:
        st.info("No statement in the sidebar's countries and years names this island.", icon=":material/chat_error:")
    else:
        st.dataframe(details.statements, hide_index=True, width="stretch", column_config={"Source": source_column})
else:
    st.info(
        "Click an island on the map, or choose one under *Island* in the sidebar, to see its details here.",
        icon=":material/touch_app:",
    )

st.subheader("All islands")
st.dataframe(
    all_islands,
    hide_index=True,
    width="stretch",
    column_config={"Area (km²)": st.column_config.NumberColumn(format="localized"), "Source": source_column},
)
