"""Reference for the overview (pages/home.py): a title, text beside a small folium map, four metrics and
a caption, the two sides' positions (a subheader, a caption, two bordered columns of Markdown) and a
CSV download, then the latest event (a heading and a page link in a row, three paragraphs) beside a
heading, a caption, three page links and a ZIP download."""

import pandas as pd
import streamlit as st
from components import DATA, _, folium_map, ngettext, read, two_positions


def all_of(singular: str, plural: str, count: int) -> str:
    """ "all 61 events", in the app's words."""
    return _("all {counted}").format(counted=ngettext(singular, plural, count).format(count=count))


events = read("events.csv")
latest = events.iloc[-1]
years = int(latest["date"][:4]) - 1956
# Every distinct page the data cites, counted plainly.
cited = {"sources.csv": "url", "event_sources.csv": "url", "island_figures.csv": "url", "readings.csv": "url"}
cited |= {"positions.csv": "url", "islands.csv": "source_url", "statements.csv": "role_source_url"}
tables = {name: pd.read_csv(DATA / name) for name in cited}
pages = set().union(*(set(tables[name][column].dropna()) for name, column in cited.items()))
st.title(_("Russia–Japan peace-treaty talks"))
summary, map_column = st.columns([3, 2], gap="medium")
summary.markdown("\n\n".join(events["description"].head(3)))
with map_column:
    folium_map(height=260, returned_objects=[])
figures = {
    _("Since the {year} declaration").format(year=1956): ngettext("{count} year", "{count} years", years).format(
        count=years
    ),
    _("Events"): len(events),
    _("Statements"): len(tables["statements.csv"]),
    _("Sources"): len(pages),
}
for column, (label, value) in zip(st.columns(4), figures.items(), strict=True):
    column.metric(label, value, help="A figure of the whole dataset.")
st.caption("Figures for the whole dataset, up to its latest event.")
two_positions()
positions = read("positions.csv")
st.download_button(
    ngettext("Download {count} position (CSV)", "Download {count} positions (CSV)", len(positions)).format(
        count=len(positions)
    ),
    positions.to_csv(index=False),
    "positions.csv",
    "text/csv",
)
latest_column, explore_column = st.columns([3, 2], gap="medium")
with latest_column:
    with st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"):
        st.markdown(f"#### {_('Latest event')}")
        st.page_link("like_story.py", label=_("Read the story"), icon=":material/auto_stories:")
    st.markdown(f"**{latest['date']}** · {latest['title']}")
    st.markdown(latest["description"])
    st.markdown(f"{_('Sources:')}\n- [TASS, 23 July 2018](https://tass.com/world/1014597)")
with explore_column:
    st.markdown(f"#### {_('Explore')}")
    st.caption(_("No filters: everything is shown."))
    st.page_link("like_map.py", label=_("Map: who holds and who claims each island"), icon=":material/map:")
    st.page_link(
        "like_timeline.py",
        label=_("Timeline: {events}").format(events=all_of("{count} event", "{count} events", len(events))),
        icon=":material/timeline:",
    )
    st.page_link(
        "like_statements.py",
        label=_("Statements: {statements}").format(statements=all_of("{count} statement", "{count} statements", 8)),
        icon=":material/format_quote:",
    )
    st.download_button(
        _("Download {package}").format(package=_("the data package (ZIP, Frictionless)")),
        b"PK",
        "kurils.zip",
        "application/zip",
    )
