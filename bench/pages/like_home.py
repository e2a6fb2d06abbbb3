"""Reference for the overview (pages/home.py): a title, text beside a small folium map, four metrics and
a caption, the two sides' positions (a subheader, a caption, two bordered columns of Markdown) and a
CSV download, then the latest event (a heading and a page link in a row, three paragraphs) beside a
heading, a caption, three page links and a ZIP download."""

import streamlit as st
from components import folium_map, read, two_positions

events = read("events.csv")
latest = events.iloc[-1]
st.title("Russia–Japan peace-treaty talks")
summary, map_column = st.columns([3, 2], gap="medium")
summary.markdown("\n\n".join(events["description"].head(3)))
with map_column:
    folium_map(height=260, returned_objects=[])
figures = {"Since the 1956 declaration": "62 years", "Events": len(events), "Statements": 8, "Sources": 30}
for column, (label, value) in zip(st.columns(4), figures.items(), strict=True):
    column.metric(label, value, help="A figure of the whole dataset.")
st.caption("Figures for the whole dataset, up to its latest event.")
two_positions()
positions = read("positions.csv")
st.download_button("Download positions (CSV)", positions.to_csv(index=False), "positions.csv", "text/csv")
latest_column, explore_column = st.columns([3, 2], gap="medium")
with latest_column:
    with st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"):
        st.markdown("#### Latest event")
        st.page_link("like_story.py", label="Read the story", icon=":material/auto_stories:")
    st.markdown(f"**{latest['date']}** · {latest['title']}")
    st.markdown(latest["description"])
    st.markdown("Sources:\n- [TASS, 23 July 2018](https://tass.com/world/1014597)")
with explore_column:
    st.markdown("#### Explore")
    st.caption("No filters: everything is shown.")
    st.page_link("like_map.py", label="Map: who holds and who claims each island", icon=":material/map:")
    st.page_link("like_timeline.py", label=f"Timeline: all {len(events)} events", icon=":material/timeline:")
    st.page_link("like_statements.py", label="Statements: all 8 statements", icon=":material/format_quote:")
    st.download_button("Download the data package (ZIP)", b"PK", "kurils.zip", "application/zip")
