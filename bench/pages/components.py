"""The pieces of the reference pages, written plainly with Streamlit, pandas, Plotly and folium alone:
no code of the app. Streamlit puts this folder on the import path of every page in it."""

from pathlib import Path

import folium
import pandas as pd
import plotly.express as px
import streamlit as st
from streamlit_folium import st_folium

DATA = Path(__file__).resolve().parents[2] / "data"
# The app's own Leaflet, served from static/ (bench/pages/static links to it), as on the app's maps.
LEAFLET = "../../app/static/leaflet/leaflet"


def plain_sidebar() -> None:
    """A sidebar of the widget kinds the app's has: a radio, two number inputs, a selectbox, a link."""
    with st.sidebar:
        st.radio("Country", ("Both", "Japan", "Russia"), horizontal=True)
        first, last = st.columns(2)
        first.number_input("From", 1855, 2025, 1855)
        last.number_input("To", 1855, 2025, 2025)
        st.selectbox("Island", ("All islands", "Iturup", "Kunashir", "Shikotan", "Habomai"))
        st.markdown("[Share this view](?)")


def with_navigation(content) -> None:
    """`content` as the page of a two-entry navigation (a menu is drawn only for more than one page)
    beside the plain sidebar: what the app draws around every page."""
    page = st.navigation(
        [st.Page(content, title="Page", default=True), st.Page(content, title="Again", url_path="again")]
    )
    plain_sidebar()
    page.run()


def plotly_chart() -> None:
    events = pd.read_csv(DATA / "events.csv")
    st.plotly_chart(px.scatter(events, x="date", y="event_type"), width="stretch")


def folium_map() -> None:
    world = folium.Map(location=(44.5, 146.5), zoom_start=7, tiles=None)
    world.default_js = [("leaflet", f"{LEAFLET}.js")]
    world.default_css = [("leaflet_css", f"{LEAFLET}.css")]
    islands = (DATA / "islands.geojson").read_text(encoding="utf-8")
    folium.GeoJson(islands, marker=folium.CircleMarker(radius=6)).add_to(world)
    st_folium(world, height=500, use_container_width=True)


def dataframe() -> None:
    st.dataframe(pd.read_csv(DATA / "events.csv"), width="stretch")


def map_and_dataframe() -> None:
    folium_map()
    st.dataframe(pd.read_csv(DATA / "islands.csv"), width="stretch")
