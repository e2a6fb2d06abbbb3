"""What the reference pages share, written plainly with Streamlit, pandas and folium alone: no code of
the app. Streamlit puts this folder on the import path of every page in it."""

from pathlib import Path

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

DATA = Path(__file__).resolve().parents[2] / "data"
# The app's own Leaflet, served from static/ (bench/pages/static links to it), as on the app's maps.
LEAFLET = "../../app/static/leaflet/leaflet"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name)


def plain_sidebar() -> None:
    """A sidebar of the widget kinds the app's has: two radios (the language, the country), two number
    inputs, a selectbox, a link, the closed Embed and Cite panels; and above the page, the closed Filters
    panel a phone reader opens."""
    with st.sidebar:
        st.radio("Language", ("English", "日本語", "Русский"), horizontal=True)
        st.radio("Country", ("Both", "Japan", "Russia"), horizontal=True)
        first, last = st.columns(2)
        first.number_input("From", 1855, 2025, 1855)
        last.number_input("To", 1855, 2025, 2025)
        st.selectbox("Island", ("All islands", "Iturup", "Kunashir", "Shikotan", "Habomai"))
        st.markdown("[Share this view](?)")
        for panel in ("Embed this view", "Cite this view"):
            with st.expander(panel):
                st.caption(panel)
                st.html("<pre>text to copy</pre><button>Copy</button>")
    with st.popover("Filters: none in use", width="stretch"):
        st.caption("The filters")


def folium_map(height: int, returned_objects: list[str]) -> None:
    """The islands of data/islands.geojson on a folium map, drawn by st_folium; it reruns the page when
    one of `returned_objects` changes (as the app's maps: none on a picture, a click on the Map page)."""
    world = folium.Map(location=(44.5, 146.5), zoom_start=7, tiles=None)
    world.default_js = [("leaflet", f"{LEAFLET}.js")]
    world.default_css = [("leaflet_css", f"{LEAFLET}.css")]
    islands = (DATA / "islands.geojson").read_text(encoding="utf-8")
    folium.GeoJson(islands, marker=folium.CircleMarker(radius=6)).add_to(world)
    st_folium(world, height=height, use_container_width=True, returned_objects=returned_objects)


def two_positions() -> None:
    """The two sides' positions: a subheader, a caption, two bordered columns of Markdown."""
    positions = read("positions.csv")
    st.subheader("The two positions")
    st.caption("Each government's case in its own words.")
    for column, (side, rows) in zip(st.columns(2, gap="medium"), positions.groupby("side"), strict=True):
        with column.container(border=True):
            st.markdown(f"**{side}**")
            st.markdown(
                "\n\n".join(f"{r.summary}\n\n> {r.quote}\n\n— [{r.speaker}]({r.url})" for r in rows.itertuples())
            )
