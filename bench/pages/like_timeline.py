"""Reference for the Timeline (pages/timeline.py): a title, a pills control, a caption, a Plotly chart
and its caption, then a select box, a line and a radio list in a scrolling container beside a caption, a download button."""

import plotly.express as px
import streamlit as st
from components import _, ngettext, read

events = read("events.csv")
titles = [f"{row.date} · {row.title}" for row in events.itertuples()]
st.title(_("Timeline of the negotiations"))
st.pills(_("Period"), ["1855–1945", "1945–1991", "1991–2025"])
st.caption(f"Showing {len(events)} of {len(events)} events. Pick an event in the list under the chart.")
chart = px.scatter(events, x="date", y="event_type", hover_name="title")
st.plotly_chart(chart, on_select="rerun", selection_mode="points", width="stretch")
st.caption("Diamonds: events from the article; circles: context events from other sources.")
listed, detailed = st.columns(2, gap="medium")
with listed:
    st.selectbox(_("Event"), titles, index=None, placeholder=_("Type to find an event, or pick one in the list"))
    st.markdown(_("**Events in view** ({count}, oldest first)").format(count=len(titles)))
    with st.container(height=440):
        st.radio(_("Events in view"), titles, index=None, label_visibility="collapsed", width="stretch")
with detailed:
    st.caption(_("Pick an event in the list, or click its mark on the chart, to read its details and sources here."))
st.download_button(
    ngettext("Download {count} event (CSV)", "Download {count} events (CSV)", len(events)).format(count=len(events)),
    data=lambda: events.to_csv(index=False),
    file_name="events.csv",
    on_click="ignore",
    icon=":material/download:",
    width="stretch",
)
