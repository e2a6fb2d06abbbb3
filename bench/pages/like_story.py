"""Reference for the Story (pages/story.py) at its first chapter: a title and a caption, a chapter
chooser, a progress bar, two buttons in a row, the two sides' positions (as on the overview), a header
and a caption, text beside a folium map and its caption, a subheader
and a list, an expander, a download button and the two buttons again."""

import streamlit as st
from components import _, folium_map, ngettext, read, two_positions

events = read("events.csv")
chapters = events["title"].head(15).tolist()
st.title(_("The story of the negotiations"))
st.caption(f"The talks from the 1855 treaty to today in {len(chapters)} short chapters.")
chosen = st.selectbox(_("Chapter"), range(len(chapters)), format_func=chapters.__getitem__)
st.progress(
    (chosen + 1) / len(chapters), text=_("Chapter {number} of {total}").format(number=chosen + 1, total=len(chapters))
)
with st.container(horizontal=True, horizontal_alignment="distribute"):
    st.button(_("Previous"), icon=":material/arrow_back:", disabled=chosen == 0)
    st.button(_("Next"), type="primary", icon=":material/arrow_forward:", icon_position="right")
if chosen == 0:
    two_positions()
shown = events.iloc[chosen : chosen + 3]
st.header(chapters[chosen], anchor=False)
st.caption(f"{shown['date'].iloc[0]} to {shown['date'].iloc[-1]}")
text_column, map_column = st.columns(2, gap="medium")
text_column.markdown("\n\n".join(shown["description"]))
with map_column:
    folium_map(height=320, returned_objects=[])
    st.caption("Ringed: the islands of this chapter. Red: administered by Russia, claimed by Japan.")
st.subheader(_("Events in this chapter"), anchor=False)
st.markdown("\n".join(f"- **{row.date}** {row.title}. {row.description}" for row in shown.itertuples()))
with st.expander(_("What each source says")):
    st.markdown("\n".join(f"- {row.title}: the date, the place and what happened." for row in shown.itertuples()))
st.download_button(
    ngettext("Download {count} event (CSV)", "Download {count} events (CSV)", len(shown)).format(count=len(shown)),
    data=lambda: shown.to_csv(index=False),
    file_name="events.csv",
    on_click="ignore",
    icon=":material/download:",
    width="stretch",
)
with st.container(horizontal=True, horizontal_alignment="distribute"):
    st.button(_("Previous"), key="previous_end", icon=":material/arrow_back:", disabled=chosen == 0)
    st.button(_("Next"), key="next_end", type="primary", icon=":material/arrow_forward:", icon_position="right")
